import type { Subject } from '../../shared/rights/access.ts';
import type { Actor } from '../audit/auditLog.ts';

/** Who is asking, resolved from their certificate (or, later, their web session). */
export interface Principal {
  clubId: string;
  actor: Actor;
  subject: Subject;
}
