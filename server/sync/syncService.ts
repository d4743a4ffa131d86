/**
 * Sync protocol v1 on the server (DESIGN.md "Sync protocol"): push applies a device's mutations
 * in order, in one transaction together with the device's `lastMutationId` — a retry is a
 * no-op, a gap is refused, a refused mutation is recorded with its reason and returned; pull
 * returns the current state of every changed record the user may see, after a cursor, paged.
 */
import type { EntityName, FieldErrors } from '../../shared/domain/entities.ts';
import type { Message } from '../../shared/messages/message.ts';
import { type Relations, readView, type Subject } from '../../shared/rights/access.ts';
import { BUILT_IN_ROLES, isBuiltInRole } from '../../shared/rights/roles.ts';
import type {
  Mutation,
  MutationOutcome,
  PullResponse,
  PushResponse,
  RecordChange,
} from '../../shared/sync/protocol.ts';
import { FIRST_ENTITIES } from '../../shared/sync/protocol.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { Caller, Principal } from '../data/principal.ts';
import { RecordBatch } from '../data/recordBatch.ts';
import { loadRelations } from '../data/recordRelations.ts';
import type { Fields } from '../data/recordStore.ts';
import { AppError, fieldTexts } from '../errors.ts';
import type { ServerDatabase, SqlClient } from '../storage/serverDatabase.ts';
import { applyMutation, MutationRejected, reasonKeyOf } from './applyMutation.ts';
import type { ServerClock } from './serverClock.ts';

export const PULL_PAGE = 1000;
export const MAX_PULL_PAGE = 5000;

/**
 * What became of a pushed mutation, as the server answers it: a refusal gives its reason in
 * German (`reason`, `fields`) for older desktops, its key (`reasonKey`, without the `reasons.`
 * prefix older desktops add), the exact reason as a message (`reasonMessage`: "Für diese Änderung
 * fehlt die Berechtigung." where `reasonKey` can only say "not allowed") and its messages per
 * field (`fieldMessages`).
 */
export type ServerOutcome = MutationOutcome & { fieldMessages?: FieldErrors };

interface RecordedRejection {
  reason: string;
  fields: Record<string, string>;
  reason_key: string | null;
  reason_params: Record<string, string | number>;
  field_messages: FieldErrors;
  reason_message: Message | null;
}

async function lastMutationId(sql: SqlClient, clubId: string, deviceId: string): Promise<number> {
  await sql.query(
    'INSERT INTO device_mutations (club_id, device_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [clubId, deviceId],
  );
  const { rows } = await sql.query<{ last_mutation_id: string }>(
    'SELECT last_mutation_id FROM device_mutations WHERE device_id = $1 FOR UPDATE',
    [deviceId],
  );
  return Number(rows[0]?.last_mutation_id ?? 0);
}

async function setLastMutationId(sql: SqlClient, deviceId: string, id: number): Promise<void> {
  await sql.query('UPDATE device_mutations SET last_mutation_id = $2 WHERE device_id = $1', [
    deviceId,
    id,
  ]);
}

interface RecordRow {
  entity: string;
  id: string;
  fields: Fields;
  stamps: Record<string, string>;
  deleted: boolean;
  version: string | number;
}

/** A record as this subject may see it: sensitive fields and their stamps stripped, or null. */
function toChange(subject: Subject, relations: Relations, row: RecordRow): RecordChange {
  const view = readView(subject, row.entity as EntityName, row.fields, relations);
  if (!view) return { entity: row.entity, id: row.id, version: Number(row.version), state: null };
  const fields: Fields = { ...view, deleted: row.deleted };
  const stamps: Record<string, string> = {};
  for (const field of Object.keys(fields)) if (row.stamps[field]) stamps[field] = row.stamps[field];
  return {
    entity: row.entity,
    id: row.id,
    version: Number(row.version),
    state: { fields, stamps },
  };
}

/**
 * The server's state of the given records (each once) as this principal may see it, from
 * what the batch has read and written.
 */
function currentStates(
  principal: Principal,
  relations: Relations,
  batch: RecordBatch,
  records: readonly { entity: string; id: string }[],
): RecordChange[] {
  const seen = new Set<string>();
  const changes: RecordChange[] = [];
  for (const { entity, id } of records) {
    if (seen.has(`${entity}:${id}`)) continue;
    seen.add(`${entity}:${id}`);
    const stored = batch.cached(entity as EntityName, id);
    changes.push(
      stored
        ? toChange(principal.subject, relations, {
            entity,
            id,
            fields: stored.fields,
            stamps: stored.stamps,
            deleted: stored.deleted,
            version: String(batch.versionOf(entity as EntityName, id)),
          })
        : { entity, id, version: 0, state: null },
    );
  }
  return changes;
}

