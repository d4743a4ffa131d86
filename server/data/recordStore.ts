/**
 * The club's records in the database, as the data API and sync both read and write them: one
 * row per record with its fields, one HLC stamp per field, the deleted flag and the club
 * version of its last change. `sql` is always in the club's scope (`withClub`).
 */
import type { EntityName } from '../../shared/domain/entities.ts';
import type { SqlClient } from '../storage/serverDatabase.ts';

export type Fields = Record<string, unknown>;

/** The NOTIFY channel a club's change is announced on; the payload is the club id. */
export const CLUB_CHANGED = 'tutti_club_changed';

export interface StoredRecord {
  fields: Fields;
  stamps: Record<string, string>;
  deleted: boolean;
}

export async function loadRecord(
  sql: SqlClient,
  entity: EntityName,
  id: string,
  forUpdate = false,
): Promise<StoredRecord | undefined> {
  const { rows } = await sql.query<StoredRecord>(
    `SELECT fields, stamps, deleted FROM records WHERE entity = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [entity, id],
  );
  return rows[0];
}

/** Every server node listening on this database tells its devices on commit (not before). */
export async function announceChange(sql: SqlClient, clubId: string): Promise<void> {
  await sql.query(`SELECT pg_notify('${CLUB_CHANGED}', $1)`, [clubId]);
}
