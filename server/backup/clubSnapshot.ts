/**
 * One club's data as a plain SQLite file, and back. The dump reads every table of the club in
 * one REPEATABLE READ transaction (one moment's state, while the server keeps working); each
 * PostgreSQL table becomes an SQLite table of the same name and columns, JSON and array values
 * as JSON text, so the club can read its backup with any SQLite tool. `_columns` records the
 * PostgreSQL types, which the restore needs to rebuild the rows exactly.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { snapshotOf } from '../../shared/node/backup/sqliteSnapshot.ts';
import { BUILT_IN_ROLES } from '../../shared/rights/roles.ts';
import { beyondDrift, isStamp } from '../../shared/sync/hlc.ts';
import type { Op } from '../../shared/sync/protocol.ts';
import type { Principal } from '../data/principal.ts';
import { RecordBatch } from '../data/recordBatch.ts';
import { loadRelations } from '../data/recordRelations.ts';
import type { Fields } from '../data/recordStore.ts';
import { AppError } from '../errors.ts';
import { enterClubScope, type SqlClient } from '../storage/serverDatabase.ts';
import { applyMutation, MutationRejected } from '../sync/applyMutation.ts';
import type { ServerClock } from '../sync/serverClock.ts';

/**
 * The club's tables, parents first. Enrolment codes are left out: they are short-lived
 * secrets, worthless a day later. `clubs` is keyed by `id`, every other table by `club_id`.
 */
export const CLUB_BACKUP_TABLES = [
  'clubs',
  'club_versions',
  'roles',
  'users',
  'club_admin_passwords',
  'devices',
  'device_mutations',
  'records',
  'rejected_mutations',
  'support_grants',
  'audit_log',
] as const;
export type ClubBackupTable = (typeof CLUB_BACKUP_TABLES)[number];

const keyColumn = (table: string) => (table === 'clubs' ? 'id' : 'club_id');
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface Column {
  name: string;
  type: string;
}

