/**
 * The sync state on screen. Records from elsewhere are waited for with a long poll: the core
 * answers the moment a round brings them, and the club's data is reloaded without a loading
 * screen. Phase and pending count are asked every two seconds (cheap, local).
 */
import { create } from 'zustand';
import type { SyncJournalView, SyncStatus } from '../../../shared/api/sync.ts';
import { clubApi } from '../api/transport.ts';
import { useAccess } from '../state/access.ts';
import { useClubData } from '../state/clubData.ts';

const POLL_MS = 2_000;

interface SyncState {
  status: SyncStatus | null;
  journal: SyncJournalView;
  refresh(): Promise<void>;
  show(status: SyncStatus): Promise<void>;
  refreshJournal(): Promise<void>;
  startPolling(): () => void;
}

export const useSyncState = create<SyncState>()((set, get) => ({
  status: null,
  journal: { conflicts: [], rejections: [] },

  async refresh() {
    const result = await clubApi.syncStatus();
    if (result.ok) await get().show(result.value);
  },

  async show(status) {
    const before = get().status;
    set({ status });
    // Each pull brings the user's rights: a changed role shows after the round.
    if (before?.lastSync !== status.lastSync) void useAccess.getState().refresh();
    if (before && status.received !== before.received) {
      await useClubData.getState().load({ quiet: true });
      await get().refreshJournal();
    }
    if (before?.pending !== status.pending) void useClubData.getState().refreshStatus();
  },

  async refreshJournal() {
    const result = await clubApi.syncJournal();
    if (result.ok) set({ journal: result.value });
  },

  startPolling() {
    let stopped = false;
    void get().refreshJournal();
    const timer = setInterval(() => void get().refresh(), POLL_MS);
    void (async () => {
      while (!stopped) {
        const known = get().status;
        const result = known
          ? await clubApi.nextSyncChange(known.received)
          : await clubApi.syncStatus();
        if (stopped) return;
        if (result.ok) await get().show(result.value);
        else await new Promise((resolve) => setTimeout(resolve, POLL_MS)); // core unreachable
      }
    })();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  },
}));
