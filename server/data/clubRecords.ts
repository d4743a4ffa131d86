/**
 * The server-side data API that sync and the web application build on: list, get, save and
 * delete a club's records. Every read is filtered by the principal's grants (records out of
 * scope are absent, sensitive fields stripped), every write the grants do not allow is refused
 * with nothing changed, and every write — and every read of support staff — is in the audit
 * log, in the same transaction.
 */
import { type EntityName, strictSchemaOf } from '../../shared/domain/entities.ts';
import {
  decideDelete,
  decideWrite,
  readView,
  sensitiveFieldsOf,
  touchedFields,
} from '../../shared/rights/access.ts';
import { HybridLogicalClock } from '../../shared/sync/hlc.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { requireUuid, ServiceError, validationError } from '../errors.ts';
import type { ServerDatabase, SqlClient } from '../storage/serverDatabase.ts';
import type { Caller, Principal } from './principal.ts';
import { RecordBatch } from './recordBatch.ts';
import { loadRelations } from './recordRelations.ts';
import { enforceInvariants, loadRecord } from './recordStore.ts';

type Fields = Record<string, unknown>;

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
      const stored = await loadRecord(sql, entity, recordId);
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
    const view = await this.db.withClub(caller.clubId, async (sql) => {
      const principal = await caller.resolve(sql);
      const relations = await loadRelations(sql, principal.subject);
      const stored = await loadRecord(sql, entity, recordId, true);
      if (stored?.deleted) throw new ServiceError('not_found', NOT_VISIBLE);
      const before = stored?.fields ?? null;
      if (before && !readView(principal.subject, entity, before, relations))
        throw new ServiceError('not_found', NOT_VISIBLE);

      // Sensitive fields not sent are kept as stored. They join only after validation, so the
      // schema's cross-field rules never judge values the writer may not see (no oracle).
      const touched = touchedFields(entity, input, !stored);
      const parsed = strictSchemaOf(entity).safeParse({ ...input, id: recordId });
      if (!parsed.success) throw validationError('Der Datensatz', parsed.error.issues);
      const after: Fields = { ...(parsed.data as Fields) };
      for (const field of sensitiveFieldsOf(entity))
        if (!(field in input) && before && field in before) after[field] = before[field];

      const decision = decideWrite(principal.subject, entity, before, after, relations, touched);
      if (!decision.ok) throw new ServiceError('forbidden', decision.message);
      await enforceInvariants(sql, entity, after);

      const changed = Object.keys(after).filter(
        (f) => JSON.stringify(after[f]) !== JSON.stringify(before?.[f]),
      );
      if (changed.length > 0 || !stored) {
        const stamps = { ...(stored?.stamps ?? {}) };
        for (const field of changed) stamps[field] = this.clock.tick();
        const batch = new RecordBatch(sql, principal.clubId, principal.actor);
        await batch.store(entity, recordId, { fields: after, stamps, deleted: false });
        batch.audit({ action: stored ? 'update' : 'create', entity, recordId, fields: changed });
        await batch.finish();
      }
      return readView(principal.subject, entity, after, relations) ?? {};
    });
    this.db.noteWrites(1);
    return view;
  }

  async remove(caller: Caller, entity: EntityName, id: string): Promise<void> {
    const recordId = requireUuid(id, 'Die Datensatz-ID');
    await this.db.withClub(caller.clubId, async (sql) => {
      const principal = await caller.resolve(sql);
      const relations = await loadRelations(sql, principal.subject);
      const stored = await loadRecord(sql, entity, recordId, true);
      if (
        !stored ||
        stored.deleted ||
        !readView(principal.subject, entity, stored.fields, relations)
      )
        throw new ServiceError('not_found', NOT_VISIBLE);
      const decision = decideDelete(principal.subject, entity, stored.fields, relations);
      if (!decision.ok) throw new ServiceError('forbidden', decision.message);
      const stamps = { ...stored.stamps, deleted: this.clock.tick() };
      const batch = new RecordBatch(sql, principal.clubId, principal.actor);
      await batch.store(entity, recordId, { fields: stored.fields, stamps, deleted: true });
      batch.audit({ action: 'delete', entity, recordId, fields: ['deleted'] });
      await batch.finish();
    });
    this.db.noteWrites(1);
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
}
