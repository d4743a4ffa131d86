/**
 * The sync state on screen: asked of the core every two seconds (cheap, local), and when a
 * round brought records from elsewhere, the club's data is reloaded without a loading screen.
 */
import { create } from 'zustand';
import type { SyncJournalView, SyncStatus } from '../../../shared/api/sync.ts';
import { clubApi } from '../api/transport.ts';
import { useClubData } from '../state/clubData.ts';

const POLL_MS = 2_000;

interface SyncState {
  status: SyncStatus | null;
  journal: SyncJournalView;
  refresh(): Promise<void>;
  refreshJournal(): Promise<void>;
  startPolling(): () => void;
}

export const useSyncState = create<SyncState>()((set, get) => ({
  status: null,
  journal: { conflicts: [], rejections: [] },

  async refresh() {
    const result = await clubApi.syncStatus();
    if (!result.ok) return;
    const before = get().status;
    set({ status: result.value });
    if (before && result.value.received !== before.received) {
      await useClubData.getState().load({ quiet: true });
      await get().refreshJournal();
    }
    if (before?.pending !== result.value.pending) void useClubData.getState().refreshStatus();
  },

  async refreshJournal() {
    const result = await clubApi.syncJournal();
    if (result.ok) set({ journal: result.value });
  },

  startPolling() {
    void get().refresh();
    void get().refreshJournal();
    const timer = setInterval(() => void get().refresh(), POLL_MS);
    return () => clearInterval(timer);
  },
}));
