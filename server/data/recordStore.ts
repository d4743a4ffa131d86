/**
 * The club's records in the database, as the data API and sync both read and write them: one
 * row per record with its fields, one HLC stamp per field, the deleted flag and the club
 * version of its last change. `sql` is always in the club's scope (`withClub`).
 */
import type { EntityName } from '../../shared/domain/entities.ts';
import type { SqlClient } from '../storage/serverDatabase.ts';

export type Fields = Record<string, unknown>;

/**
 * The NOTIFY channel a club's change is announced on. The payload is the club id, or — for a
 * change a device pushed — `{"clubId":…,"exceptDevice":…}` (see `announceChange`).
 */
export const CLUB_CHANGED = 'tutti_club_changed';

/** Who need not hear of a change. */
export interface ChangeAnnouncement {
  /**
   * The device whose push made the change: it pulls right after its push, so a poke would only
   * fetch its own echo (every open channel of that device is skipped, on every node). Unset for
   * every other change — the record API, a restore, the server's own writes — which pokes all.
   */
  exceptDevice?: string;
}

/** A change as announced on `CLUB_CHANGED`. */
export interface ClubChange extends ChangeAnnouncement {
  clubId: string;
}

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
export async function announceChange(
  sql: SqlClient,
  clubId: string,
  { exceptDevice }: ChangeAnnouncement = {},
): Promise<void> {
  const payload = exceptDevice === undefined ? clubId : JSON.stringify({ clubId, exceptDevice });
  await sql.query(`SELECT pg_notify('${CLUB_CHANGED}', $1)`, [payload]);
}

/** The change a `CLUB_CHANGED` payload announces, or null for one that is not an announcement. */
export function parseClubChange(payload: string): ClubChange | null {
  if (!payload.startsWith('{')) return payload ? { clubId: payload } : null;
  try {
    const { clubId, exceptDevice } = JSON.parse(payload) as Record<string, unknown>;
    if (typeof clubId !== 'string' || !clubId) return null;
    return typeof exceptDevice === 'string' ? { clubId, exceptDevice } : { clubId };
  } catch {
    return null;
  }
}
