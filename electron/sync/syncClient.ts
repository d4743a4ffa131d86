/**
 * One sync round of this profile with its club server (DESIGN.md "Sync protocol"):
 * 1. push the outbox in order; the server's answer acknowledges every processed mutation, and
 *    a rejected one is journaled and its records put back to the server's state;
 * 2. pull every page after the cursor, each page merged into the replica in one transaction
 *    together with the new cursor (a crash loses nothing and repeats nothing); a new scope
 *    epoch or a cursor the server does not know starts over and sweeps what was not resent;
 * 3. forget the acknowledged outbox entries, now that the pull has rebased on them.
 * The round reports the records it really changed (issue #25), so the UI can apply deltas.
 */

import { AppError } from '../../shared/api/appError.ts';
import type { PullProgress } from '../../shared/api/sync.ts';
import type { EntityName } from '../../shared/domain/entities.ts';
import type { Message } from '../../shared/messages/message.ts';
import { createDeviceKeyAndCsr } from '../../shared/node/deviceKeys.ts';
import {
  assertPullResponse,
  assertPushResponse,
  assertRenewResponse,
  type Mutation,
  type PullResponse,
  type PushResponse,
  type RecordChange,
  SYNC_PATHS,
} from '../../shared/sync/protocol.ts';
import type { LocalStore } from '../store/localStore.ts';
import { forgetSensitive } from './forgetSensitive.ts';
import { httpsJson, type JsonResponse } from './httpsJson.ts';
import { RecordChangeSet, type RecordChanges } from './recordChanges.ts';
import { OwnStamps, Replica } from './replica.ts';
import { serverMessage } from './serverMessage.ts';
import { SyncJournal } from './syncJournal.ts';
import { type SyncConnection, SyncSettings } from './syncSettings.ts';

/** A push carries at most this many mutations and this many bytes (the server takes 1 MiB). */
const PUSH_BATCH = 1000;
const PUSH_BYTES = 768 * 1024;
/**
 * Records per pull page: one request, one local transaction. The device holds at most the page
 * it applies and the one on its way, so memory stays bounded however large the club.
 */
const PULL_PAGE = 5000;
const RENEW_BEFORE_MS = 30 * 24 * 3_600_000;

/**
 * How a request reaches the server: HTTPS with the device certificate, or (in tests)
 * in-process. It settles always — with the answer, or rejected (also when `signal` aborts).
 */
export type SyncTransport = (
  connection: SyncConnection,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
) => Promise<JsonResponse>;

export const httpsTransport: SyncTransport = (connection, method, path, body, signal) =>
  httpsJson(new URL(path, connection.serverUrl), connection, method, body, { signal });

/**
 * What the owner of a round learns and says while it runs. Each call is the owner's; what it
 * throws is its own problem, not the round's.
 */
export interface RoundControl {
  /**
   * A pull from the start of many pages (a fresh device, a full resync, or one that goes on
   * where it was stopped): after each committed page, how many of how many changes.
   */
  progress?(progress: PullProgress): void;
  /**
   * Asked after each committed push batch and pull page: true ends the round there — what it
   * committed stays, the cursor with it, and the next round goes on from there. Not asked
   * during a full resync, whose sweep at its end must not be skipped.
   */
  stopRequested?(): boolean;
  /**
   * Asked once after the push: true skips the pull (the person stopped one and has not asked
   * to go on); the round ends as stopped, its push done.
   */
  pullHeld?(): boolean;
}

export interface RoundReport {
  /** The round ended early because `stopRequested` said so; nothing after that was done. */
  stopped: boolean;
  pushed: number;
  rejected: number;
  pulled: number;
  conflicts: number;
  purged: number;
  /** Stamps more than the drift bound ahead of this computer's clock: not followed. */
  ignoredStamps: number;
  /**
   * The records this round changed as the lists show them (see recordChanges.ts): taken from
   * the push's answer, pulled, swept after a full resync, or emptied of values the user may no
   * longer read. This device's own changes coming back are not among them.
   */
  changes: RecordChanges;
}

/** Every stamp of the given changes, for the clock to observe. */
function* stampsOf(changes: Iterable<RecordChange>): Generator<string> {
  for (const change of changes)
    if (change.state) for (const field in change.state.stamps) yield change.state.stamps[field]!;
}

/**
 * The value of a successful answer, checked against the protocol's schema: an answer that
 * does not fit is refused, never cast and trusted.
 */
function answerValue<T>(
  response: JsonResponse,
  step: SyncStep,
  assert: (value: unknown) => asserts value is T,
): T {
  const body = response.body as { ok?: boolean; value?: unknown };
  if (response.status !== 200 || body?.ok !== true)
    throw stepFailed(step, serverMessage(body, response.status));
  try {
    assert(body.value);
  } catch (error) {
    const issue = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
    const where = issue ? `${issue.path.join('.') || '/'}: ${issue.message}` : String(error);
    throw stepFailed(step, { key: 'core.sync.answerMismatch', params: { where } }, error);
  }
  return body.value;
}

