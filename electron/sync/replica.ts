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
import { type ColumnKind, TABLES } from '../store/tables.ts';
import type { ChangedRecord, RecordChangeKind } from './recordChanges.ts';

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

/** Each table's fields with their kinds, listed once (a first sync converts 50,000 records). */
const FIELD_KINDS = {} as Record<EntityName, readonly (readonly [string, ColumnKind])[]>;
for (const entity of ENTITY_NAMES)
  FIELD_KINDS[entity] = Object.entries(TABLES[entity].fields).map(
    ([field, [, kind]]) => [field, kind] as const,
  );

/** Fields the server did not send (sensitive ones this user may not see) get empty values. */
function toStored(entity: EntityName, id: string, state: RecordState): StoredRecord {
  // Read in place: `deleted` is no column, so the loop below never takes it.
  const fields = state.fields;
  const record: Record<string, unknown> = { id };
  for (const [field, kind] of FIELD_KINDS[entity])
    record[field] =
      field in fields ? fields[field] : kind === 'bool' ? false : kind === 'json' ? [] : null;
  return {
    record: record as StoredRecord['record'],
    stamps: state.stamps,
    deleted: fields.deleted === true,
  };
}

function localState(stored: StoredRecord | undefined): RecordState | undefined {
  return stored && { fields: { ...stored.record, deleted: stored.deleted }, stamps: stored.stamps };
}

/** Below every real stamp: a refused value the server has no stamp for yields to any. */
export const REFUSED_STAMP = '000000000000-0000-refused';

const same = (a: unknown, b: unknown) => sameValue(a ?? null, b ?? null);

/** The same value once stored: a missing flag is false, a missing list empty (see toStored). */
function sameStored(entity: EntityName, field: string, a: unknown, b: unknown): boolean {
  const kind = TABLES[entity].fields[field]?.[1];
  if (kind === 'bool') return Boolean(a) === Boolean(b);
  if (kind === 'json') return sameValue(a ?? [], b ?? []);
  return same(a, b);
}

/**
 * How the lists (live records) see a record go from `before` to `after` (undefined: no row):
 * upserted when it is shown after and was not, or shows another value in one of `fields` (the
 * only ones that may differ; all of the table's when not given); removed when it was shown and
 * is not any more. Stamps do not show: a value taken again under another stamp is no change.
 */
