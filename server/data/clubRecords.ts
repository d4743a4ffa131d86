/**
 * The server-side data API that sync and the web application build on: list, get, save and
 * delete a club's records. Every read is filtered by the principal's grants (records out of
 * scope are absent, sensitive fields stripped), every write the grants do not allow is refused
 * with nothing changed, and every write — and every read of support staff — is in the audit
 * log, in the same transaction.
 */
import type { FieldErrors } from '../../shared/domain/entities.ts';
import { type EntityName, strictSchemaOf } from '../../shared/domain/entities.ts';
import { completeRecord } from '../../shared/domain/recordShape.ts';
import { sameValue } from '../../shared/domain/sameValue.ts';
import {
  fieldAccess,
  type Relations,
  readView,
  sensitiveFieldsOf,
} from '../../shared/rights/access.ts';
import { type ShownRecord, STAMPS_KEY } from '../../shared/web/webProtocol.ts';
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

/** How a record is read: plain (the device's record API), or with its stamps (the web page). */
export interface ReadOptions {
  /** Each record carries the stamps of the fields it shows under `STAMPS_KEY`. */
  stamps?: boolean;
}

export interface SaveOptions extends ReadOptions {
  /**
   * The record as the web page's form showed it: a field someone changed since then is a
   * conflict if the person changed it too, and is left alone if they did not (issue #27).
   */
  shown?: ShownRecord;
}

/**
 * A view as the web page takes it: every field it may see present (`completeRecord`), and the
 * stamps of the fields it shows beside them.
 */
function withStamps(entity: EntityName, view: Fields, stamps: Record<string, string>): Fields {
  const shown: Record<string, string> = {};
  for (const field of Object.keys(view)) if (stamps[field]) shown[field] = stamps[field];
  return { ...completeRecord(entity, view), [STAMPS_KEY]: shown };
}

/** A value short enough to name in a message, or null (lists, objects, long texts). */
function nameable(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string' && value.length <= 80) return value;
  return null;
}

/**
 * The fields of `set` someone changed since the form showed the record: each one the person
 * did not change is dropped from `set` (the newer value stays), each one they did change too
 * is a conflict with the value it has now (named when short). Only fields the person sees.
 */
function meanwhileConflicts(
  set: Fields,
  input: Fields,
  shown: ShownRecord,
  stored: { fields: Fields; stamps: Record<string, string> },
  visibleNow: Fields,
): FieldErrors {
  const conflicts: FieldErrors = {};
  for (const field of Object.keys(set)) {
    // A field the principal may not see is never compared: its stamp, its presence and its
    // value stay unknown to them, and the write path refuses it as it refuses any write of it.
    if (!(field in visibleNow)) continue;
    if (stored.stamps[field] === shown.stamps[field]) continue;
    if (!differs(input[field], shown.fields[field])) {
      delete set[field];
      continue;
    }
    const now = nameable(visibleNow[field] ?? '');
    conflicts[field] =
      now === null
        ? { key: 'web.changedMeanwhileHidden' }
        : { key: 'web.changedMeanwhile', params: { value: now } };
  }
  return conflicts;
}

export class ClubRecords {
  constructor(
    private readonly db: ServerDatabase,
    private readonly clock: ServerClock,
  ) {}

  async list(caller: Caller, entity: EntityName, options: ReadOptions = {}): Promise<Fields[]> {
    return this.db.withClub(caller.clubId, async (sql) => {
      const principal = await caller.resolve(sql);
      const relations = await loadRelations(sql, principal.subject);
      const { rows } = await sql.query<{ fields: Fields; stamps: Record<string, string> }>(
        `SELECT fields${options.stamps ? ', stamps' : ''} FROM records WHERE entity = $1 AND NOT deleted ORDER BY id`,
        [entity],
      );
      const views: Fields[] = [];
      for (const row of rows) {
        const view = readView(principal.subject, entity, row.fields, relations);
        if (view) views.push(options.stamps ? withStamps(entity, view, row.stamps) : view);
      }
      await this.auditRead(sql, principal, entity, null);
      return views;
    });
  }

