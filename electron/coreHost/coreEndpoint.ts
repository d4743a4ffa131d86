/**
 * What the transports of the window's process (Electron's IPC, the browser mode's HTTP server)
 * need from the core: a call in, its result out, and the events — all as JSON text, so that
 * the window's process passes them on without reading them (issue #26). The core host is one
 * endpoint; a ClubService in the same process (the tests of a transport) is another.
 */
import type { ClubApi } from '../../shared/api/clubApi.ts';
import type { Disposable } from '../../shared/api/events.ts';
import { dispatchRpc, dispatchRpcText } from '../core/rpc.ts';
import type { ClubEventLineName } from './hostMessages.ts';

export interface CoreEndpoint {
  /** A call as the JSON text `{ method, args }`; the JSON text of its ApiResult. Never rejects. */
  callText(body: string): Promise<string>;
  /** A call with its arguments already parsed (Electron's IPC); the JSON text of its result. */
  invoke(method: string, args: unknown[]): Promise<string>;
  /** Each event as its name and JSON text. */
  onEvent(listener: (name: ClubEventLineName, json: string) => void): Disposable;
}

/** The endpoint of a ClubService in this process. */
export function inProcessEndpoint(api: ClubApi): CoreEndpoint {
  // An event goes to every listener as the same text: made once, not once per listener.
  const texts = new WeakMap<object, string>();
  const textOf = (payload: object): string => {
    let text = texts.get(payload);
    if (text === undefined) {
      text = JSON.stringify(payload);
      texts.set(payload, text);
    }
    return text;
  };
  return {
    callText: (body) => dispatchRpcText(api, body),
    invoke: async (method, args) => JSON.stringify(await dispatchRpc(api, { method, args })),
    onEvent(listener) {
      const subscriptions = [
        api.onDidChangeRecords((change) => listener('records', textOf(change))),
        api.onDidChangeStatus((status) => listener('status', textOf(status))),
      ];
      return {
        dispose: () => {
          for (const subscription of subscriptions) subscription.dispose();
        },
      };
    },
  };
}
