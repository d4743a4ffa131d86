/**
 * The UI's copy of the club's data: every entity loaded once, kept in maps, updated from the
 * answers of save/remove/restore (lists never wait for a round trip to redraw) and from the
 * core's records events (issue #25): a change from elsewhere is applied as a delta, records
 * that did not change keep their identity, and the echo of an own save changes nothing.
 */
import { create } from 'zustand';
import type { CoreStatus } from '../../../shared/api/clubApi.ts';
import type { RecordsChange } from '../../../shared/api/events.ts';
import type { ApiResult } from '../../../shared/api/result.ts';
import {
  type Draft,
  ENTITY_NAMES,
  type EntityMap,
  type EntityName,
} from '../../../shared/domain/entities.ts';
import { sameValue } from '../../../shared/domain/sameValue.ts';
import { clubApi, onEventsReconnected, whenEventsOpen } from '../api/transport.ts';
import { errorText } from '../i18n/messageText.ts';
import { applyRecordsChange } from './applyRecordsChange.ts';

export type EntityMaps = { [E in EntityName]: ReadonlyMap<string, EntityMap[E]> };

interface ClubDataState extends EntityMaps {
  loadState: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  coreStatus: CoreStatus | null;
  /** Loads everything; `quiet` (after a sync brought changes) keeps the page on screen meanwhile. */
  load(options?: { quiet?: boolean }): Promise<void>;
  refreshStatus(): Promise<void>;
  /** Takes the core's records events from now on; answers how to stop. */
  listen(): () => void;
  /** `shown`: the record the form opened with (see `ClubCalls.save`). */
  save<E extends EntityName>(
    entity: E,
    draft: Draft<E>,
    shown?: EntityMap[E],
  ): Promise<ApiResult<EntityMap[E]>>;
  remove(entity: EntityName, id: string): Promise<ApiResult<null>>;
  restore<E extends EntityName>(entity: E, id: string): Promise<ApiResult<EntityMap[E]>>;
}

const emptyMaps = Object.fromEntries(
  ENTITY_NAMES.map((e) => [e, new Map()]),
) as unknown as EntityMaps;

export const useClubData = create<ClubDataState>()((set, get) => {
  function put<E extends EntityName>(entity: E, record: EntityMap[E]) {
    apply({ entity, upserted: [record], removedIds: [], replacesAll: false, origin: 'local' });
  }

  /** Events that arrive while the lists are read are applied after them, not lost under them. */
  let heldBack: RecordsChange[] | null = null;

  function apply(change: RecordsChange) {
    if (heldBack) {
      heldBack.push(change);
      return;
    }
    const entity = change.entity;
    const current = get()[entity] as ReadonlyMap<string, { id: string }>;
    const next = applyRecordsChange(
      current,
      change as RecordsChange & { upserted: { id: string }[] },
    );
    if (next !== current) set({ [entity]: next } as Partial<ClubDataState>);
  }

  function drop(entity: EntityName, id: string) {
    apply({ entity, upserted: [], removedIds: [id], replacesAll: false, origin: 'local' });
  }

  return {
    ...emptyMaps,
    loadState: 'loading',
    loadError: null,
    coreStatus: null,

    async load(options) {
      if (!options?.quiet) set({ loadState: 'loading', loadError: null });
      await whenEventsOpen();
      heldBack ??= [];
      let results: Awaited<ReturnType<typeof clubApi.list>>[];
      try {
        results = await Promise.all(ENTITY_NAMES.map((e) => clubApi.list(e)));
      } catch (error) {
        heldBack = null;
        throw error;
      }
      const held = heldBack;
      heldBack = null;
      // Applied after the lists below are set (a microtask later).
      queueMicrotask(() => {
        for (const change of held) apply(change);
      });
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) {
        if (options?.quiet) return; // the data on screen stays; the next sync tries again
        set({ loadState: 'failed', loadError: errorText(failed.error) });
        return;
      }
      const maps: Partial<EntityMaps> = {};
      ENTITY_NAMES.forEach((entity, index) => {
        const result = results[index]!;
        if (result.ok) {
          (maps as Record<string, Map<string, unknown>>)[entity] = new Map(
            (result.value as { id: string }[]).map((r) => [r.id, r]),
          );
        }
      });
      set({ ...maps, loadState: 'ready' });
      await get().refreshStatus();
    },

    async refreshStatus() {
      const status = await clubApi.status();
      if (status.ok) set({ coreStatus: status.value });
    },

    listen() {
      const records = clubApi.onDidChangeRecords(apply);
      const status = clubApi.onDidChangeStatus((s) => {
        if (!sameValue(s.core, get().coreStatus)) set({ coreStatus: s.core });
      });
      // After a gap in the events, what happened meanwhile is read anew, without a spinner.
      const stopReconnect = onEventsReconnected(() => void get().load({ quiet: true }));
      return () => {
        records.dispose();
        status.dispose();
        stopReconnect();
      };
    },

    async save(entity, draft, shown) {
      const result = await clubApi.save(entity, draft, shown);
      if (result.ok) put(entity, result.value);
      return result;
    },

    async remove(entity, id) {
      const result = await clubApi.remove(entity, id);
      // A register leaves its members and instruments with it: their changes come as events.
      if (result.ok) drop(entity, id);
      return result;
    },

    async restore(entity, id) {
      const result = await clubApi.restore(entity, id);
      if (result.ok) put(entity, result.value);
      return result;
    },
  };
});

/** Records of one entity as an array; stable while the map is unchanged. */
const arrays = new WeakMap<ReadonlyMap<string, unknown>, unknown[]>();
export function valuesOf<T>(map: ReadonlyMap<string, T>): T[] {
  let list = arrays.get(map) as T[] | undefined;
  if (!list) {
    list = [...map.values()];
    arrays.set(map, list);
  }
  return list;
}
