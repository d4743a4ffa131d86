/**
 * The roles of a club: the built-in ones (DESIGN.md "Rights") and those the club defines as
 * lists of grants. A club role may not take a built-in name, so a role name means the same
 * everywhere.
 */
import { type Grant, grantSchema } from '../../shared/rights/grants.ts';
import { BUILT_IN_ROLES, isBuiltInRole, type Role } from '../../shared/rights/roles.ts';
import { OPERATOR, writeAudit } from '../audit/auditLog.ts';
import { AppError } from '../errors.ts';
import type { ServerDatabase, SqlClient } from '../storage/serverDatabase.ts';

const ROLE_NAME = /^[a-z][a-z0-9-]{1,39}$/;

export class ClubRoles {
  constructor(private readonly db: ServerDatabase) {}

  async add(clubId: string, name: string, label: string, grants: Grant[]): Promise<Role> {
    if (!ROLE_NAME.test(name))
      throw new AppError('validation', 'server.roles.invalidName', { name });
    if (isBuiltInRole(name)) throw new AppError('conflict', 'server.roles.builtInName', { name });
    if (grants.length === 0) throw new AppError('validation', 'server.roles.needsGrant');
    const role: Role = { name, label: label.trim() || name, grants };
    await this.db.withClub(clubId, async (sql) => {
      const { rows } = await sql.query(
        `INSERT INTO roles (club_id, name, label, grants) VALUES ($1, $2, $3, $4)
         ON CONFLICT (club_id, name) DO NOTHING RETURNING name`,
        [clubId, name, role.label, JSON.stringify(grants)],
      );
      if (rows.length === 0) throw new AppError('conflict', 'server.roles.exists', { name });
      await writeAudit(sql, clubId, OPERATOR, {
        action: 'role.add',
        entity: 'roles',
        recordId: name,
      });
    });
    return role;
  }

  /**
   * New grants (and label) for a club's own role. Every user with the role gets a new scope
   * epoch, so their devices pull what they may now see; the new rights come with that pull.
   */
  async update(clubId: string, name: string, label: string, grants: Grant[]): Promise<Role> {
    if (isBuiltInRole(name))
      throw new AppError('conflict', 'server.roles.builtInUnchangeable', { name });
    if (grants.length === 0) throw new AppError('validation', 'server.roles.needsGrant');
    return this.db.withClub(clubId, async (sql) => {
      const { rows } = await sql.query<{ label: string }>(
        `UPDATE roles SET grants = $2, label = COALESCE(NULLIF($3, ''), label) WHERE name = $1
         RETURNING label`,
        [name, JSON.stringify(grants), label.trim()],
      );
      if (!rows[0]) throw new AppError('not_found', 'server.roles.unknown', { name });
      await sql.query('UPDATE users SET scope_epoch = scope_epoch + 1 WHERE role = $1', [name]);
      await writeAudit(sql, clubId, OPERATOR, {
        action: 'role.update',
        entity: 'roles',
        recordId: name,
      });
      return { name, label: rows[0].label, grants };
    });
  }

  async list(clubId: string): Promise<Role[]> {
    const own = await this.db.withClub(
      clubId,
      async (sql) =>
        (
          await sql.query<{ name: string; label: string; grants: Grant[] }>(
            'SELECT name, label, grants FROM roles ORDER BY name',
          )
        ).rows,
    );
    return [...Object.values(BUILT_IN_ROLES), ...own];
  }

  /** Every role name the club knows, built-in first; `sql` in the club's scope. */
  async namesIn(sql: SqlClient): Promise<string[]> {
    const { rows } = await sql.query<{ name: string }>('SELECT name FROM roles ORDER BY name');
    return [...Object.keys(BUILT_IN_ROLES), ...rows.map((r) => r.name)];
  }

  /** The grants of a role, read in the club's scope; null for an unknown role. */
  async grantsOf(sql: SqlClient, name: string): Promise<readonly Grant[] | null> {
    if (isBuiltInRole(name)) return BUILT_IN_ROLES[name].grants;
    const { rows } = await sql.query<{ grants: unknown }>(
      'SELECT grants FROM roles WHERE name = $1',
      [name],
    );
    return grantsOfRole(name, rows[0]?.grants);
  }
}

/**
 * A role's grants: built in, or the club's own as stored (`undefined`: no such role). Stored
 * grants are re-checked: a damaged row must grant nothing rather than too much.
 */
export function grantsOfRole(name: string, stored: unknown): readonly Grant[] | null {
  if (isBuiltInRole(name)) return BUILT_IN_ROLES[name].grants;
  if (stored === undefined || stored === null) return null;
  const parsed = grantSchema.array().safeParse(stored);
  return parsed.success ? parsed.data : null;
}