type SyncStep = 'renew' | 'pull' | 'push' | 'realign';

/** "Abholen der Änderungen: <what went wrong>" */
function stepFailed(step: SyncStep, problem: Message, cause?: unknown): AppError {
  return new AppError(
    'sync_failed',
    'core.sync.failed',
    { step: { key: `core.sync.step.${step}` }, problem },
    { cause },
  );
}

/**
 * What is wrong with a pull page asked for after `from`, or null. A cursor never goes back
 * (unless the server says it starts over), and every change lies in (from, cursor].
 */
export function pageProblem(page: PullResponse, from: number): Message | null {
  if (page.reset) return null;
  if (page.cursor < from)
    return { key: 'core.sync.cursorBack', params: { cursor: page.cursor, from } };
  let previous = from;
  for (const change of page.changes) {
    if (change.version <= previous || change.version > page.cursor)
      return { key: 'core.sync.outOfOrder', params: { version: change.version } };
    previous = change.version;
  }
  return null;
}

/** The first of the given mutations that fit one request by size; always at least one. */
function nextBatch(pending: readonly Mutation[]): Mutation[] {
  const batch: Mutation[] = [];
  let bytes = 0;
  for (const mutation of pending) {
    bytes += Buffer.byteLength(JSON.stringify(mutation)) + 1;
    if (batch.length > 0 && bytes > PUSH_BYTES) break;
    batch.push(mutation);
  }
  return batch;
}

export class SyncClient {
  private readonly settings: SyncSettings;
  private readonly replica: Replica;
  private readonly journal: SyncJournal;

  private readonly pushBatch: number;
  private readonly pullPage: number;
  private signal: AbortSignal | undefined;
  private control: RoundControl = {};

  constructor(
    private readonly store: LocalStore,
    private readonly transport: SyncTransport = httpsTransport,
    options: { pushBatch?: number | undefined; pullPage?: number | undefined } = {},
  ) {
    this.pushBatch = options.pushBatch ?? PUSH_BATCH;
    this.pullPage = options.pullPage ?? PULL_PAGE;
    this.settings = new SyncSettings(store.meta);
    this.replica = new Replica(store);
    this.journal = new SyncJournal(store);
  }

  /**
   * One round. `signal` ends it early (the core shuts down): what was committed stays, a push
   * whose answer was lost is sent again next time and skipped by the server. The records each
   * committed transaction changed go into `changes` as it commits — so a caller that passes its
   * own set still learns them when the round fails later on.
   */
  async round(
    signal?: AbortSignal,
    changes: RecordChangeSet = new RecordChangeSet(),
    control: RoundControl = {},
  ): Promise<RoundReport> {
    this.signal = signal;
    this.control = control;
    const connection = this.settings.connection();
    if (!connection) throw new AppError('sync_failed', 'core.sync.notConnected');
    const report: RoundReport = {
      stopped: false,
      pushed: 0,
      rejected: 0,
      pulled: 0,
      conflicts: 0,
      purged: 0,
      ignoredStamps: 0,
      changes: [],
    };
    const current = await this.renewIfDue(connection);
    if (this.settings.needsRealign()) await this.realign(current);
    await this.push(current, report, changes);
    if (!report.stopped && this.pullHeld()) report.stopped = true;
    if (!report.stopped) await this.pull(current, report, changes);
    report.changes = changes.list();
    if (report.stopped) return report;
    this.store.transaction(() => {
      this.store.outbox.forgetAcknowledged();
      this.settings.setLastSync(new Date().toISOString());
    });
    report.changes = changes.list();
    return report;
  }

  /**
   * Device certificates live at most 90 days; within the last 30 a round first gets a new one
   * (with a new key, made here), so a device in regular use never runs into the expiry.
   */
  private async renewIfDue(connection: SyncConnection): Promise<SyncConnection> {
    if (Date.parse(connection.notAfter) - Date.now() > RENEW_BEFORE_MS) return connection;
    const { csrPem, privateKeyPem } = await createDeviceKeyAndCsr(connection.deviceId);
    const renewed = answerValue(
      await this.request(connection, 'POST', SYNC_PATHS.renewCertificate, { csr: csrPem }),
      'renew',
      assertRenewResponse,
    );
    this.store.transaction(() =>
      this.settings.updateCertificate(renewed.certificate, privateKeyPem, renewed.notAfter),
    );
    return this.settings.connection()!;
  }

