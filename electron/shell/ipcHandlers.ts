/**
 * The main process's side of the typed IPC. Every handler first checks who asks — the main frame
 * of a page of our own `app://tutti/` origin — and then every argument against the shared
 * schemas (the core host's dispatchRpc). It answers the JSON text of `{ ok: true, value } |
 * { ok: false, error }`, which the preload parses: the main process passes the core's answer on
 * unread (issue #26) and never throws across the process boundary. Electron's ipcMain is passed
 * in, so this runs under plain Node.
 */
import { ipcChannel } from '../../shared/api/ipc.ts';
import { CLUB_API_METHOD_NAMES } from '../../shared/api/methods.ts';
import { fail } from '../../shared/api/result.ts';
import type { CoreEndpoint } from '../coreHost/coreEndpoint.ts';
import { isAppUrl } from './appOrigin.ts';

/** What of Electron's IpcMainInvokeEvent a handler looks at. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

export function isTrustedSender(event: InvokeEventLike): boolean {
  const frame = event.senderFrame;
  // Only the top frame of our own page: no iframe, no foreign page that got navigated to.
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerClubApiHandlers(
  ipcMain: IpcMainLike,
  core: CoreEndpoint,
  log: (line: string) => void = () => {},
): () => void {
  for (const method of CLUB_API_METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), async (event, ...args): Promise<string> => {
      if (!isTrustedSender(event)) {
        log(
          `IPC ${method} refused: sender ${event.senderFrame?.url ?? '(no frame)'} is not the app`,
        );
        return JSON.stringify(fail('forbidden', 'core.rpc.foreignSender'));
      }
      try {
        return await core.invoke(method, args);
      } catch (error) {
        log(`IPC ${method} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return JSON.stringify(fail('internal', 'core.internal'));
      }
    });
  }
  return () => {
    for (const method of CLUB_API_METHOD_NAMES) ipcMain.removeHandler(ipcChannel(method));
  };
}
