/**
 * The server-side data API that sync and the web application build on: list, get, save and
 * delete a club's records. Every read is filtered by the principal's grants (records out of
 * scope are absent, sensitive fields stripped), every write the grants do not allow is refused
 * with nothing changed, and every write — and every read of support staff — is in the audit
 * log, in the same transaction.
 */
import { type EntityName, strictSchemaOf } from '../../shared/domain/entities.ts';
import { sameValue } from '../../shared/domain/sameValue.ts';
import { readView, sensitiveFieldsOf } from '../../shared/rights/access.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { AppError, requireUuid, validationError } from '../errors.ts';
import type { ServerDatabase, SqlClient } from '../storage/serverDatabase.ts';
import { applyServerChange } from '../sync/serverChange.ts';
import type { ServerClock } from '../sync/serverClock.ts';
import type { Caller, Principal } from './principal.ts';
import { loadRelations } from './recordRelations.ts';
import { loadRecord } from './recordStore.ts';

type Fields = Record<string, unknown>;

// By content: jsonb hands objects back with their keys in its own order.
const differs = (a: unknown, b: unknown) => !sameValue(a ?? null, b ?? null);

const NOT_VISIBLE = 'server.records.notVisible';

export class ClubRecords {
  constructor(
    private readonly db: ServerDatabase,
    private readonly clock: ServerClock,
  ) {}

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
    const recordId = requireUuid(id, 'record');
    return this.db.withClub(caller.clubId, async (sql) => {
      const principal = await caller.resolve(sql);
      const relations = await loadRelations(sql, principal.subject);
      const stored = await loadRecord(sql, entity, recordId);
      const view =
        stored && !stored.deleted
          ? readView(principal.subject, entity, stored.fields, relations)
          : null;
      if (!view) throw new AppError('not_found', NOT_VISIBLE);
      await this.auditRead(sql, principal, entity, recordId);
      return view;
    });
  }

  /**
   * Creates or changes a record; the answer is the record as the principal may see it. Written
   * as a mutation of this server node (`applyServerChange`): only the fields that differ are
   * set, and sensitive fields not sent keep their values.
   */
  async save(caller: Caller, entity: EntityName, id: string, input: Fields): Promise<Fields> {
    const recordId = requireUuid(id, 'record');
    if (input.id !== undefined && input.id !== recordId)
      throw new AppError('bad_request', 'server.records.idMismatch');
    const parsed = strictSchemaOf(entity).safeParse({ ...input, id: recordId });
    if (!parsed.success) throw validationError('server.records.invalid', parsed.error.issues);
    const view = await this.db.withClub(caller.clubId, async (sql) => {
      const principal = await caller.resolve(sql);
      const stored = await loadRecord(sql, entity, recordId, true);
      if (stored?.deleted) throw new AppError('not_found', NOT_VISIBLE);
      const sensitive = new Set(sensitiveFieldsOf(entity));
      const set: Fields = {};
      for (const [field, value] of Object.entries(parsed.data as Fields)) {
        if (field === 'id') continue;
        // Sensitive fields count by presence: sent, they are written (and need the right to),
        // even with the stored value — so an answer never tells whether a guess was right.
        if (sensitive.has(field) ? field in input : !stored || differs(value, stored.fields[field]))
          set[field] = value;
      }
      if (!stored || Object.keys(set).length > 0)
        await applyServerChange(sql, principal, [{ entity, id: recordId, set }], this.clock);
      const relations = await loadRelations(sql, principal.subject);
      const saved = await loadRecord(sql, entity, recordId);
      // A role that may write but not read what it wrote gets an empty answer.
      return (saved && readView(principal.subject, entity, saved.fields, relations)) ?? {};
    });
    this.db.noteWrites(1);
    return view;
  }

  /** Deletes a record (the field `deleted`, so it can be restored), as a mutation. */
  async remove(caller: Caller, entity: EntityName, id: string): Promise<void> {
    const recordId = requireUuid(id, 'record');
    await this.db.withClub(caller.clubId, async (sql) => {
      const principal = await caller.resolve(sql);
      const stored = await loadRecord(sql, entity, recordId, true);
      if (!stored || stored.deleted) throw new AppError('not_found', NOT_VISIBLE);
      await applyServerChange(
        sql,
        principal,
        [{ entity, id: recordId, set: { deleted: true } }],
        this.clock,
      );
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
