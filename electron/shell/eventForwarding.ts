/**
 * The core's events to the window (issue #25): the main process passes each on its own channel
 * (`tutti:event:records`, `tutti:event:status`) to the window's page, as the JSON text the core
 * host made (issue #26): the preload parses it and the page checks it before using it.
 * Electron's webContents is passed in as `send`, so this runs under Node.
 */
import type { Disposable } from '../../shared/api/events.ts';
import { eventChannel } from '../../shared/api/ipc.ts';
import type { CoreEndpoint } from '../coreHost/coreEndpoint.ts';

export function forwardClubEvents(
  core: CoreEndpoint,
  send: (channel: string, payload: string) => void,
): Disposable {
  return core.onEvent((name, json) => send(eventChannel(name), json));
}
