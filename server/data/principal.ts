import type { Subject } from '../../shared/rights/access.ts';
import type { Actor } from '../audit/auditLog.ts';
import type { SqlClient } from '../storage/serverDatabase.ts';

/** Who is asking, resolved from their certificate (or, later, their web session). */
export interface Principal {
  clubId: string;
  actor: Actor;
  subject: Subject;
  /** The user's role by name ("vorstand", a club's own role; "support" for support staff). */
  role: string;
  /** Raised when the user's role or registers change; a device seeing a new one resyncs. */
  scopeEpoch: number;
}

/**
 * A caller is resolved to a principal inside the transaction of the work itself: the device
 * check, the user's role and the data are read in one snapshot, so a revocation or a role
 * change cannot slip in between — and a request costs one transaction, not three.
 */
export interface Caller {
  clubId: string;
  resolve(sql: SqlClient): Promise<Principal>;
}

export function knownCaller(principal: Principal): Caller {
  return { clubId: principal.clubId, resolve: async () => principal };
}
