/**
 * Who must have a second factor (DESIGN.md "Transport security"): an administrator, and everyone
 * whose role reads sensitive fields (bank data, birth dates) of other people. Reading one's own
 * record in full (scope "own record", the built-in "mitglied") does not count: it exposes no one
 * else's data.
 */
import type { EntityName } from '../../shared/domain/entities.ts';
import { sensitiveFieldsOf } from '../../shared/rights/access.ts';
import type { Grant } from '../../shared/rights/grants.ts';

export function grantsReadSensitive(grants: readonly Grant[]): boolean {
  return grants.some(
    (g) =>
      g.action === 'read' &&
      g.fields === 'all' &&
      g.scope !== 'ownRecord' &&
      sensitiveFieldsOf(g.entity as EntityName).length > 0,
  );
}

/** A role whose grants are unknown (null: deleted or damaged) must have one, to be safe. */
export function roleNeedsSecondFactor(role: string, grants: readonly Grant[] | null): boolean {
  return role === 'administrator' || grants === null || grantsReadSensitive(grants);
}
