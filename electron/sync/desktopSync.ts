/**
 * The desktop's sync as the UI sees it: the connection to a club server (enrolment), the
 * scheduler that keeps the replica in step, and the journal of conflicts and rejections.
 * It tells what changed, in VS Code's style (issue #25): `onDidChangeRecords` after a round (or
 * a discarded rejection) that really changed records — never for this device's own echo — and
 * `onDidChangeStatus` whenever what `status()` answers may have changed.
 */

import { AppError, failWith } from '../../shared/api/appError.ts';
import { type Disposable, Emitter } from '../../shared/api/events.ts';
import type { ApiResult } from '../../shared/api/result.ts';
import { fail, ok } from '../../shared/api/result.ts';
import type { SyncJournalView, SyncStatus } from '../../shared/api/sync.ts';
import type { Message } from '../../shared/messages/message.ts';
import type { AccessView } from '../../shared/rights/deviceRights.ts';
import type { LocalStore } from '../store/localStore.ts';
import { enrolDevice } from './enrolDevice.ts';
import { ConnectionError } from './httpsJson.ts';
import { changedCount, RecordChangeSet, type RecordChanges } from './recordChanges.ts';
import { RejectedChanges } from './rejections.ts';
import { SyncClient, type SyncTransport } from './syncClient.ts';
import { SyncJournal } from './syncJournal.ts';
import { SyncScheduler } from './syncScheduler.ts';
import { SyncSettings } from './syncSettings.ts';

/** Well under the usual 30 s idle timeouts of HTTP stacks between the page and the core. */
const NEXT_CHANGE_TIMEOUT_MS = 25_000;

export interface DesktopSyncOptions {
  /** What a listener threw (default: written to stderr). */
  onListenerError?: (error: unknown) => void;
  /** Tests: how requests reach the server, and records per pull page (see SyncClient). */
  transport?: SyncTransport;
  pullPage?: number;
}

