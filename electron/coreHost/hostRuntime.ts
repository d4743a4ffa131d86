/**
 * The core host's side (issue #26): opens the profile with the key it was handed, runs the
 * ClubService — SQLCipher, sync, import, backup — and answers the window's process through one
 * message channel. Runs in Electron's utility process and, under Node, in a child process; the
 * channel is passed in, so the tests drive it in both ways.
 */
import { AppError, apiErrorOf } from '../../shared/api/appError.ts';
import type { Disposable } from '../../shared/api/events.ts';
import { type ApiError, fail } from '../../shared/api/result.ts';
import { BackupService } from '../backup/backupService.ts';
import { ClubService } from '../core/clubService.ts';
import { type OpenedProfile, openProfile, profilePaths } from '../core/profile.ts';
import { dispatchRpc, dispatchRpcText } from '../core/rpc.ts';
import { GivenKeyStore } from '../keys/givenKeyStore.ts';
import {
  type FromHost,
  type MessagePortLike,
  TEXT_PART_CHARS,
  type ToHost,
  toHost,
} from './hostMessages.ts';

export interface HostRuntimeOptions {
  /** Ends the process once the core is closed (the entry decides how). */
  exit(code: number): void;
  log?(line: string): void;
  /** How long a stop waits for calls under way (an import run) before it closes anyway. */
  callsWithinMs?: number;
}

