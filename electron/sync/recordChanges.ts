/**
 * Which records a sync round really changed (issue #25), as the UI's lists see them — the
 * store's live records (`listLive`): a record is upserted when it is shown after the change and
 * was not, or shows other values; removed when it was shown and is not any more (deleted or
 * purged). A change of stamps only, a value equal to the one stored (the device's own echo), or
 * a change of a record that stays deleted is no change. The UI applies these as deltas instead
 * of reloading its lists.
 */
import { ENTITY_NAMES, type EntityName } from '../../shared/domain/entities.ts';

/** How one record changed for the lists: shown with new values, or gone. */
export type RecordChangeKind = 'upserted' | 'removed';

/** One record a replica operation changed. */
export interface ChangedRecord {
  entity: EntityName;
  id: string;
  change: RecordChangeKind;
}

/** The changed records of one entity; an id is in at most one of the two lists. */
export interface EntityChanges {
  readonly entity: EntityName;
  /** Records created, changed or undeleted: read them again from the store. */
  readonly upserted: readonly string[];
  /** Records the lists no longer show. */
  readonly removed: readonly string[];
}

/** Only entities with a change, in the order of ENTITY_NAMES; empty when nothing changed. */
export type RecordChanges = readonly EntityChanges[];

/** How many records the changes name. */
export function changedCount(changes: RecordChanges): number {
  let count = 0;
  for (const { upserted, removed } of changes) count += upserted.length + removed.length;
  return count;
}

/**
 * Collects changed records; a later change of the same record replaces an earlier one (upserted
 * and then removed in one round ends as removed, and the other way round).
 */
export class RecordChangeSet {
  private readonly byEntity = new Map<EntityName, Map<string, RecordChangeKind>>();

  /** Notes one record's change; `null` (no change) is ignored. */
  note(entity: EntityName, id: string, change: RecordChangeKind | null | undefined): void {
    if (!change) return;
    let records = this.byEntity.get(entity);
    if (!records) {
      records = new Map();
      this.byEntity.set(entity, records);
    }
    records.delete(id); // the latest change comes last
    records.set(id, change);
  }

  noteAll(changed: Iterable<ChangedRecord>): void {
    for (const { entity, id, change } of changed) this.note(entity, id, change);
  }

  /** Takes over the changes of `later` (a transaction that committed after these). */
  addAll(later: RecordChangeSet): void {
    for (const [entity, records] of later.byEntity)
      for (const [id, change] of records) this.note(entity, id, change);
  }

  get size(): number {
    let size = 0;
    for (const records of this.byEntity.values()) size += records.size;
    return size;
  }

  list(): RecordChanges {
    const changes: EntityChanges[] = [];
    for (const entity of ENTITY_NAMES) {
      const records = this.byEntity.get(entity);
      if (!records || records.size === 0) continue;
      const upserted: string[] = [];
      const removed: string[] = [];
      for (const [id, change] of records) (change === 'upserted' ? upserted : removed).push(id);
      changes.push({ entity, upserted, removed });
    }
    return changes;
  }
}