  async get(
    caller: Caller,
    entity: EntityName,
    id: string,
    options: ReadOptions = {},
  ): Promise<Fields> {
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
      return options.stamps && stored ? withStamps(entity, view, stored.stamps) : view;
    });
  }

  /**
   * Creates or changes a record; the answer is the record as the principal may see it. Written
   * as a mutation of this server node (`applyServerChange`): only the fields that differ are
   * set, and sensitive fields not sent keep their values. A field not sent keeps its value on
   * an existing record — also a list, which the schema's default would otherwise empty.
   */
  async save(
    caller: Caller,
    entity: EntityName,
    id: string,
    input: Fields,
    options: SaveOptions = {},
  ): Promise<Fields> {
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
        if (field === 'id' || (stored && !(field in input))) continue;
        // Sensitive fields count by presence: sent, they are written (and need the right to),
        // even with the stored value — so an answer never tells whether a guess was right.
        if (sensitive.has(field) ? field in input : !stored || differs(value, stored.fields[field]))
          set[field] = value;
      }
      const relations = await loadRelations(sql, principal.subject);
      const visibleNow = stored && readView(principal.subject, entity, stored.fields, relations);
      // A record the principal may neither read nor write is absent for them, whatever was
      // sent: a save that would change nothing must not confirm a guessed value.
      if (
        stored &&
        !visibleNow &&
        fieldAccess(principal.subject, entity, 'write', stored.fields, relations) === null
      )
        throw new AppError('not_found', NOT_VISIBLE);
      if (stored && visibleNow && options.shown) {
        const conflicts = meanwhileConflicts(set, input, options.shown, stored, visibleNow);
        if (Object.keys(conflicts).length > 0)
          throw new AppError('conflict', 'web.saveConflict', {}, { fields: conflicts });
      }
      if (!stored || Object.keys(set).length > 0)
        await applyServerChange(sql, principal, [{ entity, id: recordId, set }], this.clock);
      const saved = await loadRecord(sql, entity, recordId);
      return this.viewOf(principal, entity, saved, relations, options);
    });
    this.db.noteWrites(1);
    return view;
  }

  /**
   * One page of the members the principal may see, sorted by last and first name (the web
   * application's phone list, and its benchmark). A role that sees every member is paged by
   * the database along an index; one that sees some is filtered first, then paged.
   */
  async membersByName(
    caller: Caller,
    page: { offset: number; limit: number },
  ): Promise<{ members: Fields[]; hasMore: boolean }> {
    return this.db.withClub(caller.clubId, async (sql) => {
      const principal = await caller.resolve(sql);
      const relations = await loadRelations(sql, principal.subject);
      const seesAll = principal.subject.grants.some(
        (g) => g.entity === 'members' && g.action === 'read' && g.scope === 'all',
      );
      const order = `lower(fields->>'lastName'), lower(fields->>'firstName'), id`;
      const { rows } = await sql.query<{ fields: Fields; stamps: Record<string, string> }>(
        `SELECT fields, stamps FROM records WHERE entity = 'members' AND NOT deleted
         ORDER BY ${order}${seesAll ? ' LIMIT $1 OFFSET $2' : ''}`,
        seesAll ? [page.limit + 1, page.offset] : [],
      );
      const views: Fields[] = [];
      for (const row of rows) {
        const view = readView(principal.subject, 'members', row.fields, relations);
        if (view) views.push(withStamps('members', view, row.stamps));
      }
      const window = seesAll ? views : views.slice(page.offset, page.offset + page.limit + 1);
      await this.auditRead(sql, principal, 'members', null);
      return { members: window.slice(0, page.limit), hasMore: window.length > page.limit };
    });
  }

  /** Brings a deleted record back (the field `deleted` set anew), as a mutation. */
  async restore(
    caller: Caller,
    entity: EntityName,
    id: string,
    options: ReadOptions = {},
  ): Promise<Fields> {
    const recordId = requireUuid(id, 'record');
    const view = await this.db.withClub(caller.clubId, async (sql) => {
      const principal = await caller.resolve(sql);
      const stored = await loadRecord(sql, entity, recordId, true);
      if (!stored) throw new AppError('not_found', NOT_VISIBLE);
      if (stored.deleted)
        await applyServerChange(
          sql,
          principal,
          [{ entity, id: recordId, set: { deleted: false } }],
          this.clock,
        );
      const relations = await loadRelations(sql, principal.subject);
      const restored = await loadRecord(sql, entity, recordId);
      return this.viewOf(principal, entity, restored, relations, options);
    });
    this.db.noteWrites(1);
    return view;
  }

  /** A role that may write but not read what it wrote gets an empty answer. */
  private viewOf(
    principal: Principal,
    entity: EntityName,
    stored: { fields: Fields; stamps: Record<string, string> } | undefined,
    relations: Relations,
    options: ReadOptions,
  ): Fields {
    const view = stored && readView(principal.subject, entity, stored.fields, relations);
    if (!view) return {};
    return options.stamps && stored ? withStamps(entity, view, stored.stamps) : view;
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
