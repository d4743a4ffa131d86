/**
 * The renderer's `window.tutti`, built from an `invoke` function (ipcRenderer.invoke in the
 * preload, a double in tests). Only the channels of the ClubApi can be invoked: anything else is
 * refused here, before it reaches the main process.
 */
import type { ClubApi } from '../../shared/api/clubApi.ts';
import { ipcChannel, methodOfChannel } from '../../shared/api/ipc.ts';
import { CLUB_API_METHOD_NAMES } from '../../shared/api/methods.ts';
import type { ApiResult } from '../../shared/api/result.ts';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/** Invokes a channel only if it is one of ours. */
export function guardInvoke(invoke: Invoke): Invoke {
  return (channel, ...args) => {
    if (methodOfChannel(channel) === null) {
      return Promise.reject(new Error(`IPC channel refused by the preload: ${String(channel)}`));
    }
    return invoke(channel, ...args);
  };
}

export function createIpcClubApi(invoke: Invoke): ClubApi {
  const guarded = guardInvoke(invoke);
  const api: Record<string, (...args: unknown[]) => Promise<ApiResult<unknown>>> = {};
  for (const method of CLUB_API_METHOD_NAMES) {
    api[method] = (...args) => guarded(ipcChannel(method), ...args) as Promise<ApiResult<unknown>>;
  }
  // Frozen: the page cannot swap a method for one that invokes something else.
  return Object.freeze(api) as unknown as ClubApi;
}
