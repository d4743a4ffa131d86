/**
 * Applying what the server sends to this replica. A remote record is merged field by field with
 * the local one (last writer wins by HLC stamp): that is the rebase of DESIGN.md — the result is
 * the server's state plus this device's still-pending changes. A local value of this device that
 * a later remote one replaces is kept as a conflict for the user to review. Call inside one
 * store transaction per page, together with the new cursor.
 */
import { ENTITY_NAMES, type EntityName } from '../../shared/domain/entities.ts';
import { sameValue } from '../../shared/domain/sameValue.ts';
import { mergeRecord, type RecordState } from '../../shared/sync/merge.ts';
import type { Mutation, Op, RecordChange } from '../../shared/sync/protocol.ts';
import type { LocalStore } from '../store/localStore.ts';
import type { StoredRecord } from '../store/recordTable.ts';
import { TABLES } from '../store/tables.ts';

export interface LostValue {
  entity: EntityName;
  id: string;
  field: string;
  localValue: unknown;
  localStamp: string;
  remoteValue: unknown;
  remoteStamp: string;
}

function isEntity(name: string): name is EntityName {
  return (ENTITY_NAMES as readonly string[]).includes(name);
}

/** Fields the server did not send (sensitive ones this user may not see) get empty values. */
function toStored(entity: EntityName, id: string, state: RecordState): StoredRecord {
  const { deleted, ...fields } = state.fields;
  const record: Record<string, unknown> = { id };
  for (const [field, [, kind]] of Object.entries(TABLES[entity].fields))
    record[field] =
      field in fields ? fields[field] : kind === 'bool' ? false : kind === 'json' ? [] : null;
  return {
    record: record as StoredRecord['record'],
    stamps: state.stamps,
    deleted: deleted === true,
  };
}

function localState(stored: StoredRecord | undefined): RecordState | undefined {
  return stored && { fields: { ...stored.record, deleted: stored.deleted }, stamps: stored.stamps };
}

/** Below every real stamp: a refused value the server has no stamp for yields to any. */
export const REFUSED_STAMP = '000000000000-0000-refused';

const same = (a: unknown, b: unknown) => sameValue(a ?? null, b ?? null);

/**
 * Stamps of this device's own recent edits (pending, or acknowledged in this round), read
 * incrementally during one pull: an edit saved while the pull runs joins on the next page,
 * and a page does not re-read the whole outbox.
 */
export class OwnStamps {
  private readonly stamps = new Set<string>();
  private seen = 0;

  constructor(private readonly store: LocalStore) {}

  current(): Set<string> {
    for (const mutation of this.store.outbox.recent(this.seen)) {
      for (const op of mutation.ops)
        for (const stamp of Object.values(op.stamps)) this.stamps.add(stamp);
      this.seen = mutation.mutationId;
    }
    return this.stamps;
  }
}

export class Replica {
  constructor(private readonly store: LocalStore) {}

  /** True when this replica holds no record at all (a device that has never synced). */
  isEmpty(): boolean {
    return ENTITY_NAMES.every((entity) => this.store.tables[entity].isEmpty());
  }

  /**
   * Stores one remote change in a replica that had nothing of its own when the pull began and
   * has no local edit since: there is nothing to merge with, so the server's state is taken
   * as it is (a record sent twice during one pull is replaced by its later state).
   */
  applyFresh(change: RecordChange): void {
    if (!isEntity(change.entity) || !change.state) return;
    this.store.tables[change.entity].put(toStored(change.entity, change.id, change.state));
  }

