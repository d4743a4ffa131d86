/**
 * The core's events to the window (issue #25): the main process passes each on its own channel
 * (`tutti:event:records`, `tutti:event:status`) to the window's page, which checks the payload
 * before using it. Electron's webContents is passed in as `send`, so this runs under Node.
 */
import type { ClubEvents, Disposable } from '../../shared/api/events.ts';
import { eventChannel } from '../../shared/api/ipc.ts';

export function forwardClubEvents(
  api: ClubEvents,
  send: (channel: string, payload: unknown) => void,
): Disposable {
  const subscriptions = [
    api.onDidChangeRecords((change) => send(eventChannel('records'), change)),
    api.onDidChangeStatus((status) => send(eventChannel('status'), status)),
  ];
  return {
    dispose: () => {
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}
