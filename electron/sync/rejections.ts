/**
 * What the person does with a change the server refused — it stays on screen, marked, until
 * then (DESIGN.md: a rejected mutation never silently removes the user's work from view):
 * - "Erneut senden": the values go out again in a new mutation stamped now, once the cause is
 *   fixed (the computer's clock set right, a right granted, a name changed);
 * - "Verwerfen": the server's state comes back for what the change wrote, where nothing newer
 *   has replaced it meanwhile.
 * Only fields that still show the refused values are touched (see Replica.keepRefused): a later
 * edit here, or a newer value from elsewhere, stays.
 */
import { type ApiResult, fail, ok } from '../../shared/api/result.ts';
import type { EntityName } from '../../shared/domain/entities.ts';
import type { Op, RecordChange } from '../../shared/sync/protocol.ts';
import type { LocalStore } from '../store/localStore.ts';
import type { RecordChangeSet } from './recordChanges.ts';
import { Replica } from './replica.ts';
import type { RejectionEntry, SyncJournal } from './syncJournal.ts';

const DONE = 'core.sync.rejectionDone';

/** The server's state of an op's record when it refused the change (null: it has none). */
function serverState(entry: RejectionEntry, op: Op): RecordChange['state'] {
  return entry.current.find((c) => c.entity === op.entity && c.id === op.id)?.state ?? null;
}

export class RejectedChanges {
  private readonly replica: Replica;

  constructor(
    private readonly store: LocalStore,
    private readonly journal: SyncJournal,
  ) {
    this.replica = new Replica(store);
  }

  resend(key: number): ApiResult<null> {
    return this.store.transaction(() => {
      const entry = this.journal.rejection(key);
      if (!entry) return fail('not_found', DONE);
      const changes = entry.mutation.ops.map((op) => ({
        entity: op.entity as EntityName,
        id: op.id,
        fields: this.replica.refusedFields(op, serverState(entry, op)),
      }));
      this.store.resendFields(changes);
      this.journal.dismiss('rejection', key);
      return ok(null);
    });
  }

  /** Notes the records it puts back in `changes` (as the lists see them). */
  discard(key: number, changes?: RecordChangeSet): ApiResult<null> {
    return this.store.transaction(() => {
      const entry = this.journal.rejection(key);
      if (!entry) return fail('not_found', DONE);
      for (const op of entry.mutation.ops)
        changes?.note(
          op.entity as EntityName,
          op.id,
          this.replica.revertRefused(op, serverState(entry, op)),
        );
      this.journal.dismiss('rejection', key);
      return ok(null);
    });
  }
}
