/**
 * The events of the ClubApi contract (issue #25), named in VS Code's style: the core tells the
 * UI what changed instead of being asked every few seconds. `onDidChangeRecords` carries the
 * records that really changed (saved here, arrived by a sync round, imported, restored) and
 * the ids that went; `onDidChangeStatus` one status for core, sync, backup and import. Every
 * transport checks a payload against these schemas before the UI sees it, as it checks every
 * argument of a call.
 */
import { z } from 'zod';
import { ENTITY_NAMES, type EntityMap, type EntityName } from '../domain/entities.ts';
import { type Message, messageSchema } from '../messages/message.ts';
import type { CoreStatus } from './coreStatus.ts';
import type { ImportProgress } from './import.ts';
import type { SyncStatus } from './sync.ts';
import { type BackupWorkView, backupWorkViewSchema } from './work.ts';

/** What made the records change: this window's save, a sync round, an import, a restore. */
export const CHANGE_ORIGINS = ['local', 'sync', 'import', 'restore'] as const;
export type ChangeOrigin = (typeof CHANGE_ORIGINS)[number];

export interface RecordsChange<E extends EntityName = EntityName> {
  entity: E;
  /** Records created or changed, as stored now (for the user's rights). */
  upserted: EntityMap[E][];
  removedIds: string[];
  /** `upserted` is the whole list: what is not in it is gone (an import, a restore). */
  replacesAll: boolean;
  origin: ChangeOrigin;
}

/**
 * The core host's state (issue #26), added by the window's process: `restarting` while a host
 * that ended unasked is started again; `restarts` counts those since the program started, so a
 * page sees that it must read its lists anew. Absent where the core runs in the same process.
 */
export interface CoreHostStatus {
  state: 'running' | 'restarting';
  restarts: number;
  lastFailureAt: string | null;
  /** Attempts to start it again that failed since the crash, and why the last one did. */
  failedStarts: number;
  lastError: Message | null;
}

export interface AppStatus {
  core: CoreStatus;
  coreHost?: CoreHostStatus;
  sync: SyncStatus;
  /**
   * A backup under way (its share done, 0…1) and the last one's time; `works`: the backup,
   * verification and restore asked for in the view that run now, each with its stage (#26).
   */
  backup: { progress: number | null; lastBackupAt: string | null; works: BackupWorkView[] };
  import: ImportProgress;
}

export interface Disposable {
  dispose(): void;
}

export interface ClubEvents {
  onDidChangeRecords(listener: (change: RecordsChange) => void): Disposable;
  onDidChangeStatus(listener: (status: AppStatus) => void): Disposable;
}

/** The event names on the wire (IPC channel suffixes, the stream's `event` field). */
export const CLUB_EVENT_NAMES = ['records', 'status'] as const;
export type ClubEventName = (typeof CLUB_EVENT_NAMES)[number];

const id = z.string().uuid();
const isoTime = z.string().max(40);
const count = z.number().int().nonnegative();

/** Records are checked as objects with an id: their fields were checked when they were saved. */
const storedRecord = z.object({ id }).passthrough();

export const recordsChangeSchema = z.object({
  entity: z.enum(ENTITY_NAMES),
  upserted: z.array(storedRecord).max(1_000_000),
  removedIds: z.array(id).max(1_000_000),
  replacesAll: z.boolean(),
  origin: z.enum(CHANGE_ORIGINS),
});

const syncStatusSchema = z.object({
  phase: z.enum(['unconnected', 'offline', 'syncing', 'synced', 'problem', 'stopped']),
  server: z.string().max(500).nullable(),
  lastSync: isoTime.nullable(),
  pending: count,
  message: messageSchema.nullable(),
  live: z.boolean(),
  received: count,
  clockBehind: z.boolean(),
  progress: z.object({ received: count, total: count }).nullable(),
});

export const appStatusSchema = z.object({
  coreHost: z
    .object({
      state: z.enum(['running', 'restarting']),
      restarts: count,
      lastFailureAt: isoTime.nullable(),
      failedStarts: count,
      lastError: messageSchema.nullable(),
    })
    .optional(),
  core: z.object({
    profile: z.string().max(2000),
    deviceId: z.string().max(100),
    deviceName: z.string().max(500),
    schemaVersion: count,
    pendingMutations: count,
    lastMutationId: count,
  }),
  sync: syncStatusSchema,
  backup: z.object({
    progress: z.number().min(0).max(1).nullable(),
    lastBackupAt: isoTime.nullable(),
    works: z.array(backupWorkViewSchema).max(3),
  }),
  import: z.object({ running: z.boolean(), done: count, total: count, preview: z.boolean() }),
});

export const CLUB_EVENT_SCHEMAS = {
  records: recordsChangeSchema,
  status: appStatusSchema,
} satisfies Record<ClubEventName, z.ZodType>;

/** One event as the browser mode's stream carries it: a line of JSON. */
export interface WireEvent {
  event: ClubEventName;
  payload: unknown;
}

/** The payload if it is a well-formed event of that name, else null (and nothing happens). */
export function checkedEvent(
  name: unknown,
  payload: unknown,
): { event: 'records'; payload: RecordsChange } | { event: 'status'; payload: AppStatus } | null {
  if (name === 'records') {
    const parsed = recordsChangeSchema.safeParse(payload);
    return parsed.success
      ? { event: 'records', payload: parsed.data as unknown as RecordsChange }
      : null;
  }
  if (name === 'status') {
    const parsed = appStatusSchema.safeParse(payload);
    return parsed.success ? { event: 'status', payload: parsed.data as AppStatus } : null;
  }
  return null;
}

/** Listeners of one event, each called in turn; one that throws does not stop the others. */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  readonly event = (listener: (value: T) => void): Disposable => {
    // Wrapped, so that the same function subscribed twice is two subscriptions.
    const entry = (value: T) => listener(value);
    this.listeners.add(entry);
    return { dispose: () => this.listeners.delete(entry) };
  };

  fire(value: T, onError: (error: unknown) => void = () => {}): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        try {
          onError(error);
        } catch {
          // nothing more to be done
        }
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
