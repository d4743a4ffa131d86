/** What the UI shows of the sync with the club server (DESIGN.md "Sync protocol"). */
import type { Message, MessageParams } from '../messages/message.ts';

/** `stopped`: the person stopped a round; what it brought stays, the next round goes on. */
export type SyncPhase = 'unconnected' | 'offline' | 'syncing' | 'synced' | 'problem' | 'stopped';

/**
 * A pull of many records under way (a fresh device's first sync): changes applied so far of
 * the ones the server said it brings. `received` never exceeds `total`.
 */
export interface PullProgress {
  received: number;
  total: number;
}

export interface SyncStatus {
  phase: SyncPhase;
  /** The club server's device address, when connected. */
  server: string | null;
  /** ISO time of the last completed round. */
  lastSync: string | null;
  /** Local changes the server has not acknowledged yet. */
  pending: number;
  /** Why it is offline or what the problem is. */
  message: Message | null;
  /** A poke channel is open: changes of others arrive within moments. */
  live: boolean;
  /** Counts records the sync really changed since start (the device's own echo is none). */
  received: number;
  /**
   * The last round received stamps more than the drift bound ahead of this computer's clock:
   * its clock is probably slow. Those stamps were not followed (see LocalStore.observe).
   */
  clockBehind: boolean;
  /** While a pull of several pages from the start runs (see PullProgress), else null. */
  progress: PullProgress | null;
}

export interface SyncConflictEntry {
  key: number;
  at: string;
  entity: string;
  recordId: string;
  field: string;
  /** This device's value that a later one from elsewhere replaced. */
  localValue: unknown;
  remoteValue: unknown;
}

export interface SyncRejectionEntry {
  key: number;
  at: string;
  /** German, from the server. */
  reason: string;
  /** The same as a key with parameters, for the UI's language (null from an older server). */
  reasonKey: string | null;
  reasonParams: MessageParams;
  fields: Record<string, string>;
  records: { entity: string; id: string; fields: string[] }[];
}

export interface SyncJournalView {
  conflicts: SyncConflictEntry[];
  rejections: SyncRejectionEntry[];
}