export class SyncService {
  constructor(
    private readonly db: ServerDatabase,
    private readonly clock: ServerClock,
    /** Told once a push committed: mutations applied now, and the reasons of those refused now. */
    private readonly counted: (applied: number, refusedReasons: string[]) => void = () => {},
  ) {}

  /**
   * Applies a batch in one transaction: the device's `lastMutationId` is locked at the start and
   * written once at the end, so the batch commits with it or not at all (a retry after a lost
   * answer skips what was applied). A refused mutation is rolled back alone — to its savepoint
   * when it has several ops; a single op is refused before it writes — and recorded.
   */
  async push(
    caller: Caller,
    deviceId: string,
    mutations: readonly Mutation[],
    sentAt?: number,
  ): Promise<PushResponse> {
    // How far the device's clock is ahead of this server's (a slow clock overrules nobody).
    const deviceAheadMs = sentAt === undefined ? 0 : sentAt - this.clock.now();
    // Refusals made by this push (a retry's repeated answers are not new refusals).
    let refusedNow: string[] = [];
    const answer = await this.db.withClub(caller.clubId, async (sql) => {
      refusedNow = [];
      const principal = await caller.resolve(sql);
      let last = await lastMutationId(sql, caller.clubId, deviceId);
      const results: ServerOutcome[] = [];
      let relations = await loadRelations(sql, principal.subject);
      const batch = new RecordBatch(sql, caller.clubId, principal.actor);
      const refusedBefore = await this.earlierRejections(sql, deviceId, mutations, last);
      await batch.prefetch(
        mutations
          .filter((m) => m.mutationId > last || refusedBefore.has(m.mutationId))
          .flatMap((m) => m.ops),
      );
      for (const mutation of mutations) {
        const { mutationId } = mutation;
        if (mutationId <= last) {
          // Sent again after a lost reply: a refusal is answered again, so the device learns it.
          const refused = refusedBefore.get(mutationId);
          results.push(
            refused
              ? {
                  mutationId,
                  status: 'rejected',
                  reason: refused.reason,
                  ...(refused.reason_key ? { reasonKey: refused.reason_key } : {}),
                  reasonParams: refused.reason_params,
                  ...(refused.reason_message ? { reasonMessage: refused.reason_message } : {}),
                  fields: refused.fields,
                  ...(Object.keys(refused.field_messages ?? {}).length > 0
                    ? { fieldMessages: refused.field_messages }
                    : {}),
                  current: currentStates(principal, relations, batch, mutation.ops),
                }
              : { mutationId, status: 'skipped' },
          );
          continue;
        }
        if (mutationId !== last + 1) {
          if (results.length > 0) break; // what came before commits; the device sees where we stopped
          throw new AppError('conflict', 'server.sync.gap', {
            expected: last + 1,
            got: mutationId,
          });
        }
        await batch.begin(mutation.ops.length);
        try {
          const overridden = await applyMutation(
            principal,
            mutation,
            relations,
            batch,
            this.clock,
            deviceAheadMs,
          );
          await batch.commit();
          // Values the server did not take: the device gets the server's state of their records,
          // and shows what it lost as a conflict instead of keeping a value nobody else has.
          results.push(
            overridden.length > 0
              ? {
                  mutationId,
                  status: 'applied',
                  overridden,
                  current: currentStates(principal, relations, batch, overridden),
                }
              : { mutationId, status: 'applied' },
          );
        } catch (error) {
          if (!(error instanceof MutationRejected)) throw error;
          await batch.rollback();
          if (mutation.ops.length > 1) relations = await loadRelations(sql, principal.subject);
          results.push(
            await this.reject(sql, principal, deviceId, mutation, error, relations, batch),
          );
          refusedNow.push(reasonKeyOf(error.reason).reasonKey);
          batch.audit({ action: 'sync.reject', fields: Object.keys(error.fieldMessages ?? {}) });
        }
        last = mutationId;
      }
      await setLastMutationId(sql, deviceId, last);
      // The pushing device pulls right after this answer: only the others are poked.
      await batch.finish({ exceptDevice: deviceId });
      return { lastMutationId: last, results };
    });
    const applied = answer.results.filter((r) => r.status === 'applied').length;
    this.db.noteWrites(applied);
    this.counted(applied, refusedNow);
    return answer;
  }

  /** The recorded refusals among the mutations already processed (a retry after a lost reply). */
  private async earlierRejections(
    sql: SqlClient,
    deviceId: string,
    mutations: readonly Mutation[],
    last: number,
  ) {
    const ids = mutations.filter((m) => m.mutationId <= last).map((m) => m.mutationId);
    const found = new Map<number, RecordedRejection>();
    if (ids.length === 0) return found;
    const { rows } = await sql.query<RecordedRejection & { mutation_id: string }>(
      `SELECT mutation_id, reason, fields, reason_key, reason_params, field_messages, reason_message FROM rejected_mutations
       WHERE device_id = $1 AND mutation_id = ANY($2::bigint[])`,
      [deviceId, ids],
    );
    for (const row of rows) found.set(Number(row.mutation_id), row);
    return found;
  }

