/**
 * The messages between the process that owns the windows (Electron's main, or `tutti start`
 * under Node) and the core host, the process that runs the desktop core (issue #26).
 *
 * Calls and events cross as JSON *text*: the host makes it, the window's side passes it on to
 * the page unread (an 8 MB member list parsed and made again in the main process would block
 * it for a tenth of a second). Only the small status event is read on the way, to add the
 * host's own state.
 */
import type { ApiError } from '../../shared/api/result.ts';

export type ClubEventLineName = 'records' | 'status';

/** From the window's process to the core host. */
export type ToHost =
  | {
      type: 'open';
      profileDir: string;
      /** The database key, unwrapped by the window's process (safeStorage lives there). */
      key: Uint8Array;
      /** Whether the window's process can show a folder dialog (Electron; not the browser mode). */
      canPickFolder: boolean;
      /** Sync and the daily backups start once the profile is open. */
      background: boolean;
    }
  /**
   * A call as the JSON text `{ method, args }`, or the bytes of the browser mode's request
   * body, which the window's process never decodes; a long one comes in `callPart`s first.
   */
  | { type: 'call'; id: number; body: string | Uint8Array }
  | { type: 'callPart'; id: number; chunk: string | Uint8Array }
  /** A call already parsed (Electron's IPC hands over structured-cloned arguments). */
  | { type: 'invoke'; id: number; method: string; args: unknown[] }
  /** Whether anyone listens to record changes: nobody, no list is read for them. */
  | { type: 'listen'; records: boolean }
  | { type: 'answer'; id: number; value: string | null }
  | { type: 'ping'; id: number }
  | { type: 'stop' };

/**
 * A text longer than this crosses in parts: one message of 10 MB is taken in by the window's
 * process in one go (read, joined, deserialised: tens of milliseconds of its event loop); parts
 * of this size let it breathe between them.
 */
export const TEXT_PART_CHARS = 256 * 1024;

/** From the core host to the window's process. */
export type FromHost =
  | { type: 'ready' }
  /** The start of the next `result` or `event` message's JSON text (see TEXT_PART_CHARS). */
  | { type: 'part'; text: string }
  | { type: 'openFailed'; error: ApiError }
  | { type: 'result'; id: number; json: string }
  | { type: 'event'; name: ClubEventLineName; json: string }
  /** The host asks the window's process to show the folder dialog. */
  | { type: 'ask'; id: number; question: 'pickFolder'; current: string | null }
  | { type: 'pong'; id: number }
  | { type: 'stopped' }
  /** The host ends now (its last message, sent before the process exits). */
  | { type: 'exiting'; code: number };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const isId = (value: unknown): value is number => Number.isSafeInteger(value);
const isText = (value: unknown): value is string | Uint8Array =>
  typeof value === 'string' || value instanceof Uint8Array;

/** The message if it is one the host sends; anything else is dropped by the caller. */
export function fromHost(value: unknown): FromHost | null {
  if (!isObject(value)) return null;
  switch (value.type) {
    case 'ready':
    case 'stopped':
      return value as FromHost;
    case 'openFailed':
      return isObject(value.error) && typeof value.error.key === 'string'
        ? (value as FromHost)
        : null;
    case 'part':
      return typeof value.text === 'string' ? (value as FromHost) : null;
    case 'result':
      return isId(value.id) && typeof value.json === 'string' ? (value as FromHost) : null;
    case 'event':
      return (value.name === 'records' || value.name === 'status') && typeof value.json === 'string'
        ? (value as FromHost)
        : null;
    case 'ask':
      return isId(value.id) &&
        value.question === 'pickFolder' &&
        (value.current === null || typeof value.current === 'string')
        ? (value as FromHost)
        : null;
    case 'pong':
      return isId(value.id) ? (value as FromHost) : null;
    case 'exiting':
      return isId(value.code) ? (value as FromHost) : null;
    default:
      return null;
  }
}

/** The message if it is one the window's process sends. */
export function toHost(value: unknown): ToHost | null {
  if (!isObject(value)) return null;
  switch (value.type) {
    case 'open':
      return typeof value.profileDir === 'string' &&
        value.key instanceof Uint8Array &&
        typeof value.canPickFolder === 'boolean' &&
        typeof value.background === 'boolean'
        ? (value as ToHost)
        : null;
    case 'call':
      return isId(value.id) && isText(value.body) ? (value as ToHost) : null;
    case 'callPart':
      return isId(value.id) && isText(value.chunk) ? (value as ToHost) : null;
    case 'invoke':
      return isId(value.id) && typeof value.method === 'string' && Array.isArray(value.args)
        ? (value as ToHost)
        : null;
    case 'listen':
      return typeof value.records === 'boolean' ? (value as ToHost) : null;
    case 'answer':
      return isId(value.id) && (value.value === null || typeof value.value === 'string')
        ? (value as ToHost)
        : null;
    case 'ping':
      return isId(value.id) ? (value as ToHost) : null;
    case 'stop':
      return value as ToHost;
    default:
      return null;
  }
}

/** One end of the channel between the two processes (a child process, a utility process). */
export interface MessagePortLike<Out, In> {
  send(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}