  /**
   * After a restored backup: learns the last mutation id the server has seen from this device
   * (one record's pull, nothing applied) and numbers the pending mutations after it.
   */
  private async realign(connection: SyncConnection): Promise<void> {
    const cursor = this.settings.cursor();
    const answer = answerValue(
      await this.request(connection, 'GET', `${SYNC_PATHS.pull}?cursor=${cursor}&limit=1`),
      'realign',
      assertPullResponse,
    );
    this.store.transaction(() => {
      this.store.outbox.renumberAfter(answer.lastMutationId);
      this.settings.setRealign(false);
    });
  }

  private request(
    connection: SyncConnection,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ) {
    this.signal?.throwIfAborted();
    return this.transport(connection, method, path, body, this.signal);
  }

  private async push(
    connection: SyncConnection,
    report: RoundReport,
    changes: RecordChangeSet,
  ): Promise<void> {
    let realigned = false;
    for (;;) {
      const pending = nextBatch(this.store.outbox.pending(this.pushBatch));
      if (pending.length === 0) return;
      const response = await this.request(connection, 'POST', SYNC_PATHS.push, {
        mutations: pending,
        sentAt: this.store.wallClock(),
      });
      // 409: the server misses ids before ours — it was restored from a backup. Number the
      // pending changes after what it has (once per round) and send them again.
      if (response.status === 409 && !realigned) {
        realigned = true;
        await this.realign(connection);
        continue;
      }
      const answer: PushResponse = answerValue(response, 'push', assertPushResponse);
      const byId = new Map(pending.map((m) => [m.mutationId, m]));
      const batch = new RecordChangeSet();
      this.store.transaction(() => {
        for (const outcome of answer.results) {
          if (outcome.status === 'rejected') {
            // The person's values stay on screen, marked, until they resend or discard them.
            const refused = byId.get(outcome.mutationId)!;
            this.journal.recordRejection(refused, outcome);
            for (const op of refused.ops)
              this.replica.keepRefused(
                op,
                outcome.current?.find((c) => c.entity === op.entity && c.id === op.id)?.state ??
                  null,
              );
            report.rejected += 1;
          } else if (outcome.status === 'applied') {
            report.pushed += 1;
            // Values the server kept its own (later) value for: the device takes the server's
            // and keeps its own as a conflict the person sees, instead of differing silently.
            if (outcome.current) this.takeServerState(outcome.current, report, batch);
          }
          report.ignoredStamps += this.store.observe(stampsOf(outcome.current ?? []));
        }
        this.store.outbox.acknowledge(answer.lastMutationId);
      });
      changes.addAll(batch); // committed
      if (answer.lastMutationId < pending.at(-1)!.mutationId) return; // the server stopped early
      if (this.stopRequested()) {
        report.stopped = true;
        return;
      }
    }
  }

  private takeServerState(
    states: readonly RecordChange[],
    report: RoundReport,
    changes: RecordChangeSet,
  ): void {
    const own = new OwnStamps(this.store).current();
    for (const state of states) {
      const { lost, change } = this.replica.apply(state, own);
      changes.note(state.entity as EntityName, state.id, change);
      if (lost.length > 0) {
        this.journal.recordConflicts(lost);
        report.conflicts += lost.length;
      }
    }
  }

  /** The owner's wish to stop, asked between committed steps (see RoundControl). */
  private stopRequested(): boolean {
    try {
      return this.control.stopRequested?.() === true;
    } catch {
      return false;
    }
  }

  private pullHeld(): boolean {
    try {
      return this.control.pullHeld?.() === true;
    } catch {
      return false;
    }
  }

  private tellProgress(progress: PullProgress): void {
    try {
      this.control.progress?.(progress);
    } catch {
      // the owner's listener; the round goes on
    }
  }

