/**
 * A change the server makes itself — through the record API (and the coming web application)
 * or a restore — written as a mutation stamped by this node's clock and applied by
 * `applyMutation`, exactly like a device's: one write path, so rights, validation, cross-record
 * rules, stamps, audit and pokes are applied in one place whoever writes.
 */
import type { EntityName } from '../../shared/domain/entities.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import type { Principal } from '../data/principal.ts';
import { RecordBatch } from '../data/recordBatch.ts';
import { loadRelations } from '../data/recordRelations.ts';
import type { Fields } from '../data/recordStore.ts';
import type { SqlClient } from '../storage/serverDatabase.ts';
import { applyMutation, MutationRejected } from './applyMutation.ts';
import type { ServerClock } from './serverClock.ts';

export interface ServerOp {
  entity: EntityName;
  id: string;
  /** The fields to set (the others keep their values and stamps). */
  set: Fields;
}

/**
 * Applies `ops` as one mutation in the caller's club transaction; a refusal throws the
 * AppError it came from (validation, rights, a cross-record rule) and writes nothing.
 */
export async function applyServerChange(
  sql: SqlClient,
  principal: Principal,
  ops: readonly ServerOp[],
  clock: ServerClock,
): Promise<void> {
  const stamp = clock.tick();
  const mutation: Mutation = {
    mutationId: 1, // not a device's: no device's sequence to keep
    ops: ops.map((op) => ({
      ...op,
      stamps: Object.fromEntries(Object.keys(op.set).map((field) => [field, stamp])),
    })),
  };
  const relations = await loadRelations(sql, principal.subject);
  const batch = new RecordBatch(sql, principal.clubId, principal.actor);
  await batch.prefetch(mutation.ops);
  await batch.begin(mutation.ops.length);
  try {
    await applyMutation(principal, mutation, relations, batch, clock);
    await batch.commit();
  } catch (error) {
    if (!(error instanceof MutationRejected)) throw error;
    await batch.rollback();
    throw error.error;
  }
  // Not a device's push (a device writing through the record API does not pull after it):
  // every device of the club is poked, the writer's too.
  await batch.finish();
}