const logListenerError = (error: unknown) =>
  console.error(
    `[tutti] sync listener failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );

export class DesktopSync {
  private readonly settings: SyncSettings;
  private readonly journal: SyncJournal;
  private readonly rejected: RejectedChanges;
  private readonly scheduler: SyncScheduler;
  /** Records changed by sync since start (see `onDidChangeRecords`): the long poll's counter. */
  private received = 0;
  private clockBehind = false;
  private readonly waiting = new Set<() => void>();
  private readonly recordListeners = new Emitter<RecordChanges>();
  private readonly statusListeners = new Emitter<void>();
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly store: LocalStore,
    options: DesktopSyncOptions = {},
  ) {
    const onError = options.onListenerError ?? logListenerError;
    this.onError = onError;
    this.settings = new SyncSettings(store.meta);
    this.journal = new SyncJournal(store);
    this.rejected = new RejectedChanges(store, this.journal);
    const client = new SyncClient(store, options.transport, { pullPage: options.pullPage });
    this.scheduler = new SyncScheduler(store, client, {
      round: (report) => {
        this.clockBehind = report.ignoredStamps > 0;
      },
      records: (changes) => this.recordsChanged(changes),
      status: () => this.statusListeners.fire(undefined, this.onError),
      error: onError,
    });
  }

  /**
   * After sync changed records (a round, a discarded rejection): which ones, per entity — read
   * them from the store. Not for a round that changed nothing, nor for this device's own
   * changes coming back from the server.
   */
  onDidChangeRecords(listener: (changes: RecordChanges) => void): Disposable {
    return this.recordListeners.event(listener);
  }

  /** What `status()` answers may have changed; ask it. Never on a timer. */
  onDidChangeStatus(listener: () => void): Disposable {
    return this.statusListeners.event(listener);
  }

  private recordsChanged(changes: RecordChanges): void {
    const count = changedCount(changes);
    if (count === 0) return;
    this.received += count;
    for (const wake of this.waiting) wake();
    this.recordListeners.fire(changes, this.onError);
  }

  start(): void {
    this.scheduler.start();
  }

  isStarted(): boolean {
    return this.scheduler.isStarted();
  }

  /** No round at all until `resume` (see SyncScheduler.pause). */
  pause(): Promise<void> {
    return this.scheduler.pause();
  }

  resume(): void {
    this.scheduler.resume();
  }

  /** Resolves when a round under way has ended (see SyncScheduler.stop). */
  stop(): Promise<void> {
    return this.scheduler.stop();
  }

  localChanged(): void {
    this.scheduler.localChanged();
  }

  access(): AccessView {
    return { connected: this.settings.connection() !== null, access: this.settings.access() };
  }

  status(): SyncStatus {
    return {
      ...this.scheduler.status(),
      server: this.settings.connection()?.serverUrl ?? null,
      received: this.received,
      clockBehind: this.clockBehind,
    };
  }

  /** The status once `received` has moved past the caller's count, or after `timeoutMs`. */
  async nextChange(received: number, timeoutMs = NEXT_CHANGE_TIMEOUT_MS): Promise<SyncStatus> {
    if (received === this.received) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiting.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timeoutMs);
        timer.unref();
        this.waiting.add(wake);
      });
    }
    return this.status();
  }

  async syncNow(): Promise<SyncStatus> {
    this.scheduler.resumePull(); // the person asks: a stopped pull goes on
    await this.scheduler.request();
    return this.status();
  }

  /**
   * Stops the round under way after the page it is applying (see SyncScheduler.cancel): the
   * records it brought stay, the next round goes on from there. Answers the status after it.
   */
  async cancelRound(): Promise<SyncStatus> {
    await this.scheduler.cancel();
    return this.status();
  }

  journalView(): SyncJournalView {
    return {
      conflicts: this.journal.conflicts().map((c) => ({
        key: c.key,
        at: c.at,
        entity: c.entity,
        recordId: c.id,
        field: c.field,
        localValue: c.localValue,
        remoteValue: c.remoteValue,
      })),
      rejections: this.journal.rejections().map((r) => ({
        key: r.mutationId,
        at: r.at,
        reason: r.reason,
        reasonKey: r.reasonKey,
        reasonParams: r.reasonParams,
        fields: r.fields,
        records: r.mutation.ops.map((op) => ({
          entity: op.entity,
          id: op.id,
          fields: Object.keys(op.set),
        })),
      })),
    };
  }

  resolveRejection(key: number, action: 'resend' | 'discard'): ApiResult<null> {
    if (action === 'resend') {
      const result = this.rejected.resend(key);
      if (result.ok) this.scheduler.localChanged();
      return result;
    }
    const changes = new RecordChangeSet();
    const result = this.rejected.discard(key, changes);
    if (result.ok && changes.size > 0) {
      this.recordsChanged(changes.list());
      this.statusListeners.fire(undefined, this.onError); // `received` moved
    }
    return result;
  }

  dismiss(kind: 'conflict' | 'rejection', key: number): ApiResult<null> {
    return this.journal.dismiss(kind, key) ? ok(null) : fail('not_found', 'core.sync.entryDone');
  }

  /** Enrols this profile; errors come back at the field they concern. */
  async connect(serverUrl: string, code: string): Promise<ApiResult<SyncStatus>> {
    if (this.settings.connection()) return fail('conflict', 'core.enrol.alreadyConnected');
    const url = serverUrl.trim();
    if (!/^https:\/\/[^\s/]+(:\d+)?\/?$/.test(url))
      return fail(
        'validation',
        'core.enrol.checkAddress',
        {},
        {
          serverUrl: { key: 'core.enrol.addressFormat' },
        },
      );
    try {
      const device = await enrolDevice(url, code);
      this.store.transaction(() => this.settings.connect(device.syncUrl, device));
      this.statusListeners.fire(undefined, this.onError); // connected: a server, no longer 'unconnected'
    } catch (error) {
      if (error instanceof AppError)
        return failWith(error.at(error.code === 'server_not_trusted' ? 'serverUrl' : 'code'));
      const message: Message =
        error instanceof ConnectionError
          ? error.text
          : {
              key: 'core.connection.unreachable',
              params: { code: (error as NodeJS.ErrnoException).code ?? 'ENETWORK' },
            };
      return fail('unavailable', message.key, message.params, { serverUrl: message });
    }
    this.scheduler.start();
    await this.scheduler.request();
    return ok(this.status());
  }
}
