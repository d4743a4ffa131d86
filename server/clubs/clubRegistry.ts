/**
 * Clubs and their users, as the operator and the club's IT officer manage them. A user has a
 * role (built-in for now) and, for register-bound roles, their registers; a link to their own
 * member record gives the scope "own record".
 */
import { newId } from '../../shared/domain/ids.ts';
import { OPERATOR, writeAudit } from '../audit/auditLog.ts';
import { AppError, requireUuid } from '../errors.ts';
import type { ServerDatabase, SqlClient } from '../storage/serverDatabase.ts';
import type { ClubRoles } from './clubRoles.ts';

export interface ClubUser {
  id: string;
  name: string;
  role: string;
  registerIds: string[];
  memberId: string | null;
}

export interface NewUser {
  name: string;
  role: string;
  registerIds?: string[];
  memberId?: string | null;
}

/** A change of what a user may see: any field left out stays as it is. */
export interface UserScopeChange {
  role?: string;
  registerIds?: string[];
  memberId?: string | null;
}

export class ClubRegistry {
  constructor(
    private readonly db: ServerDatabase,
    private readonly roles: ClubRoles,
  ) {}

  async createClub(name: string): Promise<{ id: string; name: string }> {
    const clean = name.trim();
    if (!clean || clean.length > 200) throw new AppError('validation', 'server.clubs.nameLength');
    const id = newId();
    await this.db.asOwner(async (sql) => {
      await sql.query('INSERT INTO clubs (id, name) VALUES ($1, $2)', [id, clean]);
      await sql.query('INSERT INTO club_versions (club_id) VALUES ($1)', [id]);
      await writeAudit(sql, id, OPERATOR, { action: 'club.create', fields: ['name'] });
    });
    return { id, name: clean };
  }

  async listClubs(): Promise<{ id: string; name: string }[]> {
    return this.db.asOwner(
      async (sql) =>
        (await sql.query<{ id: string; name: string }>('SELECT id, name FROM clubs ORDER BY name'))
          .rows,
    );
  }

  /** Throws a clear message when the club does not exist. */
  async requireClub(clubId: string): Promise<{ id: string; name: string }> {
    const id = requireUuid(clubId, 'club');
    const club = await this.db.asOwner(
      async (sql) =>
        (
          await sql.query<{ id: string; name: string }>(
            'SELECT id, name FROM clubs WHERE id = $1',
            [id],
          )
        ).rows[0],
    );
    if (!club) throw new AppError('not_found', 'server.clubs.unknown', { clubId: id });
    return club;
  }

  async addUser(clubId: string, user: NewUser): Promise<ClubUser> {
    await this.requireClub(clubId);
    const name = user.name.trim();
    if (!name || name.length > 200) throw new AppError('validation', 'server.users.nameLength');
    const registerIds = (user.registerIds ?? []).map((id) => requireUuid(id, 'register'));
    const memberId = user.memberId ? requireUuid(user.memberId, 'member') : null;
    const id = newId();
    await this.db.withClub(clubId, async (sql) => {
      await this.checkScope(sql, user.role, registerIds, memberId);
      await sql.query(
        'INSERT INTO users (club_id, id, name, role, register_ids, member_id) VALUES ($1, $2, $3, $4, $5, $6)',
        [clubId, id, name, user.role, registerIds, memberId],
      );
      await writeAudit(sql, clubId, OPERATOR, {
        action: 'user.add',
        entity: 'users',
        recordId: id,
        fields: ['name', 'role', 'registerIds', 'memberId'],
      });
    });
    return { id, name, role: user.role, registerIds, memberId };
  }

  /**
   * Changes a user's role, registers or own member record. What the user may see changes with
   * it, so the user's scope epoch is raised in the same transaction: each of their devices
   * notices at its next pull, resyncs and removes what it may no longer hold.
   */
  async updateUser(clubId: string, userId: string, change: UserScopeChange): Promise<ClubUser> {
    await this.requireClub(clubId);
    const id = requireUuid(userId, 'user');
    const registerIds = change.registerIds?.map((r) => requireUuid(r, 'register'));
    const memberId =
      change.memberId === undefined || change.memberId === null
        ? change.memberId
        : requireUuid(change.memberId, 'member');
    return this.db.withClub(clubId, async (sql) => {
      const row = (
        await sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id])
      ).rows[0];
      if (!row) throw new AppError('not_found', 'server.users.unknown', { userId: id, clubId });
      const before = toUser(row);
      const after: ClubUser = {
        ...before,
        role: change.role ?? before.role,
        registerIds: registerIds ?? before.registerIds,
        memberId: memberId === undefined ? before.memberId : memberId,
      };
      await this.checkScope(sql, after.role, after.registerIds, after.memberId);
      const changed = (['role', 'registerIds', 'memberId'] as const).filter(
        (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
      );
      if (changed.length === 0) return after;
      await sql.query(
        `UPDATE users SET role = $2, register_ids = $3, member_id = $4, scope_epoch = scope_epoch + 1
         WHERE id = $1`,
        [id, after.role, after.registerIds, after.memberId],
      );
      await writeAudit(sql, clubId, OPERATOR, {
        action: 'user.update',
        entity: 'users',
        recordId: id,
        fields: changed,
      });
      return after;
    });
  }

  /** The role must exist; a role bound to registers or to the own record is useless without them. */
  private async checkScope(
    sql: SqlClient,
    role: string,
    registerIds: readonly string[],
    memberId: string | null,
  ): Promise<void> {
    const grants = await this.roles.grantsOf(sql, role);
    if (!grants) {
      const known = await this.roles.namesIn(sql);
      throw new AppError('validation', 'server.users.unknownRole', {
        role,
        known: known.join(', '),
      });
    }
    if (grants.some((g) => g.scope === 'ownRegisters') && registerIds.length === 0)
      throw new AppError('validation', 'server.users.roleNeedsRegister', { role });
    if (grants.some((g) => g.scope === 'ownRecord') && !memberId)
      throw new AppError('validation', 'server.users.roleNeedsMember', { role });
  }

  async listUsers(clubId: string): Promise<ClubUser[]> {
    await this.requireClub(clubId);
    return this.db.withClub(clubId, async (sql) =>
      (await sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY created_at`)).rows.map(
        toUser,
      ),
    );
  }

  async getUser(clubId: string, userId: string): Promise<ClubUser | null> {
    return this.db.withClub(clubId, async (sql) => {
      const row = (
        await sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [userId])
      ).rows[0];
      return row ? toUser(row) : null;
    });
  }
}

const USER_COLUMNS = 'id, name, role, register_ids, member_id';

interface UserRow {
  id: string;
  name: string;
  role: string;
  register_ids: string[];
  member_id: string | null;
}

function toUser(row: UserRow): ClubUser {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    registerIds: row.register_ids,
    memberId: row.member_id,
  };
}
