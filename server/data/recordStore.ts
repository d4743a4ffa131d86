/**
 * The club's records in the database, as the data API and sync both read and write them: one
 * row per record with its fields, one HLC stamp per field, the deleted flag and the club
 * version of its last change. `sql` is always in the club's scope (`withClub`).
 */
import type { EntityName } from '../../shared/domain/entities.ts';
import { ServiceError } from '../errors.ts';
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

/** Whether a record is subject to a rule across records (an open loan). */
export function hasInvariants(entity: EntityName, record: Fields): boolean {
  return entity === 'loans' && !record.returnedOn;
}

/** Rules across records that only the server sees whole: one open loan per instrument. */
export async function enforceInvariants(
  sql: SqlClient,
  entity: EntityName,
  record: Fields,
): Promise<void> {
  if (!hasInvariants(entity, record)) return;
  // Serialises loans of one instrument across concurrent transactions (PostgreSQL runs READ
  // COMMITTED: without it, two loans could each see no other open loan).
  await sql.query(`SELECT pg_advisory_xact_lock(hashtext('tutti-loan:' || $1))`, [
    record.instrumentId,
  ]);
  const { rows } = await sql.query(
    `SELECT 1 FROM records WHERE entity = 'loans' AND NOT deleted AND id <> $1
       AND fields->>'instrumentId' = $2 AND (fields->>'returnedOn') IS NULL LIMIT 1`,
    [record.id, record.instrumentId],
  );
  if (rows.length > 0)
    throw new ServiceError(
      'conflict',
      'Dieses Instrument ist bereits ausgeliehen. Bitte zuerst die Rückgabe eintragen.',
      {
        instrumentId: 'Dieses Instrument ist bereits ausgeliehen.',
      },
    );
}
