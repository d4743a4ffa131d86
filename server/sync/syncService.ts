/**
 * Sync protocol v1 on the server (DESIGN.md "Sync protocol"): push applies a device's mutations
 * in order, each in one transaction together with the device's `lastMutationId` — a retry is a
 * no-op, a gap is refused, a refused mutation is recorded with its reason and returned; pull
 * returns the current state of every changed record the user may see, after a cursor, paged.
 */
import type { EntityName } from '../../shared/domain/entities.ts';
import { type Relations, readView, type Subject } from '../../shared/rights/access.ts';
import type {
  Mutation,
  MutationOutcome,
  PullResponse,
  PushResponse,
  RecordChange,
} from '../../shared/sync/protocol.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { Caller } from '../data/principal.ts';
import { loadRelations } from '../data/recordRelations.ts';
import type { Fields } from '../data/recordStore.ts';
import { ServiceError } from '../errors.ts';
import type { ServerDatabase, SqlClient } from '../storage/serverDatabase.ts';
import { applyMutation, MutationRejected } from './applyMutation.ts';

export const PULL_PAGE = 1000;
export const MAX_PULL_PAGE = 5000;

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

type Step = { last: number; result: MutationOutcome };

interface RecordRow {
  entity: string;
  id: string;
  fields: Fields;
  stamps: Record<string, string>;
  deleted: boolean;
  version: string;
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

export class SyncService {
  constructor(private readonly db: ServerDatabase) {}

  async push(
    caller: Caller,
    deviceId: string,
    mutations: readonly Mutation[],
  ): Promise<PushResponse> {
    const results: MutationOutcome[] = [];
    let last = 0;
    for (const mutation of mutations) {
      const step = await this.pushOne(caller, deviceId, mutation);
      results.push(step.result);
      last = step.last;
    }
    return { lastMutationId: last, results };
  }

  private async pushOne(caller: Caller, deviceId: string, mutation: Mutation): Promise<Step> {
    const { mutationId } = mutation;
    // The mutation and the device's lastMutationId commit together, or neither does.
    const inOrder = async (sql: SqlClient, work: () => Promise<MutationOutcome>): Promise<Step> => {
      const last = await lastMutationId(sql, caller.clubId, deviceId);
      if (mutationId <= last) return { last, result: { mutationId, status: 'skipped' } };
      if (mutationId !== last + 1)
        throw new ServiceError(
          'conflict',
          `Es fehlen Änderungen dieses Geräts: erwartet wird Nr. ${last + 1}, gekommen ist Nr. ${mutationId}.`,
        );
      const result = await work();
      await setLastMutationId(sql, deviceId, mutationId);
      return { last: mutationId, result };
    };
    try {
      return await this.db.withClub(caller.clubId, async (sql) => {
        const principal = await caller.resolve(sql);
        return inOrder(sql, async () => {
          const overridden = await applyMutation(sql, principal, mutation);
          return overridden.length > 0
            ? { mutationId, status: 'applied', overridden }
            : { mutationId, status: 'applied' };
        });
      });
    } catch (error) {
      if (!(error instanceof MutationRejected)) throw error;
      // Refused as a whole: nothing of it stays, its id is used up, the reason is kept.
      return this.db.withClub(caller.clubId, async (sql) => {
        const principal = await caller.resolve(sql);
        return inOrder(sql, async () => {
          await sql.query(
            `INSERT INTO rejected_mutations (club_id, device_id, mutation_id, reason, fields) VALUES ($1, $2, $3, $4, $5)`,
            [
              caller.clubId,
              deviceId,
              mutationId,
              error.message,
              JSON.stringify(error.fields ?? {}),
            ],
          );
          await writeAudit(sql, caller.clubId, principal.actor, {
            action: 'sync.reject',
            fields: Object.keys(error.fields ?? {}),
          });
          const relations = await loadRelations(sql, principal.subject);
          const current: RecordChange[] = [];
          for (const op of mutation.ops) {
            const { rows } = await sql.query<RecordRow>(
              'SELECT entity, id, fields, stamps, deleted, version FROM records WHERE entity = $1 AND id = $2',
              [op.entity, op.id],
            );
            current.push(
              rows[0]
                ? toChange(principal.subject, relations, rows[0])
                : { entity: op.entity, id: op.id, version: 0, state: null },
            );
          }
          return {
            mutationId,
            status: 'rejected',
            reason: error.message,
            ...(error.fields ? { fields: error.fields } : {}),
            current,
          };
        });
      });
    }
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
      const { rows } = await sql.query<RecordRow>(
        'SELECT entity, id, fields, stamps, deleted, version FROM records WHERE version > $1 ORDER BY version LIMIT $2',
        [from, page + 1],
      );
      const changes = rows.slice(0, page).map((row) => toChange(principal.subject, relations, row));
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
        reset,
      };
    });
  }
}
