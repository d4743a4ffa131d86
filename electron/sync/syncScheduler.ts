/**
 * When the desktop syncs, so that the secretary never has to think about it: right after a
 * local change, when the server pokes, every few minutes as a fallback, and again
 * after the laptop wakes (a jump of the wall clock). A failed round is retried with backoff and
 * jitter. One round at a time; a request during a round runs one more round after it.
 * It tells its owner what happened instead of being asked (issue #25): each round's report, the
 * records a round changed — also a round that failed after committing part of its work — and
 * every transition that may change `status()`.
 */
import { AppError } from '../../shared/api/appError.ts';
import type { PullProgress, SyncPhase } from '../../shared/api/sync.ts';
import type { Message } from '../../shared/messages/message.ts';
import type { LocalStore } from '../store/localStore.ts';
import { backoffDelay } from './backoff.ts';
import { ConnectionError } from './httpsJson.ts';
import { PokeListener } from './pokeListener.ts';
import { RecordChangeSet, type RecordChanges } from './recordChanges.ts';
import type { RoundReport, SyncClient } from './syncClient.ts';
import { SyncSettings } from './syncSettings.ts';

export type { SyncPhase };

export interface SyncStatus {
  phase: SyncPhase;
  /** ISO time of the last completed round. */
  lastSync: string | null;
  pending: number;
  /** Why, for `problem` and `offline`. */
  message: Message | null;
  live: boolean;
  /** A pull from the start of many pages under way: how far it has come (see PullProgress). */
  progress: PullProgress | null;
}

/** Progress is told at most this often (and once a page at most, as it is learnt per page). */
const PROGRESS_EVERY_MS = 100;
const FALLBACK_MS = 5 * 60_000;
/** How long a stop lets a round under way finish by itself before its requests are aborted. */
const STOP_GRACE_MS = 2_000;

/** Why a round got no answer: a broken connection says how it broke. */
function offlineReason(error: unknown): Message {
  if (error instanceof ConnectionError && error.failure !== 'network') return error.text;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code
    ? { key: 'core.connection.offlineCode', params: { code } }
    : { key: 'core.connection.offline' };
}
const TICK_MS = 30_000;

/** What the scheduler tells its owner; each call is guarded (one that throws changes nothing). */
export interface SchedulerEvents {
  /** A round completed. */
  round?(report: RoundReport): void;
  /** Records changed by a round (never empty); after `round` for a round that completed. */
  records?(changes: RecordChanges): void;
  /** What `status()` returns may have changed: phase, message, live, pending, last sync. */
  status?(): void;
  /** One of the above threw. */
  error?(error: unknown): void;
}

export class SyncScheduler {
  private phase: SyncPhase = 'offline';
  private message: Message | null = null;
  private running: Promise<void> | null = null;
  /** Ends the round under way (its requests) when the core stops. */
  private abortRound: AbortController | null = null;
  private again = false;
  private failures = 0;
  private retry: NodeJS.Timeout | null = null;
  private tick: NodeJS.Timeout | null = null;
  private lastTick = Date.now();
  private lastRound = 0;
  private live = false;
  private started = false;
  private paused = false;
  private progress: PullProgress | null = null;
  private toldProgress: PullProgress | null = null;
  /** The person stopped a pull: rounds push local saves but pull nothing until `resumePull`. */
  private pullHeld = false;
  private progressToldAt = 0;
  private progressTimer: NodeJS.Timeout | null = null;
  /** The person asked to stop the round under way (see `cancel`). */
  private stopWanted = false;
  private readonly settings: SyncSettings;
  private readonly pokes: PokeListener;

  constructor(
    private readonly store: LocalStore,
    private readonly client: SyncClient,
    private readonly events: SchedulerEvents = {},
  ) {
    this.settings = new SyncSettings(store.meta);
    this.pokes = new PokeListener(
      () => this.settings.connection(),
      () => this.request(),
      (connected) => {
        this.live = connected;
        this.statusChanged();
        if (connected) this.request(); // whatever happened while we were away
      },
    );
  }

  start(): void {
    if (!this.settings.connection()) {
      this.setPhase('unconnected');
      return;
    }
    this.started = true;
    this.pokes.start();
    this.tick = setInterval(() => this.onTick(), TICK_MS);
    this.tick.unref();
    this.request();
  }

  isStarted(): boolean {
    return this.started;
  }

  /**
   * Stops the timers and the poke channel; resolves when a round already under way has ended,
   * so the caller may close the database after it. That round gets STOP_GRACE_MS to finish;
   * then its requests are aborted, so a stalled connection never holds up the end of Tutti.
   * No further round follows a stop.
   */
  stop(): Promise<void> {
    this.started = false;
    this.again = false;
    this.pokes.stop();
    for (const timer of [this.retry, this.tick]) if (timer) clearTimeout(timer);
    this.retry = null;
    this.tick = null;
    const running = this.running;
    if (!running) return Promise.resolve();
    const abort = setTimeout(() => this.abortRound?.abort(), STOP_GRACE_MS);
    return running.finally(() => clearTimeout(abort));
  }

  /**
   * A local change was saved: push it now. No debounce — a save is a whole record, not a
   * keystroke, and changes saved while a round runs go out together in the round after it.
   */
  localChanged(): void {
    this.statusChanged(); // one more pending
    if (this.started) void this.request();
  }

