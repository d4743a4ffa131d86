/**
 * One club's data as a plain SQLite file, and back. The dump reads every table of the club in
 * one REPEATABLE READ transaction (one moment's state, while the server keeps working); each
 * PostgreSQL table becomes an SQLite table of the same name and columns, JSON and array values
 * as JSON text, so the club can read its backup with any SQLite tool. `_columns` records the
 * PostgreSQL types, which the restore needs to rebuild the rows exactly.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { snapshotOf } from '../../shared/node/backup/sqliteSnapshot.ts';
import { HybridLogicalClock } from '../../shared/sync/hlc.ts';
import { ServiceError } from '../errors.ts';
import type { SqlClient } from '../storage/serverDatabase.ts';

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
  if (!club.rows[0]) throw new ServiceError('not_found', `Den Verein ${clubId} gibt es nicht.`);
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
 * A club that does not exist here (a new server after a lost one) is restored as a whole.
 *
 * A club that exists is set back by a new edit, as if someone had typed the backup's values
 * in again now: every field of every record gets the backup's value under one new stamp,
 * later than any stamp the club has, and records created since the backup are deleted the
 * same way. Devices merge by stamp, so only a new stamp makes them take the older values;
 * with the old stamps they would keep their newer ones and the club would drift apart. What
 * governs access stays as it is now — users, devices and their last mutation ids, the admin
 * password, support consent, the audit log — so devices enrolled since keep working and no
 * device's mutation ids fall behind; users and roles the server lost come back.
 */
export async function restoreClub(
  sql: SqlClient,
  clubId: string,
  snapshotBytes: Buffer,
  now: () => number = Date.now,
): Promise<RestoredClub> {
  const snapshot = new Database(snapshotBytes, { readonly: true });
  try {
    const backedUp = snapshot.prepare('SELECT id FROM clubs').all() as { id: string }[];
    const clubs = rowsOf(snapshot, 'clubs', clubId);
    if (backedUp.length !== 1 || backedUp[0]!.id !== clubId)
      throw new ServiceError(
        'bad_request',
        `Die Sicherung gehört nicht zum Verein ${clubId}. Bitte die Sicherung dieses Vereins wählen.`,
      );
    const exists = await sql.query('SELECT 1 FROM clubs WHERE id = $1', [clubId]);
    const records = rowsOf(snapshot, 'records', clubId);
    if (exists.rows.length === 0) {
      for (const table of CLUB_BACKUP_TABLES)
        await insertRows(sql, table, rowsOf(snapshot, table, clubId));
      return { created: true, records: records.length, deleted: 0 };
    }
    await sql.query('UPDATE clubs SET name = $2 WHERE id = $1', [clubId, clubs[0]!.name]);
    await insertRows(sql, 'roles', rowsOf(snapshot, 'roles', clubId), 'ON CONFLICT DO NOTHING');
    await insertRows(sql, 'users', rowsOf(snapshot, 'users', clubId), 'ON CONFLICT DO NOTHING');

    const counter = await sql.query<{ version: string }>(
      'SELECT version FROM club_versions WHERE club_id = $1 FOR UPDATE',
      [clubId],
    );
    let version = Number(counter.rows[0]?.version ?? 0);
    const latest = await sql.query<{ stamp: string | null }>(
      `SELECT max(s.value) AS stamp FROM records r, jsonb_each_text(r.stamps) s WHERE r.club_id = $1`,
      [clubId],
    );
    const stamp = new HybridLogicalClock('restore', now, latest.rows[0]?.stamp ?? undefined).tick();

    const inBackup = new Set(records.map((r) => `${r.entity}:${r.id}`));
    const current = await sql.query<{ entity: string; id: string }>(
      'SELECT entity, id FROM records WHERE club_id = $1 AND NOT deleted ORDER BY entity, id',
      [clubId],
    );
    const gone = current.rows.filter((r) => !inBackup.has(`${r.entity}:${r.id}`));
    for (const record of gone)
      await sql.query(
        `UPDATE records SET deleted = true, stamps = stamps || jsonb_build_object('deleted', $4::text),
                version = $5 WHERE club_id = $1 AND entity = $2 AND id = $3`,
        [clubId, record.entity, record.id, stamp, ++version],
      );
    for (const record of records) {
      const fields = record.fields as Record<string, unknown>;
      record.stamps = Object.fromEntries(
        [...Object.keys(fields), 'deleted'].map((f) => [f, stamp]),
      );
      record.version = ++version;
    }
    await insertRows(
      sql,
      'records',
      records,
      `ON CONFLICT (club_id, entity, id) DO UPDATE SET fields = excluded.fields,
         stamps = excluded.stamps, deleted = excluded.deleted, version = excluded.version`,
    );
    await sql.query(
      `INSERT INTO club_versions (club_id, version) VALUES ($1, $2)
       ON CONFLICT (club_id) DO UPDATE SET version = excluded.version`,
      [clubId, version],
    );
    return { created: false, records: records.length, deleted: gone.length };
  } finally {
    snapshot.close();
  }
}