  /**
   * Pages arrive up to `pullPage` records at a time, each applied in one local transaction
   * together with its cursor: a crash loses only the page not yet committed, and it is fetched
   * again. The request for the next page is sent before a page is applied, so the server
   * prepares it meanwhile; no more than these two pages are held.
   */
  private async pull(
    connection: SyncConnection,
    report: RoundReport,
    changes: RecordChangeSet,
  ): Promise<void> {
    let cursor = this.settings.cursor();
    let seen: Set<string> | null = null; // collecting during a full resync
    const ownStamps = new OwnStamps(this.store);
    // A device that has never synced and has no edit of its own takes the server's state as it
    // is, without merging record by record — as long as no local edit comes in meanwhile.
    const startedFresh =
      cursor === 0 && this.store.outbox.lastMutationId() === 0 && this.replica.isEmpty();
    // A pull stopped earlier goes on counting where it was.
    let progress = cursor > 0 ? this.settings.pullProgress() : null;
    const fetchPage = (from: number): Promise<PullResponse> => {
      const answer = this.request(
        connection,
        'GET',
        `${SYNC_PATHS.pull}?cursor=${from}&limit=${this.pullPage}`,
      ).then((response) => {
        const page: PullResponse = answerValue(response, 'pull', assertPullResponse);
        const problem = pageProblem(page, from);
        if (problem) throw stepFailed('pull', problem);
        return page;
      });
      answer.catch(() => {}); // awaited below; a failure while a page is applied is not unhandled
      return answer;
    };
    let next: Promise<PullResponse> | null = fetchPage(cursor);
    let endDeferral: ((lastCommitDurable: boolean) => void) | null = null;
    let lastCommitDurable = true;
    try {
      while (next) {
        const page: PullResponse = await next;
        next = null;
        const knownEpoch = this.settings.scopeEpoch();
        if (
          seen === null &&
          (page.reset || (knownEpoch !== null && knownEpoch !== page.scopeEpoch && cursor > 0))
        ) {
          // What this user may see has changed (or the server does not know our cursor): start over.
          seen = new Set();
          if (!page.reset) {
            cursor = 0;
            next = fetchPage(0);
            continue;
          }
        }
        cursor = page.cursor;
        // The next page travels while this one is written to the replica.
        if (page.hasMore) next = fetchPage(cursor);
        // Let that request leave first: Node writes it to the socket on a later tick, and the
        // page's synchronous apply would hold it back — the server could not work meanwhile.
        if (next) await new Promise<void>((resolve) => setImmediate(resolve));
        if (page.hasMore && !endDeferral) endDeferral = this.store.deferCheckpoints();
        // Progress is told for a pull from the start that takes more than this one page.
        // Not for a full resync: it cannot be stopped (its sweep at the end must run), so no
        // progress with a stop button is offered for it.
        if (page.total !== undefined)
          progress = page.hasMore && seen === null ? { received: 0, total: page.total } : null;
        if (progress) {
          const received = progress.received + page.changes.length;
          progress = page.hasMore
            ? { received, total: Math.max(progress.total, received) }
            : { received, total: received };
        }
        const fresh = startedFresh && this.store.outbox.lastMutationId() === 0;
        // Pages of a long pull are made durable at its end, once (see deferCheckpoints).
        // The last page waits for the disk, and with it every page before it (one WAL).
        const durableLater = endDeferral !== null && next !== null;
        lastCommitDurable = !durableLater;
        changes.addAll(
          this.applyPage(page, seen, ownStamps, report, { fresh, durableLater }, progress),
        );
        if (progress) this.tellProgress(progress);
        if (next && seen === null && this.stopRequested()) {
          report.stopped = true; // the page on its way is dropped and fetched again next time
          return;
        }
      }
    } finally {
      endDeferral?.(lastCommitDurable);
    }
  }

  /**
   * Merges one page into the replica in one transaction, with its cursor (and how far a pull
   * from the start has come); answers the records that changed (once it has committed).
   */
  private applyPage(
    page: PullResponse,
    seen: Set<string> | null,
    ownStamps: OwnStamps,
    report: RoundReport,
    { fresh, durableLater }: { fresh: boolean; durableLater: boolean },
    progress: PullProgress | null,
  ): RecordChangeSet {
    const changes = new RecordChangeSet();
    const transaction = <T>(work: () => T) =>
      durableLater ? this.store.transactionDurableLater(work) : this.store.transaction(work);
    transaction(() => {
      const own = ownStamps.current();
      for (const change of page.changes) {
        seen?.add(`${change.entity}:${change.id}`);
        report.pulled += 1;
        const entity = change.entity as EntityName;
        if (fresh) {
          changes.note(entity, change.id, this.replica.applyFresh(change));
          continue;
        }
        const { lost, purged, change: shown } = this.replica.apply(change, own);
        changes.note(entity, change.id, shown);
        if (purged) report.purged += 1;
        if (lost.length > 0) {
          this.journal.recordConflicts(lost);
          report.conflicts += lost.length;
        }
      }
      report.ignoredStamps += this.store.observe(stampsOf(page.changes));
      this.store.outbox.acknowledge(page.lastMutationId);
      if (!page.hasMore && seen) {
        const swept = this.replica.sweep(
          seen,
          this.store.outbox.pending(),
          this.journal.refusedRecords(),
        );
        report.purged += swept.purged;
        changes.noteAll(swept.removed);
      }
      this.settings.setCursor(page.cursor);
      this.settings.setScopeEpoch(page.scopeEpoch);
      this.settings.setPullProgress(page.hasMore ? progress : null);
      if (page.access) {
        // Grants of the entities older desktops do not know come beside `access`.
        const grants = [...page.access.grants, ...(page.laterGrants ?? [])];
        this.settings.setAccess({ ...page.access, grants });
        forgetSensitive(this.store, page.access, changes);
      }
    });
    return changes;
  }
}
