/**
 * The window's process's handle on the core host (issue #26): starts the host process, hands
 * it the profile and its key, relays calls and events, and keeps it alive. A host that ends
 * unasked — a crash, a kill, a hang the watchdog noticed — is said in the status event
 * (`coreHost.state: 'restarting'`), every call waiting on it is answered, and a new host opens
 * the same profile: committed data is in the database, nothing else was kept in the old one.
 * A host that cannot be started (the program file gone, the profile taken, a disk that hangs)
 * is tried again, later and later, and the reason is said.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AppError } from '../../shared/api/appError.ts';
import type { ErrorCode } from '../../shared/api/errorCodes.ts';
import type { CoreHostStatus, Disposable } from '../../shared/api/events.ts';
import { Emitter } from '../../shared/api/events.ts';
import { fail } from '../../shared/api/result.ts';
import type { Message } from '../../shared/messages/message.ts';
import type { CoreEndpoint } from './coreEndpoint.ts';
import {
  type ClubEventLineName,
  type FromHost,
  fromHost,
  TEXT_PART_CHARS,
  type ToHost,
} from './hostMessages.ts';

/** A started host process, as Node's child process or Electron's utility process offers it. */
export interface HostProcess {
  /** Hands a message on; an `open` message's key is wiped once it has left (or was dropped). */
  send(message: ToHost): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once, when the process ended — or could not be started at all. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** Ends it at once (SIGKILL): for a host that no longer answers. */
  kill(): void;
  readonly pid: number | undefined;
}

export interface CoreHostOptions {
  spawn(): HostProcess;
  profileDir: string;
  /** The database key; kept in this process to open the profile again after a crash. */
  key: Uint8Array;
  /** Start sync and the daily backups in the host. */
  background: boolean;
  /** The folder dialog of the window's process (Electron), asked for by the host. */
  pickFolder?(current: string | null): Promise<string | null>;
  log?(line: string): void;
  /** Waits before the n-th restart in a row (a host that ran a minute starts the count anew). */
  restartDelaysMs?: readonly number[];
  /**
   * The watchdog: a ping this often; a host that answered none for `silentAfterMs` is killed.
   * Counted in pings, not on the clock: a laptop's sleep or a clock set anew is no silence.
   */
  pingEveryMs?: number;
  silentAfterMs?: number;
  /** How long opening the profile may take before the host is taken for hung. */
  openWithinMs?: number;
  /** How long a stop may take (the backup on close included) before the host is killed. */
  stopWithinMs?: number;
  now?(): Date;
}

const RESTART_DELAYS_MS = [200, 1_000, 5_000, 15_000, 30_000];
/** A host that ran this long before it ended starts the delays anew. */
const STABLE_AFTER_MS = 60_000;

/** The answer to a call the host will not answer: said in words, as every failure is. */
const unavailable = (key: string): string => JSON.stringify(fail('unavailable', key));

const monotonic = () => performance.now();

export class CoreHost implements CoreEndpoint {
  private process: HostProcess | null = null;
  private state: 'starting' | 'running' | 'restarting' | 'stopping' | 'stopped' = 'starting';
  private restarts = 0;
  private restartsInARow = 0;
  /** Starts that failed since the last crash, and why the last one did. */
  private failedStarts = 0;
  private lastError: Message | null = null;
  private lastFailureAt: string | null = null;
  private startedAt = 0;
  private nextId = 1;
  private readonly pending = new Map<number, (json: string) => void>();
  /** Parts of a long text received ahead of its message (hostMessages.ts). */
  private parts: string[] = [];
  private readonly events = new Emitter<{ name: ClubEventLineName; json: string }>();
  private recordListeners = 0;
  private lastStatus: Record<string, unknown> | null = null;
  private missedPings = 0;
  private watchdog: NodeJS.Timeout | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private stopped: Promise<void> | null = null;
  private readonly key: Buffer;
  private readonly log: (line: string) => void;
  private readonly now: () => Date;

