/**
 * A change from the core applied to the UI's copy of one list (issue #25): records that did
 * not really change keep their identity, so search and sort caches (keyed by the record
 * objects and the map) survive; a change that changes nothing returns the same map, and the
 * list does not render again — the echo of this window's own save among them.
 */
import { sameValue } from '../../../shared/domain/sameValue.ts';

export interface ListChange<T> {
  upserted: readonly T[];
  removedIds: readonly string[];
  replacesAll: boolean;
}

export function applyRecordsChange<T extends { id: string }>(
  map: ReadonlyMap<string, T>,
  change: ListChange<T>,
): ReadonlyMap<string, T> {
  if (change.replacesAll) {
    let same = change.upserted.length === map.size;
    const next = new Map<string, T>();
    for (const record of change.upserted) {
      const known = map.get(record.id);
      if (known && sameValue(known, record)) next.set(record.id, known);
      else {
        next.set(record.id, record);
        same = false;
      }
    }
    return same ? map : next;
  }
  let next: Map<string, T> | null = null;
  const writable = () => {
    next ??= new Map(map);
    return next;
  };
  for (const record of change.upserted) {
    const known = (next ?? map).get(record.id);
    if (!known || !sameValue(known, record)) writable().set(record.id, record);
  }
  for (const id of change.removedIds) if ((next ?? map).has(id)) writable().delete(id);
  return next ?? map;
}
