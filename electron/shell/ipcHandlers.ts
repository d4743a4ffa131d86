/**
 * The main process's side of the typed IPC. Every handler first checks who asks — the main frame
 * of a page of our own `app://tutti/` origin — and then every argument against the shared
 * schemas (dispatchRpc); it answers `{ ok: true, value } | { ok: false, error }` and never throws
 * across the process boundary. Electron's ipcMain is passed in, so this runs under plain Node.
 */
import type { ClubApi } from '../../shared/api/clubApi.ts';
import { ipcChannel } from '../../shared/api/ipc.ts';
import { CLUB_API_METHOD_NAMES } from '../../shared/api/methods.ts';
import { type ApiResult, fail } from '../../shared/api/result.ts';
import { dispatchRpc } from '../core/rpc.ts';
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
  api: ClubApi,
  log: (line: string) => void = () => {},
): () => void {
  for (const method of CLUB_API_METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), async (event, ...args): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) {
        log(
          `IPC ${method} refused: sender ${event.senderFrame?.url ?? '(no frame)'} is not the app`,
        );
        return fail('forbidden', 'core.rpc.foreignSender');
      }
      try {
        return await dispatchRpc(api, { method, args });
      } catch (error) {
        log(`IPC ${method} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return fail('internal', 'core.internal');
      }
    });
  }
  return () => {
    for (const method of CLUB_API_METHOD_NAMES) ipcMain.removeHandler(ipcChannel(method));
  };
}
