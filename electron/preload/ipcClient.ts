/**
 * The renderer's `window.tutti`, built from an `invoke` function (ipcRenderer.invoke in the
 * preload, a double in tests). Only the channels of the ClubApi can be invoked: anything else is
 * refused here, before it reaches the main process.
 */
import type { ClubApi } from '../../shared/api/clubApi.ts';
import type { ClubEventName, Disposable } from '../../shared/api/events.ts';
import { eventChannel, ipcChannel, methodOfChannel } from '../../shared/api/ipc.ts';
import { CLUB_API_METHOD_NAMES } from '../../shared/api/methods.ts';
import type { ApiResult } from '../../shared/api/result.ts';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
/** Listens on a channel (ipcRenderer.on in the preload); answers how to stop. */
export type Listen = (channel: string, listener: (payload: unknown) => void) => () => void;

/** Invokes a channel only if it is one of ours. */
export function guardInvoke(invoke: Invoke): Invoke {
  return (channel, ...args) => {
    if (methodOfChannel(channel) === null) {
      return Promise.reject(new Error(`IPC channel refused by the preload: ${String(channel)}`));
    }
    return invoke(channel, ...args);
  };
}

/**
 * The main process passes the core host's answers and events on as JSON text, unread (issue
 * #26): parsed here, in the window's process. Text that is no JSON becomes null, which no
 * caller or event check takes for a result.
 */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

export function createIpcClubApi(invoke: Invoke, listen: Listen): ClubApi {
  const guarded = guardInvoke(invoke);
  const api: Record<string, unknown> = {};
  for (const method of CLUB_API_METHOD_NAMES) {
    api[method] = async (...args: unknown[]) =>
      parsed(await guarded(ipcChannel(method), ...args)) as ApiResult<unknown>;
  }
  // Only our own event channels are listened to; the page gets the payload alone (never
  // Electron's event object) and checks it before use (renderer/src/api/checkedEvents.ts).
  const subscribe =
    (name: ClubEventName) =>
    (listener: (payload: unknown) => void): Disposable => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const stop = listen(eventChannel(name), (payload) => listener(parsed(payload)));
      return Object.freeze({ dispose: stop });
    };
  api.onDidChangeRecords = subscribe('records');
  api.onDidChangeStatus = subscribe('status');
  // Frozen: the page cannot swap a method for one that invokes something else.
  return Object.freeze(api) as unknown as ClubApi;
}