async function columnsOf(sql: SqlClient, table: string): Promise<Column[]> {
  const { rows } = await sql.query<{ name: string; type: string }>(
    `SELECT column_name AS name, udt_name AS type FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows;
}

function toSqlite(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

export interface ClubDump {
  snapshot: Buffer;
  counts: Record<string, number>;
  clubName: string;
  /** The club's version at the moment of the dump. */
  version: number;
}

/** Call inside an owner transaction that has not run a statement yet. */
export async function dumpClub(sql: SqlClient, clubId: string): Promise<ClubDump> {
  await sql.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
  const club = await sql.query<{ name: string }>('SELECT name FROM clubs WHERE id = $1', [clubId]);
  if (!club.rows[0]) throw new AppError('not_found', 'server.clubs.gone', { clubId });
  const db = new Database(':memory:');
  try {
    db.exec(
      'CREATE TABLE _columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, pg_type TEXT NOT NULL)',
    );
    const describe = db.prepare('INSERT INTO _columns VALUES (?, ?, ?)');
    const counts: Record<string, number> = {};
    for (const table of CLUB_BACKUP_TABLES) {
      const columns = await columnsOf(sql, table);
      db.exec(`CREATE TABLE ${quote(table)} (${columns.map((c) => quote(c.name)).join(', ')})`);
      for (const column of columns) describe.run(table, column.name, column.type);
      const { rows } = await sql.query<{ row: Record<string, unknown> }>(
        `SELECT to_jsonb(t) AS row FROM ${quote(table)} t WHERE ${keyColumn(table)} = $1`,
        [clubId],
      );
      const insert = db.prepare(
        `INSERT INTO ${quote(table)} VALUES (${columns.map(() => '?').join(', ')})`,
      );
      db.transaction(() => {
        for (const { row } of rows) insert.run(columns.map((c) => toSqlite(row[c.name])));
      })();
      counts[table] = rows.length;
    }
    const version = await sql.query<{ version: string }>(
      'SELECT version FROM club_versions WHERE club_id = $1',
      [clubId],
    );
    return {
      snapshot: snapshotOf(db),
      counts,
      clubName: club.rows[0].name,
      version: Number(version.rows[0]?.version ?? 0),
    };
  } finally {
    db.close();
  }
}

/**
 * The rows of one table of a snapshot as PostgreSQL would read them from JSON, every one
 * bound to `clubId`: a backup file proves nothing about who made it (anyone may encrypt to a
 * public recipient), so no row of it may reach another club.
 */
function rowsOf(
  snapshot: Database.Database,
  table: string,
  clubId: string,
): Record<string, unknown>[] {
  const types = new Map(
    (
      snapshot
        .prepare('SELECT column_name AS name, pg_type AS type FROM _columns WHERE table_name = ?')
        .all(table) as { name: string; type: string }[]
    ).map((c) => [c.name, c.type]),
  );
  const rows = snapshot.prepare(`SELECT * FROM ${quote(table)}`).all() as Record<string, unknown>[];
  for (const row of rows)
    for (const [name, value] of Object.entries(row)) {
      const type = types.get(name) ?? '';
      if (value === null) continue;
      if (type === 'bool') row[name] = value === 1;
      else if (type === 'json' || type === 'jsonb' || type.startsWith('_'))
        row[name] = JSON.parse(value as string);
    }
  for (const row of rows) row[keyColumn(table)] = clubId;
  return rows;
}

async function insertRows(
  sql: SqlClient,
  table: string,
  rows: Record<string, unknown>[],
  onConflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  // Identity columns (audit_log.id) keep their values.
  const overriding = table === 'audit_log' ? 'OVERRIDING SYSTEM VALUE' : '';
  for (let i = 0; i < rows.length; i += 1000)
    await sql.query(
      `INSERT INTO ${quote(table)} ${overriding}
       SELECT * FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb) ${onConflict}`,
      [JSON.stringify(rows.slice(i, i + 1000))],
    );
}

export interface RestoredClub {
  /** True when the club did not exist here and was created from the backup as a whole. */
  created: boolean;
  /** Records set back to their state in the backup. */
  records: number;
  /** Records created after the backup, now deleted (they stay in the newer backups). */
  deleted: number;
}

/**
 * Restores one club from a snapshot, inside one owner transaction; no other club is touched.
 *
 * A club that does not exist here (a new server after a lost one) is restored as a whole; a
 * stamp of the backup that is not valid, or lies beyond the drift bound, is replaced by one
 * of this server's.
 *
 * A club that exists is set back by a new edit, as if someone had typed the backup's values
 * in again now — through the same write path as every edit (`applyMutation`): every field of
 * every record gets the backup's value under one new stamp of this server node, later than any
 * stamp the club has, and records created since the backup are deleted the same way. Devices
 * merge by stamp, so only a new stamp makes them take the older values. The records are
 * checked like any edit; a rule across records that only fails because of the order of the
 * writes (a register name two records swap) is retried once the rest is written; what still
 * fails stops the restore with the reasons, and nothing is changed. What governs access stays
 * as it is now — users, devices and their last mutation ids, the admin password, support
 * consent, the audit log — so devices enrolled since keep working and no device's mutation ids
 * fall behind; users and roles the server lost come back.
 */
export async function restoreClub(
  sql: SqlClient,
  clubId: string,
  snapshotBytes: Buffer,
  clock: ServerClock,
): Promise<RestoredClub> {
  const snapshot = new Database(snapshotBytes, { readonly: true });
  try {
    const backedUp = snapshot.prepare('SELECT id FROM clubs').all() as { id: string }[];
    const clubs = rowsOf(snapshot, 'clubs', clubId);
    if (backedUp.length !== 1 || backedUp[0]!.id !== clubId)
      throw new AppError('bad_request', 'server.backup.otherClub', { clubId });
    const exists = await sql.query('SELECT 1 FROM clubs WHERE id = $1', [clubId]);
    const records = rowsOf(snapshot, 'records', clubId);
    if (exists.rows.length === 0) {
      for (const record of records)
        record.stamps = validStamps(record.stamps as Record<string, string>, clock);
      for (const table of CLUB_BACKUP_TABLES)
        await insertRows(
          sql,
          table,
          table === 'records' ? records : rowsOf(snapshot, table, clubId),
        );
      return { created: true, records: records.length, deleted: 0 };
    }
    await sql.query('UPDATE clubs SET name = $2 WHERE id = $1', [clubId, clubs[0]!.name]);
    await insertRows(sql, 'roles', rowsOf(snapshot, 'roles', clubId), 'ON CONFLICT DO NOTHING');
    await insertRows(sql, 'users', rowsOf(snapshot, 'users', clubId), 'ON CONFLICT DO NOTHING');
    // The records as any edit is written: in the club's scope, through applyMutation.
    await enterClubScope(sql, clubId);
    return await setBackRecords(sql, clubId, records, clock);
  } finally {
    snapshot.close();
  }
}

/** Who a restore's edits are by, in the audit log. */
const RESTORE_ACTOR = { kind: 'operator', id: 'restore', deviceId: null, address: null } as const;

/** Parents before what links to them, so no edit links to a record not yet restored. */
const RESTORE_ORDER = [
  'registers',
  'members',
  'club',
  'instruments',
  'events',
  'honours',
  'maintenance',
  'attendance',
  'loans',
];

function validStamps(stamps: Record<string, string>, clock: ServerClock): Record<string, string> {
  const beyond = beyondDrift(clock.now());
  let replacement: string | null = null;
  const valid: Record<string, string> = {};
  for (const [field, stamp] of Object.entries(stamps ?? {})) {
    if (isStamp(stamp) && !beyond(stamp)) valid[field] = stamp;
    else {
      replacement ??= clock.tick();
      valid[field] = replacement;
    }
  }
  return valid;
}

async function setBackRecords(
  sql: SqlClient,
  clubId: string,
  records: Record<string, unknown>[],
  clock: ServerClock,
): Promise<RestoredClub> {
  const latest = await sql.query<{ stamp: string | null }>(
    'SELECT max(s.value) AS stamp FROM records r, jsonb_each_text(r.stamps) s',
  );
  if (latest.rows[0]?.stamp) clock.observeAll([latest.rows[0].stamp]);
  const stamp = clock.tick();
  const current = await sql.query<{ entity: string; id: string; fields: Fields }>(
    'SELECT entity, id, fields FROM records',
  );
  const now = new Map(current.rows.map((r) => [`${r.entity}:${r.id}`, r.fields]));
  const inBackup = new Set(records.map((r) => `${r.entity}:${r.id}`));
  const ops: Op[] = [];
  let deleted = 0;
  for (const row of current.rows)
    if (!inBackup.has(`${row.entity}:${row.id}`)) {
      ops.push(op(row.entity, row.id, { deleted: true }, stamp));
      deleted += 1;
    }
  const rank = (entity: string) => RESTORE_ORDER.indexOf(entity);
  for (const record of [...records].sort(
    (a, b) => rank(String(a.entity)) - rank(String(b.entity)),
  )) {
    const { id: _id, ...fields } = record.fields as Fields;
    const set: Fields = { ...fields, deleted: record.deleted === true };
    // A field the record has gained since the backup goes back to empty.
    for (const field of Object.keys(now.get(`${record.entity}:${record.id}`) ?? {}))
      if (field !== 'id' && !(field in set)) set[field] = null;
    ops.push(op(String(record.entity), String(record.id), set, stamp));
  }
  const principal: Principal = {
    clubId,
    actor: RESTORE_ACTOR,
    subject: { grants: BUILT_IN_ROLES.administrator.grants, registerIds: [], memberId: null },
    role: 'administrator',
    scopeEpoch: 0,
  };
  const relations = await loadRelations(sql, principal.subject);
  const batch = new RecordBatch(sql, clubId, RESTORE_ACTOR);
  await batch.prefetch(ops);
  let pending = ops;
  let refused: { op: Op; rejected: MutationRejected }[] = [];
  for (let pass = 0; pass < 2 && pending.length > 0; pass += 1) {
    refused = [];
    for (const one of pending) {
      await batch.begin(1);
      try {
        await applyMutation(principal, { mutationId: 1, ops: [one] }, relations, batch, clock);
        await batch.commit();
      } catch (error) {
        if (!(error instanceof MutationRejected)) throw error;
        await batch.rollback();
        refused.push({ op: one, rejected: error });
      }
    }
    pending = refused.map((r) => r.op);
  }
  if (refused.length > 0) {
    const { op: first, rejected } = refused[0]!;
    const [field, problem] = Object.entries(rejected.error.fields ?? {})[0] ?? [];
    throw new AppError('conflict', 'server.backup.restoreRefused', {
      count: refused.length,
      entity: first.entity,
      id: first.id,
      reason:
        field && problem
          ? { key: 'server.backup.fieldProblem', params: { field, problem } }
          : rejected.error.text,
    });
  }
  await batch.finish();
  return { created: false, records: records.length, deleted };
}

function op(entity: string, id: string, set: Fields, stamp: string): Op {
  return {
    entity: entity as Op['entity'],
    id,
    set,
    stamps: Object.fromEntries(Object.keys(set).map((field) => [field, stamp])),
  };
}