  /** Merges one remote change; a null state removes the record from this replica. */
  apply(change: RecordChange, ownStamps: Set<string>): { lost: LostValue[]; purged: boolean } {
    const nothing = { lost: [], purged: false };
    if (!isEntity(change.entity)) return nothing;
    const entity = change.entity;
    const table = this.store.tables[entity];
    const local = table.get(change.id);
    if (!change.state) {
      if (local) table.purge(change.id);
      return { lost: [], purged: local !== undefined };
    }
    const merged = mergeRecord(localState(local), change.state);
    if (merged.applied.length === 0) return nothing;
    const lost: LostValue[] = [];
    if (local) {
      const before = localState(local)!;
      for (const field of merged.applied) {
        const localStamp = before.stamps[field];
        if (
          localStamp &&
          ownStamps.has(localStamp) &&
          !same(before.fields[field], change.state.fields[field])
        )
          lost.push({
            entity,
            id: change.id,
            field,
            localValue: before.fields[field],
            localStamp,
            remoteValue: change.state.fields[field],
            remoteStamp: change.state.stamps[field]!,
          });
      }
    }
    table.put(toStored(entity, change.id, merged.state));
    return { lost, purged: false };
  }

  /**
   * After the server refused `op`: its values stay in view, but under the server's stamps
   * (the lowest stamp where the server has none), so that a newer value from elsewhere still
   * replaces them on the next pull, as on every other device. The person's values are kept in
   * the journal's rejection; `refusedFields` tells where they are still shown.
   */
  keepRefused(op: Op, server: RecordChange['state']): void {
    if (!isEntity(op.entity)) return;
    const table = this.store.tables[op.entity];
    const stored = table.get(op.id);
    if (!stored) return;
    const stamps = { ...stored.stamps };
    let changed = false;
    for (const field of Object.keys(op.set))
      if (stamps[field] === op.stamps[field]) {
        stamps[field] = server?.stamps[field] ?? REFUSED_STAMP;
        changed = true;
      }
    if (changed) table.put({ ...stored, stamps });
  }

  /** Fields of a refused `op` that still show its values (see keepRefused). */
  refusedFields(op: Op, server: RecordChange['state']): string[] {
    if (!isEntity(op.entity)) return [];
    const stored = this.store.tables[op.entity].get(op.id);
    if (!stored) return [];
    const state = localState(stored)!;
    return Object.keys(op.set).filter(
      (field) =>
        state.stamps[field] === (server?.stamps[field] ?? REFUSED_STAMP) &&
        same(state.fields[field], op.set[field]),
    );
  }

  /**
   * Takes back what a refused op shows, where it still shows it: the server's values come back
   * (emptied where the server has none). A record the server does not have — or this user may
   * not see — goes.
   */
  revertRefused(op: Op, server: RecordChange['state']): void {
    if (!isEntity(op.entity)) return;
    const fields = this.refusedFields(op, server);
    if (fields.length === 0) return;
    const table = this.store.tables[op.entity];
    if (!server) {
      table.purge(op.id);
      return;
    }
    const state = localState(table.get(op.id))!;
    for (const field of fields) {
      if (field in server.stamps) state.fields[field] = server.fields[field];
      else {
        delete state.fields[field];
        delete state.stamps[field];
      }
    }
    table.put(toStored(op.entity, op.id, state));
  }

  /**
   * Applies this device's own mutations once more on top of what the replica holds: after a
   * restore, so that changes not yet sent stay in effect (they merge by their stamps).
   */
  reapply(mutations: readonly Mutation[]): void {
    for (const mutation of mutations)
      for (const op of mutation.ops) {
        if (!isEntity(op.entity)) continue;
        const table = this.store.tables[op.entity];
        const merged = mergeRecord(localState(table.get(op.id)), {
          fields: op.set,
          stamps: op.stamps,
        });
        table.put(toStored(op.entity, op.id, merged.state));
      }
  }

  /**
   * After a full resync: removes every record the server did not resend, unless a pending
   * change names it or a refused change the person has not dealt with yet (`refused`, keys
   * `entity:id`) — that one stays in view until it is resent or discarded.
   */
  sweep(seen: Set<string>, pending: readonly Mutation[], refused: ReadonlySet<string>): number {
    const keep = new Set([...seen, ...refused]);
    for (const mutation of pending)
      for (const op of mutation.ops) keep.add(`${op.entity}:${op.id}`);
    let purged = 0;
    for (const entity of ENTITY_NAMES)
      for (const id of this.store.tables[entity].allIds())
        if (!keep.has(`${entity}:${id}`)) {
          this.store.tables[entity].purge(id);
          purged += 1;
        }
    return purged;
  }
}