  /** Refused as a whole: nothing of it stays, its id is used up, the reason is kept. */
  private async reject(
    sql: SqlClient,
    principal: Principal,
    deviceId: string,
    mutation: Mutation,
    error: MutationRejected,
    relations: Relations,
    batch: RecordBatch,
  ): Promise<ServerOutcome> {
    const { reasonKey, reasonParams } = reasonKeyOf(error.reason);
    const fieldMessages = error.fieldMessages;
    const fields = fieldMessages ? fieldTexts(fieldMessages, 'de') : undefined;
    await sql.query(
      `INSERT INTO rejected_mutations (club_id, device_id, mutation_id, reason, fields, reason_key, reason_params, field_messages, reason_message)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        principal.clubId,
        deviceId,
        mutation.mutationId,
        error.message,
        JSON.stringify(fields ?? {}),
        reasonKey,
        JSON.stringify(reasonParams),
        JSON.stringify(fieldMessages ?? {}),
        JSON.stringify(error.error.text),
      ],
    );
    return {
      mutationId: mutation.mutationId,
      status: 'rejected',
      reason: error.message,
      reasonKey,
      reasonParams,
      reasonMessage: error.error.text,
      ...(fields ? { fields, fieldMessages } : {}),
      current: currentStates(principal, relations, batch, mutation.ops),
    };
  }

  async pull(
    caller: Caller,
    deviceId: string,
    cursor: number,
    limit = PULL_PAGE,
  ): Promise<PullResponse> {
    const page = Math.min(Math.max(1, limit), MAX_PULL_PAGE);
    return this.db.withClub(caller.clubId, async (sql) => {
      const principal = await caller.resolve(sql);
      const relations = await loadRelations(sql, principal.subject);
      const { rows: version } = await sql.query<{ version: string }>(
        'SELECT version FROM club_versions',
      );
      const clubVersion = Number(version[0]?.version ?? 0);
      // A cursor from the future (a restored server, another server): start over.
      const reset = cursor > clubVersion;
      const from = reset ? 0 : cursor;
      // The page comes as one JSON value: decoding a thousand rows one by one costs the
      // database driver (PGlite above all) several times what parsing one text does.
      const { rows: pageRows } = await sql.query<{ page: RecordRow[] }>(
        `SELECT coalesce(json_agg(r ORDER BY r.version), '[]') AS page FROM (
           SELECT entity, id, fields, stamps, deleted, version FROM records
           WHERE version > $1 ORDER BY version LIMIT $2) r`,
        [from, page + 1],
      );
      const rows = pageRows[0]?.page ?? [];
      const changes = rows.slice(0, page).map((row) => toChange(principal.subject, relations, row));
      // A pull from the start tells how many changes it brings, for the device's progress:
      // counted once, on its first page — not for a probe of one record (a device numbering its
      // outbox after enrolment), and not when this page is all there is.
      const total =
        from !== 0 || page === 1
          ? undefined
          : rows.length > page
            ? await countRecords(sql)
            : rows.length;
      const { rows: device } = await sql.query<{ last_mutation_id: string }>(
        'SELECT last_mutation_id FROM device_mutations WHERE device_id = $1',
        [deviceId],
      );
      if (principal.actor.kind === 'support')
        await writeAudit(sql, caller.clubId, principal.actor, { action: 'sync.pull' });
      return {
        changes,
        cursor: changes.at(-1)?.version ?? from,
        hasMore: rows.length > page,
        lastMutationId: Number(device[0]?.last_mutation_id ?? 0),
        scopeEpoch: principal.scopeEpoch,
        access: {
          role: principal.role,
          label: await roleLabel(sql, principal.role),
          grants: principal.subject.grants.filter((g) => FIRST_ENTITIES.includes(g.entity)),
          registerIds: [...principal.subject.registerIds],
          memberId: principal.subject.memberId,
        },
        laterGrants: principal.subject.grants.filter((g) => !FIRST_ENTITIES.includes(g.entity)),
        reset,
        ...(total === undefined ? {} : { total }),
      };
    });
  }
}

/** Every record of the club (row-level security keeps to it), visible to the user or not. */
async function countRecords(sql: SqlClient): Promise<number> {
  const { rows } = await sql.query<{ total: string }>(
    'SELECT count(*) AS total FROM records WHERE version > 0',
  );
  return Number(rows[0]?.total ?? 0);
}

/** The role's name for people: built in, or as the club named its own role. */
export async function roleLabel(sql: SqlClient, role: string): Promise<string> {
  if (isBuiltInRole(role)) return BUILT_IN_ROLES[role].label;
  const { rows } = await sql.query<{ label: string }>('SELECT label FROM roles WHERE name = $1', [
    role,
  ]);
  return rows[0]?.label ?? role;
}
