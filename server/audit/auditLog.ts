/**
 * The audit log of a club: who (user or support staff, with the device), when, what was done to
 * which record, which fields — names only, never values — and from which address. Rows are
 * written in the transaction of the change itself, so a change and its entry exist together
 * or not at all; the application role may insert and read, never update or delete.
 */
import type { SqlClient } from '../storage/serverDatabase.ts';

export interface Actor {
  kind: 'user' | 'support' | 'operator' | 'web';
  id: string;
  deviceId: string | null;
  address: string | null;
}

export interface AuditEntry {
  action: string;
  entity?: string | null;
  recordId?: string | null;
  fields?: readonly string[];
}

export interface AuditRow {
  at: Date;
  actor: string;
  deviceId: string | null;
  action: string;
  entity: string | null;
  recordId: string | null;
  fields: string[];
  address: string | null;
}

/** The server's operator, acting through `tutti-server` on the server itself. */
export const OPERATOR: Actor = { kind: 'operator', id: 'cli', deviceId: null, address: null };
/** The club's IT officer, proven by the club administrator password. */
export const CLUB_ADMIN: Actor = {
  kind: 'operator',
  id: 'club-admin',
  deviceId: null,
  address: null,
};

export function actorName(actor: Actor): string {
  return `${actor.kind}:${actor.id}`;
}

/** Appends one entry; `sql` must be in the club's scope (`withClub`). */
export function writeAudit(
  sql: SqlClient,
  clubId: string,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  return writeAuditEntries(sql, clubId, actor, [entry]);
}

/**
 * Appends several entries of one actor in one statement (a pushed batch). The entries travel
 * as one JSON parameter: binding thousands of parameters costs more than the insert itself.
 */
export async function writeAuditEntries(
  sql: SqlClient,
  clubId: string,
  actor: Actor,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    action: entry.action,
    entity: entry.entity ?? null,
    record_id: entry.recordId ?? null,
    fields: [...(entry.fields ?? [])],
  }));
  await sql.query(
    `INSERT INTO audit_log (club_id, actor, device_id, action, entity, record_id, fields, address)
     SELECT $1, $2, $3, r.action, r.entity, r.record_id, r.fields, $4
     FROM jsonb_to_recordset($5::jsonb) AS r(action text, entity text, record_id text, fields text[])`,
    [clubId, actorName(actor), actor.deviceId, actor.address, JSON.stringify(rows)],
  );
}

export async function readAudit(sql: SqlClient, since?: Date): Promise<AuditRow[]> {
  const { rows } = await sql.query<{
    at: Date;
    actor: string;
    device_id: string | null;
    action: string;
    entity: string | null;
    record_id: string | null;
    fields: string[];
    address: string | null;
  }>(
    `SELECT at, actor, device_id, action, entity, record_id, fields, address FROM audit_log
     WHERE at >= $1 ORDER BY id`,
    [since ?? new Date(0)],
  );
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor,
    deviceId: r.device_id,
    action: r.action,
    entity: r.entity,
    recordId: r.record_id,
    fields: r.fields,
    address: r.address,
  }));
}