  private constructor(private readonly options: CoreHostOptions) {
    this.key = Buffer.from(options.key);
    this.log = options.log ?? ((line) => process.stderr.write(`[tutti] ${line}\n`));
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Starts the host and opens the profile; rejects with the host's AppError when the profile
   * cannot be opened (in use, damaged, from a newer Tutti), as opening it here would.
   */
  static async start(options: CoreHostOptions): Promise<CoreHost> {
    const host = new CoreHost(options);
    try {
      await host.launch();
    } catch (error) {
      host.state = 'stopped';
      host.key.fill(0);
      throw error;
    }
    host.startWatchdog();
    return host;
  }

  /** The host's process id, while one runs (for the tests that kill it). */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  view(): CoreHostStatus {
    return {
      state: this.state === 'restarting' ? 'restarting' : 'running',
      restarts: this.restarts,
      lastFailureAt: this.lastFailureAt,
      failedStarts: this.failedStarts,
      lastError: this.lastError,
    };
  }

  /**
   * A call as JSON text — or as the bytes of an HTTP body, which this process then never
   * decodes. A long one goes to the host in parts, with a turn of the event loop between them.
   */
  callText(body: string | Uint8Array): Promise<string> {
    return this.request(async (id, child) => {
      let at = 0;
      for (; body.length - at > TEXT_PART_CHARS; at += TEXT_PART_CHARS) {
        const chunk =
          typeof body === 'string'
            ? body.slice(at, at + TEXT_PART_CHARS)
            : body.subarray(at, at + TEXT_PART_CHARS);
        child.send({ type: 'callPart', id, chunk });
        await nextTurn();
        if (this.process !== child) return; // it ended meanwhile: the call was answered
      }
      child.send({
        type: 'call',
        id,
        body: at === 0 ? body : typeof body === 'string' ? body.slice(at) : body.subarray(at),
      });
    });
  }

  invoke(method: string, args: unknown[]): Promise<string> {
    return this.request(async (id, child) => child.send({ type: 'invoke', id, method, args }));
  }

  onEvent(listener: (name: ClubEventLineName, json: string) => void): Disposable {
    const subscription = this.events.event(({ name, json }) => listener(name, json));
    this.setRecordListeners(this.recordListeners + 1);
    let disposed = false;
    return {
      dispose: () => {
        if (disposed) return;
        disposed = true;
        subscription.dispose();
        this.setRecordListeners(this.recordListeners - 1);
      },
    };
  }

  /** Stops sync and backups in the host, closes the profile and ends the host. */
  stop(): Promise<void> {
    this.stopped ??= this.stopHost();
    return this.stopped;
  }

  private async stopHost(): Promise<void> {
    this.state = 'stopping';
    if (this.watchdog) clearInterval(this.watchdog);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.process;
    if (child) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.log('The core did not stop in time and was ended.');
          child.kill();
          resolve();
        }, this.options.stopWithinMs ?? 60_000);
        child.onExit(() => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: 'stop' });
      });
    }
    this.state = 'stopped';
    this.process = null;
    this.key.fill(0);
    this.answerPending('core.host.stopping');
  }

  private request(send: (id: number, child: HostProcess) => Promise<void>): Promise<string> {
    if (this.state === 'restarting') return Promise.resolve(unavailable('core.host.restarting'));
    const child = this.process;
    if (this.state !== 'running' || !child)
      return Promise.resolve(unavailable('core.host.stopping'));
    const id = this.nextId++;
    return new Promise<string>((resolve) => {
      this.pending.set(id, resolve);
      send(id, child).catch((error: unknown) => {
        this.log(`A call could not be sent: ${error instanceof Error ? error.message : error}`);
        if (this.pending.delete(id)) resolve(unavailable('core.host.crashed'));
      });
    });
  }

  private setRecordListeners(count: number): void {
    const before = this.recordListeners > 0;
    this.recordListeners = count;
    if (before !== count > 0 && this.state === 'running')
      this.process?.send({ type: 'listen', records: count > 0 });
  }

  /** Spawns a host and opens the profile in it; resolves when it is ready. */
  private launch(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      let child: HostProcess;
      try {
        child = this.options.spawn();
      } catch (error) {
        this.startFailed({ key: 'core.host.failedToStart', params: { code: String(error) } });
        reject(error);
        return;
      }
      this.process = child;
      this.parts = [];
      this.startedAt = monotonic();
      let refusal: AppError | null = null;
      // A host that neither opens the profile nor ends (a disk that hangs) is ended.
      const openWithin = this.options.openWithinMs ?? 120_000;
      const openDeadline = setTimeout(() => {
        this.log('The core did not open the profile in time and is ended.');
        refusal = new AppError('internal', 'core.host.openTimeout', {
          seconds: Math.round(openWithin / 1000),
        });
        child.kill();
      }, openWithin);
      openDeadline.unref?.();
      child.onMessage((raw) => {
        if (this.process !== child) return; // an ended host's late word
        const message = fromHost(raw);
        if (!message) {
          this.log('A malformed message from the core was dropped.');
          this.parts = [];
          return;
        }
        if (message.type === 'ready') {
          ready = true;
          clearTimeout(openDeadline);
          // A stop asked for while it started: it stays stopping; the stop ends it.
          if (this.state === 'starting' || this.state === 'restarting') {
            this.state = 'running';
            this.failedStarts = 0;
            this.lastError = null;
            this.missedPings = 0;
            if (this.recordListeners > 0) child.send({ type: 'listen', records: true });
          }
          resolve();
          return;
        }
        if (message.type === 'openFailed' && !ready) {
          refusal = new AppError(
            (message.error.reason ?? 'internal') as ErrorCode,
            message.error.key,
            message.error.params,
          );
          return; // the host ends now; its exit settles this start
        }
        this.receive(message, child);
      });
      child.onExit((code, signal) => {
        clearTimeout(openDeadline);
        if (this.process !== child) return;
        this.process = null;
        this.parts = [];
        if (!ready) {
          const error =
            refusal ??
            new AppError('internal', 'core.host.failedToStart', { code: String(signal ?? code) });
          this.startFailed(error.text);
          reject(error);
          return;
        }
        if (this.state === 'stopping' || this.state === 'stopped') return;
        this.crashed(`ended unasked (${signal ?? `code ${code}`})`);
      });
      child.send({
        type: 'open',
        profileDir: this.options.profileDir,
        key: new Uint8Array(this.key), // wiped by `send` once it has left
        canPickFolder: this.options.pickFolder !== undefined,
        background: this.options.background,
      });
    });
  }

  /** A start that failed: said in the status; after a crash, tried again later. */
  private startFailed(reason: Message): void {
    if (this.state !== 'restarting') return; // the first start: its caller says why
    this.failedStarts++;
    this.lastError = reason;
    this.tellStatus(null);
    this.scheduleRestart();
  }

  private receive(message: FromHost, child: HostProcess): void {
    if (message.type !== 'part' && message.type !== 'result' && message.type !== 'event')
      this.parts = []; // parts belong to the next text message only
    switch (message.type) {
      case 'part':
        this.parts.push(message.text);
        return;
      case 'result': {
        const json = this.withParts(message.json);
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.(json);
        return;
      }
      case 'event': {
        const json = this.withParts(message.json);
        if (message.name === 'status') this.tellStatus(json);
        else if (this.events.size > 0) this.events.fire({ name: message.name, json });
        return;
      }
      case 'ask':
        void this.askWindow(child, message.id, message.current);
        return;
      case 'pong':
        this.missedPings = 0;
        return;
      default:
        return;
    }
  }

  /** The parts sent ahead of a message and its own rest, as one text (joined, not copied). */
  private withParts(rest: string): string {
    if (this.parts.length === 0) return rest;
    const json = this.parts.join('') + rest;
    this.parts = [];
    return json;
  }

  /** The folder dialog for the host that asked; a host started since gets no stray answer. */
  private async askWindow(child: HostProcess, id: number, current: string | null): Promise<void> {
    let value: string | null = null;
    try {
      value = (await this.options.pickFolder?.(current)) ?? null;
    } catch (error) {
      this.log(`The folder dialog failed: ${error instanceof Error ? error.message : error}`);
    }
    if (this.process === child) child.send({ type: 'answer', id, value });
  }

  /** The core's status with the host's own state added: small, read and written again. */
  private tellStatus(json: string | null): void {
    if (json !== null) {
      try {
        this.lastStatus = JSON.parse(json) as Record<string, unknown>;
      } catch {
        this.log('A malformed status from the core was dropped.');
        return;
      }
    }
    if (!this.lastStatus) return;
    const status = { ...this.lastStatus, coreHost: this.view() };
    this.events.fire({ name: 'status', json: JSON.stringify(status) });
  }

  private crashed(reason: string): void {
    this.log(`The core ${reason}; it is started again.`);
    this.restarts++;
    this.lastFailureAt = this.now().toISOString();
    this.state = 'restarting';
    this.answerPending('core.host.crashed');
    this.tellStatus(null);
    if (monotonic() - this.startedAt > STABLE_AFTER_MS) this.restartsInARow = 0;
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    const delays = this.options.restartDelaysMs ?? RESTART_DELAYS_MS;
    const delay = delays[Math.min(this.restartsInARow, delays.length - 1)] ?? 1_000;
    this.restartsInARow++;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.state !== 'restarting') return;
      this.launch().then(
        () => this.log(`The core runs again (restart ${this.restarts}).`),
        (error: unknown) =>
          // Tried again later (startFailed): the profile taken, the disk gone, the file missing.
          this.log(
            `The core could not start again: ${error instanceof Error ? error.message : error}`,
          ),
      );
    }, delay);
    this.restartTimer.unref?.();
  }

  /** A call that will get no answer from the host is answered here, in words. */
  private answerPending(key: string): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve(unavailable(key));
  }

  private startWatchdog(): void {
    const every = this.options.pingEveryMs ?? 10_000;
    const allowed = Math.max(2, Math.ceil((this.options.silentAfterMs ?? 45_000) / every));
    let nextPing = 1;
    this.watchdog = setInterval(() => {
      const child = this.process;
      if (!child || this.state !== 'running') return;
      if (this.missedPings >= allowed) {
        this.log(`The core has not answered ${allowed} pings in a row.`);
        this.missedPings = 0;
        child.kill(); // its exit starts a new one
        return;
      }
      this.missedPings++;
      child.send({ type: 'ping', id: nextPing++ });
    }, every);
    this.watchdog.unref?.();
  }
}
