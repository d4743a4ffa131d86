/**
 * The outbox: every local change as a sync mutation, written in the same transaction as the
 * change itself. Mutation ids per device increase by exactly 1 and are never reused, even after
 * acknowledged entries are removed, because the server refuses gaps and skips repeats.
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { type Mutation, mutationSchema, type Op } from '../../shared/sync/protocol.ts';
import { compactMutation, expandMutation } from './compactStamps.ts';
import type { WritableDB } from './database.ts';
import type { MetaTable } from './meta.ts';

const LAST_MUTATION_ID = 'last_mutation_id';

export class Outbox {
  private readonly insert: Statement;
  private readonly countPending: Statement;
  private readonly selectPending: Statement;
  private readonly markAcked: Statement;
  private readonly deleteAcked: Statement;
  private readonly selectAll: Statement;

  constructor(
    private readonly db: WritableDB,
    private readonly meta: MetaTable,
  ) {
    this.insert = db.prepare(
      'INSERT INTO outbox (mutation_id, created_at, mutation) VALUES (?, ?, ?)',
    );
    this.countPending = db.prepare('SELECT count(*) AS n FROM outbox WHERE acked = 0');
    this.selectPending = db.prepare(
      'SELECT mutation FROM outbox WHERE acked = 0 ORDER BY mutation_id LIMIT ?',
    );
    this.markAcked = db.prepare('UPDATE outbox SET acked = 1 WHERE mutation_id <= ?');
    this.deleteAcked = db.prepare('DELETE FROM outbox WHERE acked = 1');
    this.selectAll = db.prepare(
      'SELECT mutation FROM outbox WHERE mutation_id > ? ORDER BY mutation_id',
    );
  }

  lastMutationId(): number {
    return Number(this.meta.get(LAST_MUTATION_ID) ?? '0');
  }

  /** Must run inside the transaction that writes the change. */
  append(ops: Op[], createdAt: string = new Date().toISOString()): Mutation {
    const mutation: Mutation = { mutationId: this.lastMutationId() + 1, ops };
    this.insert.run(mutation.mutationId, createdAt, JSON.stringify(compactMutation(mutation)));
    this.meta.set(LAST_MUTATION_ID, String(mutation.mutationId));
    return mutation;
  }

  pendingCount(): number {
    return (this.countPending.get() as { n: number }).n;
  }

  /** Mutations the server has not acknowledged yet, in order (the first `limit` of them). */
  pending(limit = -1): Mutation[] {
    return (this.selectPending.all(limit) as { mutation: string }[]).map((row) =>
      mutationSchema.parse(expandMutation(JSON.parse(row.mutation))),
    );
  }

  /** Pending and acknowledged-but-not-yet-rebased mutations: this device's recent own edits
   * (those after `afterMutationId`). */
  recent(afterMutationId = 0): Mutation[] {
    return (this.selectAll.all(afterMutationId) as { mutation: string }[]).map((row) =>
      mutationSchema.parse(expandMutation(JSON.parse(row.mutation))),
    );
  }

  /** The server has processed every mutation up to `mutationId` (applied, skipped or rejected). */
  acknowledge(mutationId: number): void {
    this.markAcked.run(mutationId);
  }

  /**
   * Gives the pending mutations the ids that follow `serverLast`, the last id the server has
   * seen from this device, and forgets acknowledged ones. Needed when this replica's ids no
   * longer follow the server's — after a backup was restored — because the server skips ids
   * it has seen (a new edit with an old id would be lost) and refuses gaps. Sending a
   * mutation again is harmless: its fields carry their stamps, and merging is idempotent.
   */
  renumberAfter(serverLast: number): number {
    const pending = this.pending();
    this.db.prepare('DELETE FROM outbox').run();
    let id = serverLast;
    for (const mutation of pending) {
      id += 1;
      const renumbered: Mutation = { ...mutation, mutationId: id };
      this.insert.run(id, new Date().toISOString(), JSON.stringify(compactMutation(renumbered)));
    }
    this.meta.set(LAST_MUTATION_ID, String(id));
    return pending.length;
  }

  /** After a pull has rebased on them, acknowledged entries are no longer needed. */
  forgetAcknowledged(): void {
    this.deleteAcked.run();
  }
}
