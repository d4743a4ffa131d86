/**
 * The sync state on screen, and the one status of the core (issue #25): asked once when the
 * window opens, then kept by the core's status events — no polling. When the sync brought
 * something (its `received` count moved) or a round ended, the journal of conflicts and
 * refusals and the user's rights are read again; the records themselves come as events.
 */
import { create } from 'zustand';
import type { AppStatus } from '../../../shared/api/events.ts';
import type { SyncJournalView, SyncStatus } from '../../../shared/api/sync.ts';
import { clubApi, onEventsReconnected } from '../api/transport.ts';
import { useAccess } from '../state/access.ts';

interface SyncState {
  status: SyncStatus | null;
  /** The last status event: backup and import progress too. */
  app: AppStatus | null;
  journal: SyncJournalView;
  refresh(): Promise<void>;
  show(status: SyncStatus): void;
  refreshJournal(): Promise<void>;
  /** Reads the state once and follows the status events; answers how to stop. */
  listen(): () => void;
}

export const useSyncState = create<SyncState>()((set, get) => ({
  status: null,
  app: null,
  journal: { conflicts: [], rejections: [] },

  async refresh() {
    const result = await clubApi.syncStatus();
    if (result.ok) get().show(result.value);
  },

  show(status) {
    const before = get().status;
    set({ status });
    // Each pull brings the user's rights: a changed role shows after the round.
    if (before?.lastSync !== status.lastSync) void useAccess.getState().refresh();
    // Conflicts and refusals come with a round: read the journal when one ended, not per save.
    if (before && (status.received !== before.received || status.lastSync !== before.lastSync))
      void get().refreshJournal();
  },

  async refreshJournal() {
    const result = await clubApi.syncJournal();
    if (result.ok) set({ journal: result.value });
  },

  listen() {
    const subscription = clubApi.onDidChangeStatus((app) => {
      set({ app });
      get().show(app.sync);
    });
    const readAll = () => {
      void get().refresh();
      void get().refreshJournal();
    };
    readAll();
    const stopReconnect = onEventsReconnected(readAll);
    return () => {
      subscription.dispose();
      stopReconnect();
    };
  },
}));
