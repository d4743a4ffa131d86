/**
 * IPC channels of the desktop program: one per ClubApi method, all under one prefix. The
 * preload invokes only these, and the main process handles only these.
 */
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
