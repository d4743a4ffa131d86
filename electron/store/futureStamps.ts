/**
 * Stamps from the far future that a replica may hold from before the drift bound existed
 * (a clock that ran wild, `ffffffffffff-…`, or a server restore's invalid `1000000000000-…`):
 * such a stamp freezes its field against every later edit. The server set its own copies to a
 * stamp of now (its migration 0008) and sends those records anew; here the stamps are set to
 * the lowest stamp there is, so the server's copy wins when it arrives and the replicas agree
 * again. Values stay. Runs once per profile.
 */
import type { EntityName } from '../../shared/domain/entities.ts';
import { ENTITY_NAMES } from '../../shared/domain/entities.ts';
import { beyondDrift, isStamp } from '../../shared/sync/hlc.ts';
import type { LocalStore } from './localStore.ts';
import { TABLES } from './tables.ts';

const DONE = 'repair.future_stamps';
/** Far beyond any honest clock's error: a stamp further ahead is not one of a clock at all. */
const FAR_FUTURE_MS = 24 * 3_600_000;
export const CLAMPED_STAMP = '000000000000-0000-clamped';

/** Repairs the replica once; returns how many records it changed. */
export function repairFutureStamps(store: LocalStore, nowMs = Date.now()): number {
  if (store.meta.get(DONE)) return 0;
  const beyond = beyondDrift(nowMs, FAR_FUTURE_MS);
  const limit = new Date(nowMs + FAR_FUTURE_MS).getTime().toString(16).padStart(12, '0');
  let repaired = 0;
  store.transaction(() => {
    for (const entity of ENTITY_NAMES as readonly EntityName[]) {
      // A stamp's text starts with its time: SQLite finds the candidates without reading rows.
      const candidates = store
        .statement(
          `SELECT id FROM ${TABLES[entity].table} WHERE EXISTS (
             SELECT 1 FROM json_each(stamps) j WHERE j.type = 'text' AND substr(j.value, 1, 12) > ?)`,
        )
        .all(limit) as { id: string }[];
      for (const { id } of candidates) {
        const stored = store.tables[entity].get(id);
        if (!stored) continue;
        const stamps = { ...stored.stamps };
        for (const [field, stamp] of Object.entries(stamps))
          if (!isStamp(stamp) || beyond(stamp)) stamps[field] = CLAMPED_STAMP;
        store.tables[entity].put({ ...stored, stamps });
        repaired += 1;
      }
    }
    store.meta.set(DONE, '1');
  });
  return repaired;
}