export function runCoreHost(
  port: MessagePortLike<FromHost, unknown>,
  options: HostRuntimeOptions,
): { stop(): Promise<void> } {
  const log = options.log ?? ((line: string) => process.stderr.write(`[tutti core] ${line}\n`));
  let profile: OpenedProfile | null = null;
  let api: ClubService | null = null;
  let records: Disposable | null = null;
  let stopping: Promise<void> | null = null;
  /** Calls that arrived while the profile was being opened. */
  const early: ToHost[] = [];
  /** Calls under way: a stop lets them finish (an import run is never cut off half-way). */
  const inflight = new Set<Promise<void>>();
  /** Long calls' parts, by call id, until their `call` message completes them. */
  const callParts = new Map<number, (string | Uint8Array)[]>();
  const questions = new Map<number, (value: string | null) => void>();
  let nextQuestion = 1;

  /** Sends a message; a long JSON text goes ahead in parts, the message carries the rest. */
  const send = (message: FromHost) => {
    if (
      (message.type === 'result' || message.type === 'event') &&
      message.json.length > TEXT_PART_CHARS
    ) {
      const { json } = message;
      let at = 0;
      for (; json.length - at > TEXT_PART_CHARS; at += TEXT_PART_CHARS)
        port.send({ type: 'part', text: json.slice(at, at + TEXT_PART_CHARS) });
      port.send({ ...message, json: json.slice(at) });
      return;
    }
    port.send(message);
  };

  const pickFolder = (current: string | null) =>
    new Promise<string | null>((resolve) => {
      const id = nextQuestion++;
      questions.set(id, resolve);
      send({ type: 'ask', id, question: 'pickFolder', current });
    });

  async function open(message: Extract<ToHost, { type: 'open' }>): Promise<void> {
    try {
      const keys = new GivenKeyStore(profilePaths(message.profileDir).keyFile, message.key);
      message.key.fill(0);
      profile = await openProfile(message.profileDir, keys);
      const backups = new BackupService(profile.store, {
        log: (text, error) => log(`${text}: ${error instanceof Error ? error.message : ''}`),
        ...(message.canPickFolder ? { pickFolder } : {}),
      });
      api = new ClubService(profile.store, message.profileDir, undefined, backups);
      api.onDidChangeStatus((status) =>
        send({ type: 'event', name: 'status', json: JSON.stringify(status) }),
      );
      if (message.background) {
        api.startSync();
        api.startAutomaticBackups();
      }
      send({ type: 'ready' });
      // The window's process learns the status at once (after a restart above all).
      send({ type: 'event', name: 'status', json: JSON.stringify(api.appStatus()) });
      for (const waiting of early.splice(0)) void handle(waiting);
    } catch (error) {
      if (!(error instanceof AppError))
        log(`Opening the profile failed: ${error instanceof Error ? error.stack : error}`);
      const apiError: ApiError =
        error instanceof AppError ? apiErrorOf(error) : { code: 'internal', key: 'core.internal' };
      send({ type: 'openFailed', error: apiError });
      options.exit(1);
    }
  }

  function listen(wanted: boolean): void {
    if (!api) return;
    if (wanted && !records) {
      records = api.onDidChangeRecords((change) =>
        send({ type: 'event', name: 'records', json: JSON.stringify(change) }),
      );
    } else if (!wanted && records) {
      records.dispose();
      records = null;
    }
  }

  function stop(): Promise<void> {
    stopping ??= (async () => {
      try {
        // Sync first: a round stalled on a dead connection is aborted after its grace, and a
        // "sync now" waiting for it is answered — it must not hold up the calls below.
        if (api) await api.stopSync();
        // New calls are refused from now on; those under way finish first, within a bound
        // (an import run is never cut off half-way).
        if (inflight.size > 0) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([
            Promise.allSettled([...inflight]),
            new Promise<void>((resolve) => {
              timer = setTimeout(resolve, options.callsWithinMs ?? 45_000);
            }),
          ]);
          clearTimeout(timer);
        }
        if (api) await api.stopAutomaticBackups(); // the backup on close, before the database closes
      } catch (error) {
        log(`Stopping the core failed: ${error instanceof Error ? error.stack : error}`);
      } finally {
        api?.dispose(); // no status read from a closed database
        profile?.close(); // checkpoints the WAL and releases the profile lock
        profile = null;
      }
      send({ type: 'stopped' });
    })();
    return stopping;
  }

  async function handle(message: ToHost): Promise<void> {
    switch (message.type) {
      case 'open':
        if (!profile) await open(message);
        return;
      case 'ping':
        send({ type: 'pong', id: message.id });
        return;
      case 'answer': {
        const resolve = questions.get(message.id);
        questions.delete(message.id);
        resolve?.(message.value);
        return;
      }
      case 'stop':
        await stop();
        options.exit(0);
        return;
      case 'listen':
        if (api) listen(message.records);
        else early.push(message);
        return;
      case 'callPart': {
        const parts = callParts.get(message.id) ?? [];
        parts.push(message.chunk);
        callParts.set(message.id, parts);
        return;
      }
      case 'call':
      case 'invoke': {
        if (!api) {
          early.push(message);
          return;
        }
        if (stopping) {
          send({
            type: 'result',
            id: message.id,
            json: JSON.stringify(fail('unavailable', 'core.host.stopping')),
          });
          return;
        }
        const core = api;
        const answered = (async () => {
          const json =
            message.type === 'call'
              ? await dispatchRpcText(core, callText(message.id, message.body))
              : JSON.stringify(
                  await dispatchRpc(core, { method: message.method, args: message.args }),
                );
          send({ type: 'result', id: message.id, json });
        })();
        inflight.add(answered);
        try {
          await answered;
        } finally {
          inflight.delete(answered);
        }
        return;
      }
    }
  }

  /** A call's whole text: its parts and its last piece, bytes decoded here, not in the window. */
  function callText(id: number, last: string | Uint8Array): string {
    const parts = callParts.get(id) ?? [];
    callParts.delete(id);
    parts.push(last);
    if (parts.every((part) => typeof part === 'string')) return parts.join('');
    return Buffer.concat(
      parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)),
    ).toString('utf8');
  }

  port.onMessage((raw) => {
    const message = toHost(raw);
    if (!message) {
      log('A malformed message from the window process was dropped.');
      return;
    }
    handle(message).catch((error: unknown) => {
      // A bug in the core: the window's process sees the host end and starts it again.
      log(`The core failed: ${error instanceof Error ? error.stack : String(error)}`);
      options.exit(70);
    });
  });
  return { stop };
}
