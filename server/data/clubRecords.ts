/**
 * The server-side data API that sync and the web application build on: list, get, save and
 * delete a club's records. Every read is filtered by the principal's grants (records out of
 * scope are absent, sensitive fields stripped), every write the grants do not allow is refused
 * with nothing changed, and every write — and every read of support staff — is in the audit
 * log, in the same transaction.
 */
import { ENTITIES, type EntityName } from '../../shared/domain/entities.ts';
import {
  decideDelete,
  decideWrite,
  readView,
  sensitiveFieldsOf,
} from '../../shared/rights/access.ts';
import { HybridLogicalClock } from '../../shared/sync/hlc.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { requireUuid, ServiceError, validationError } from '../errors.ts';
import type { ServerDatabase, SqlClient } from '../storage/serverDatabase.ts';
import type { Caller, Principal } from './principal.ts';
import { loadRelations } from './recordRelations.ts';

type Fields = Record<string, unknown>;

interface StoredRecord {
  fields: Fields;
  stamps: Record<string, string>;
  deleted: boolean;
}

const NOT_VISIBLE = 'Diesen Datensatz gibt es nicht (oder er ist für Sie nicht sichtbar).';

export class ClubRecords {
  private readonly clock: HybridLogicalClock;

  constructor(
    private readonly db: ServerDatabase,
    nodeId = 'server',
  ) {
    this.clock = new HybridLogicalClock(nodeId);
  }

  async list(caller: Caller, entity: EntityName): Promise<Fields[]> {
    return this.db.withClub(caller.clubId, async (sql) => {
      const principal = await caller.resolve(sql);
      const relations = await loadRelations(sql, principal.subject);
      const { rows } = await sql.query<{ fields: Fields }>(
        'SELECT fields FROM records WHERE entity = $1 AND NOT deleted ORDER BY id',
        [entity],
      );
      const views = rows
        .map((r) => readView(principal.subject, entity, r.fields, relations))
        .filter((v): v is Fields => v !== null);
      await this.auditRead(sql, principal, entity, null);
      return views;
    });
  }

  async get(caller: Caller, entity: EntityName, id: string): Promise<Fields> {
    const recordId = requireUuid(id, 'Die Datensatz-ID');
    return this.db.withClub(caller.clubId, async (sql) => {
      const principal = await caller.resolve(sql);
      const relations = await loadRelations(sql, principal.subject);
      const stored = await this.load(sql, entity, recordId);
      const view =
        stored && !stored.deleted
          ? readView(principal.subject, entity, stored.fields, relations)
          : null;
      if (!view) throw new ServiceError('not_found', NOT_VISIBLE);
      await this.auditRead(sql, principal, entity, recordId);
      return view;
    });
  }

  /** Creates or replaces a record; the answer is the record as the principal may see it. */
  async save(caller: Caller, entity: EntityName, id: string, input: Fields): Promise<Fields> {
    const recordId = requireUuid(id, 'Die Datensatz-ID');
    if (input.id !== undefined && input.id !== recordId)
      throw new ServiceError('bad_request', 'Die ID im Datensatz passt nicht zur Adresse.');
    return this.db.withClub(caller.clubId, async (sql) => {
      const principal = await caller.resolve(sql);
      const relations = await loadRelations(sql, principal.subject);
      const stored = await this.load(sql, entity, recordId, true);
      if (stored?.deleted) throw new ServiceError('not_found', NOT_VISIBLE);
      const before = stored?.fields ?? null;
      if (before && !readView(principal.subject, entity, before, relations))
        throw new ServiceError('not_found', NOT_VISIBLE);

      // Sensitive fields not sent are kept as stored. They join only after validation, so the
      // schema's cross-field rules never judge values the writer may not see (no oracle).
      const touched = Object.keys(input).filter((field) => field !== 'id');
      const parsed = ENTITIES[entity].schema.strict().safeParse({ ...input, id: recordId });
      if (!parsed.success) throw validationError('Der Datensatz', parsed.error.issues);
      const after: Fields = { ...(parsed.data as Fields) };
      for (const field of sensitiveFieldsOf(entity))
        if (!(field in input) && before && field in before) after[field] = before[field];

      const decision = decideWrite(principal.subject, entity, before, after, relations, touched);
      if (!decision.ok) throw new ServiceError('forbidden', decision.message);
      await this.enforceInvariants(sql, entity, after);

      const changed = Object.keys(after).filter(
        (f) => JSON.stringify(after[f]) !== JSON.stringify(before?.[f]),
      );
      if (changed.length > 0 || !stored) {
        const stamps = { ...(stored?.stamps ?? {}) };
        for (const field of changed) stamps[field] = this.clock.tick();
        await this.store(sql, principal.clubId, entity, recordId, after, stamps, false);
        await writeAudit(sql, principal.clubId, principal.actor, {
          action: stored ? 'update' : 'create',
          entity,
          recordId,
          fields: changed,
        });
      }
      return readView(principal.subject, entity, after, relations) ?? {};
    });
  }

  async remove(caller: Caller, entity: EntityName, id: string): Promise<void> {
    const recordId = requireUuid(id, 'Die Datensatz-ID');
    await this.db.withClub(caller.clubId, async (sql) => {
      const principal = await caller.resolve(sql);
      const relations = await loadRelations(sql, principal.subject);
      const stored = await this.load(sql, entity, recordId, true);
      if (
        !stored ||
        stored.deleted ||
        !readView(principal.subject, entity, stored.fields, relations)
      )
        throw new ServiceError('not_found', NOT_VISIBLE);
      const decision = decideDelete(principal.subject, entity, stored.fields, relations);
      if (!decision.ok) throw new ServiceError('forbidden', decision.message);
      const stamps = { ...stored.stamps, deleted: this.clock.tick() };
      await this.store(sql, principal.clubId, entity, recordId, stored.fields, stamps, true);
      await writeAudit(sql, principal.clubId, principal.actor, {
        action: 'delete',
        entity,
        recordId,
        fields: ['deleted'],
      });
    });
  }

  private async auditRead(
    sql: SqlClient,
    principal: Principal,
    entity: EntityName,
    recordId: string | null,
  ) {
    if (principal.actor.kind !== 'support') return;
    await writeAudit(sql, principal.clubId, principal.actor, { action: 'read', entity, recordId });
  }

  private async load(
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

  private async store(
    sql: SqlClient,
    clubId: string,
    entity: EntityName,
    id: string,
    fields: Fields,
    stamps: Record<string, string>,
    deleted: boolean,
  ): Promise<void> {
    const { rows } = await sql.query<{ version: string }>(
      'UPDATE club_versions SET version = version + 1 RETURNING version',
    );
    const version = rows[0]?.version;
    if (version === undefined) throw new Error(`club ${clubId} has no version row`);
    await sql.query(
      `INSERT INTO records (club_id, entity, id, fields, stamps, deleted, version) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (club_id, entity, id) DO UPDATE SET fields = $4, stamps = $5, deleted = $6, version = $7`,
      [clubId, entity, id, JSON.stringify(fields), JSON.stringify(stamps), deleted, version],
    );
  }

  /** Rules across records that only the server sees whole: one open loan per instrument. */
  private async enforceInvariants(
    sql: SqlClient,
    entity: EntityName,
    record: Fields,
  ): Promise<void> {
    if (entity !== 'loans' || record.returnedOn) return;
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
}