export function visibleChange(
  entity: EntityName,
  before: StoredRecord | undefined,
  after: StoredRecord | undefined,
  fields: Iterable<string> = Object.keys(TABLES[entity].fields),
): RecordChangeKind | null {
  const shownBefore = before !== undefined && !before.deleted;
  const shownAfter = after !== undefined && !after.deleted;
  if (!shownAfter) return shownBefore ? 'removed' : null;
  if (!shownBefore) return 'upserted';
  for (const field of fields)
    if (
      field in TABLES[entity].fields &&
      !sameStored(entity, field, before.record[field], after.record[field])
    )
      return 'upserted';
  return null;
}

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
   * as it is (a record sent twice during one pull is replaced by its later state). Answers how
   * the lists see it: a live record is new (upserted); a deleted one is removed only if an
   * earlier page of this pull showed it.
   */
  applyFresh(change: RecordChange): RecordChangeKind | null {
    if (!isEntity(change.entity) || !change.state) return null;
    const table = this.store.tables[change.entity];
    const stored = toStored(change.entity, change.id, change.state);
    // Deleted records are few: only for them is it worth asking what was there.
    const wasShown = stored.deleted && table.isLive(change.id);
    table.put(stored);
    return stored.deleted ? (wasShown ? 'removed' : null) : 'upserted';
  }

  /**
   * Merges one remote change; a null state removes the record from this replica. `change` says
   * how the lists see the result (see visibleChange): a merge that applies nothing, or only
   * values equal to the stored ones (this device's own echo), is none.
   */
  apply(
    change: RecordChange,
    ownStamps: Set<string>,
  ): { lost: LostValue[]; purged: boolean; change: RecordChangeKind | null } {
    const nothing = { lost: [], purged: false, change: null };
    if (!isEntity(change.entity)) return nothing;
    const entity = change.entity;
    const table = this.store.tables[entity];
    const local = table.get(change.id);
    if (!change.state) {
      if (!local) return nothing;
      table.purge(change.id);
      return { lost: [], purged: true, change: visibleChange(entity, local, undefined) };
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
    const stored = toStored(entity, change.id, merged.state);
    table.put(stored);
    return { lost, purged: false, change: visibleChange(entity, local, stored, merged.applied) };
  }

  /**
   * After the server refused `op`: its values stay in view, but under the server's stamps
   * (the lowest stamp where the server has none), so that a newer value from elsewhere still
   * replaces them on the next pull, as on every other device. The person's values are kept in
   * the journal's rejection; `refusedFields` tells where they are still shown. Only stamps
   * change, no value: nothing the lists show.
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
   * not see — goes. Answers how the lists see it (see visibleChange).
   */
  revertRefused(op: Op, server: RecordChange['state']): RecordChangeKind | null {
    if (!isEntity(op.entity)) return null;
    const fields = this.refusedFields(op, server);
    if (fields.length === 0) return null;
    const table = this.store.tables[op.entity];
    const before = table.get(op.id)!;
    if (!server) {
      table.purge(op.id);
      return visibleChange(op.entity, before, undefined);
    }
    const state = localState(before)!;
    for (const field of fields) {
      if (field in server.stamps) state.fields[field] = server.fields[field];
      else {
        delete state.fields[field];
        delete state.stamps[field];
      }
    }
    const after = toStored(op.entity, op.id, state);
    table.put(after);
    return visibleChange(op.entity, before, after, fields);
  }

  /**
   * Applies this device's own mutations once more on top of what the replica holds: after a
   * restore, so that changes not yet sent stay in effect (they merge by their stamps).
   * Answers the records whose shown state this changed, each once, as it ended.
   */
  reapply(mutations: readonly Mutation[]): ChangedRecord[] {
    const changed = new Map<string, ChangedRecord>();
    for (const mutation of mutations)
      for (const op of mutation.ops) {
        if (!isEntity(op.entity)) continue;
        const table = this.store.tables[op.entity];
        const before = table.get(op.id);
        const merged = mergeRecord(localState(before), { fields: op.set, stamps: op.stamps });
        if (merged.applied.length === 0) continue;
        const after = toStored(op.entity, op.id, merged.state);
        table.put(after);
        const change = visibleChange(op.entity, before, after, merged.applied);
        const key = `${op.entity}:${op.id}`;
        changed.delete(key);
        if (change) changed.set(key, { entity: op.entity, id: op.id, change });
      }
    return [...changed.values()];
  }

  /**
   * After a full resync: removes every record the server did not resend, unless a pending
   * change names it or a refused change the person has not dealt with yet (`refused`, keys
   * `entity:id`) — that one stays in view until it is resent or discarded. Answers how many
   * rows went, and those of them the lists showed (removed).
   */
  sweep(
    seen: Set<string>,
    pending: readonly Mutation[],
    refused: ReadonlySet<string>,
  ): { purged: number; removed: ChangedRecord[] } {
    const keep = new Set([...seen, ...refused]);
    for (const mutation of pending)
      for (const op of mutation.ops) keep.add(`${op.entity}:${op.id}`);
    let purged = 0;
    const removed: ChangedRecord[] = [];
    for (const entity of ENTITY_NAMES) {
      const table = this.store.tables[entity];
      for (const id of table.allIds())
        if (!keep.has(`${entity}:${id}`)) {
          if (table.isLive(id)) removed.push({ entity, id, change: 'removed' });
          table.purge(id);
          purged += 1;
        }
    }
    return { purged, removed };
  }
}
