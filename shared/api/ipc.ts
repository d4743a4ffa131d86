/**
 * IPC channels of the desktop program: one per ClubApi method, all under one prefix. The
 * preload invokes only these, and the main process handles only these.
 */
import type { ClubEventName } from './events.ts';
import { CLUB_API_METHOD_NAMES, type ClubApiMethodName } from './methods.ts';

export const IPC_PREFIX = 'tutti:api:';

export function ipcChannel(method: ClubApiMethodName): string {
  return `${IPC_PREFIX}${method}`;
}

/** The method a channel stands for, or null for any channel that is not ours. */
export function methodOfChannel(channel: unknown): ClubApiMethodName | null {
  if (typeof channel !== 'string' || !channel.startsWith(IPC_PREFIX)) return null;
  const method = channel.slice(IPC_PREFIX.length);
  return (CLUB_API_METHOD_NAMES as readonly string[]).includes(method)
    ? (method as ClubApiMethodName)
    : null;
}

/** Events the main process sends to the window: one channel per event, under their own prefix. */
export const IPC_EVENT_PREFIX = 'tutti:event:';

export function eventChannel(name: ClubEventName): string {
  return `${IPC_EVENT_PREFIX}${name}`;
}
