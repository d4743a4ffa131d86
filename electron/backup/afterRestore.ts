/**
 * What both restores (`restoreBackup`, `restoreInPlace`) do to the restored replica before it
 * is used, so that syncing goes on without losing or repeating anything.
 */
import type { Mutation } from '../../shared/sync/protocol.ts';
import type { LocalStore } from '../store/localStore.ts';
import { Replica } from '../sync/replica.ts';
import { SyncSettings } from '../sync/syncSettings.ts';

/** Edits not sent yet: only a connected profile's outbox means that; without a server it is history. */
export function unsentEdits(store: LocalStore): Mutation[] {
  return new SyncSettings(store.meta).connection() ? store.outbox.pending() : [];
}

/**
 * Mutation ids never go back behind those of the replaced database, its unsent edits are
 * queued again and applied on top of the backup (they merge by their stamps), and the next
 * round first asks the server which ids it has seen from this device. Call inside a
 * transaction of the restored store.
 */
export function continueAfterRestore(
  store: LocalStore,
  replaced: { lastMutationId: number; unsent: readonly Mutation[] },
): void {
  if (replaced.lastMutationId > store.outbox.lastMutationId())
    store.meta.set('last_mutation_id', String(replaced.lastMutationId));
  for (const mutation of replaced.unsent) store.outbox.append(mutation.ops);
  new Replica(store).reapply(replaced.unsent);
  new SyncSettings(store.meta).setRealign(true);
}