  /**
   * Stops syncing and refuses every round — also "sync now" and wake-ups — until `resume`:
   * for work that replaces the replica's contents (a restore). Resolves when a round under way
   * has ended.
   */
  pause(): Promise<void> {
    this.paused = true;
    return this.stop();
  }

  resume(): void {
    this.paused = false;
  }

  /**
   * The person stops the round under way: it ends after the page (or push batch) it is at —
   * what came so far stays, with the cursor — and says so (`stopped`). No round follows until
   * the next trigger (a local change, a poke, the fallback timer, "Jetzt abgleichen").
   * A full resync is not stopped (see RoundControl). Resolves when the round has ended.
   */
  cancel(): Promise<void> {
    if (!this.running) return Promise.resolve();
    this.stopWanted = true;
    // Held until the person says "Jetzt abgleichen": a save is still sent, nothing pulled.
    this.pullHeld = true;
    this.again = false;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    return this.running;
  }

  /** "Jetzt abgleichen" after a stop: pulling goes on. */
  resumePull(): void {
    this.pullHeld = false;
  }

  /** Runs a round now (or right after the current one); resolves when it has ended. */
  request(): Promise<void> {
    if (this.paused) return this.running ?? Promise.resolve();
    if (this.phase === 'unconnected' && !this.settings.connection()) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  status(): SyncStatus {
    return {
      phase: this.settings.connection() ? this.phase : 'unconnected',
      lastSync: this.settings.lastSync(),
      pending: this.store.outbox.pendingCount(),
      message: this.message,
      live: this.live,
      // The value last told, not the latest: another status event between two tellings would
      // carry the progress out of turn.
      progress: this.phase === 'syncing' ? this.toldProgress : null,
    };
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      this.stopWanted = false;
      this.setPhase('syncing');
      const abort = new AbortController();
      this.abortRound = abort;
      const changes = new RecordChangeSet();
      try {
        const report = await this.client.round(abort.signal, changes, {
          progress: (progress) => this.progressMoved(progress),
          stopRequested: () => this.stopWanted,
          pullHeld: () => this.pullHeld,
        });
        this.endProgress();
        this.phase = report.stopped ? 'stopped' : 'synced';
        this.message = null;
        this.failures = 0;
        // A stopped round counts as one for the fallback timer: it must not restart at once.
        this.lastRound = Date.now();
        this.tell(() => this.events.round?.(report));
        this.recordsChanged(report.changes);
        this.statusChanged();
      } catch (error) {
        this.endProgress();
        this.failures += 1;
        const fromServer = error instanceof AppError;
        this.phase = fromServer ? 'problem' : 'offline';
        this.message = fromServer
          ? error.text
          : { key: 'core.sync.offlineSaved', params: { reason: offlineReason(error) } };
        // What the round committed before it failed stays: it is told all the same.
        this.recordsChanged(changes.list());
        this.statusChanged();
        if (this.retry) clearTimeout(this.retry);
        if (!this.started) return; // a one-off round (syncNow while stopped) is not retried
        this.retry = setTimeout(() => this.request(), backoffDelay(this.failures - 1));
        this.retry.unref();
        return;
      } finally {
        this.abortRound = null;
        this.stopWanted = false;
      }
      // A trigger that came while a stopped round finished its page waits for the next one:
      // the person asked it to stop.
    } while (this.again && this.started && this.phase !== 'stopped');
  }

  /** A page of a long pull committed: told at once, or when PROGRESS_EVERY_MS has passed. */
  private progressMoved(progress: PullProgress): void {
    this.progress = progress;
    if (this.progressTimer) return; // the latest value goes out with it
    const wait = this.progressToldAt + PROGRESS_EVERY_MS - Date.now();
    if (wait <= 0) {
      this.progressToldAt = Date.now();
      this.toldProgress = this.progress;
      this.statusChanged();
      return;
    }
    this.progressTimer = setTimeout(() => {
      this.progressTimer = null;
      this.progressToldAt = Date.now();
      this.toldProgress = this.progress;
      this.statusChanged();
    }, wait);
    this.progressTimer.unref();
  }

  /** The round ended: no progress any more (the status told next says so). */
  private endProgress(): void {
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.progressTimer = null;
    this.progress = null;
    this.toldProgress = null;
    this.progressToldAt = 0;
  }

  private setPhase(phase: SyncPhase): void {
    if (this.phase === phase) return;
    this.phase = phase;
    this.statusChanged();
  }

  private recordsChanged(changes: RecordChanges): void {
    if (changes.length > 0) this.tell(() => this.events.records?.(changes));
  }

  private statusChanged(): void {
    this.tell(() => this.events.status?.());
  }

  /** Calls the owner; what it throws is passed on to `error`, never into the round. */
  private tell(call: () => void): void {
    try {
      call();
    } catch (error) {
      try {
        this.events.error?.(error);
      } catch {
        // nothing more to be done
      }
    }
  }

  private onTick(): void {
    const now = Date.now();
    // Far more time passed than the timer's period: the machine slept. Sync at once.
    const woke = now - this.lastTick > 2 * TICK_MS;
    this.lastTick = now;
    if (woke || now - this.lastRound > FALLBACK_MS) void this.request();
  }
}
