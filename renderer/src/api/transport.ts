/**
 * The renderer's ClubApi. In Electron the preload exposes `window.tutti`; in the local browser
 * mode calls go as JSON to `/api/rpc` on the page's own origin, with the access key from the
 * printed address in the `Authorization` header; the web application (a page the club server
 * marks, see web/webMode.ts) sends its session cookie and CSRF token (web/webTransport.ts).
 *
 * The key lives in `sessionStorage`: per origin including the port, so no other program on
 * 127.0.0.1 ever receives it (a cookie would go to every port), and per tab, so it is gone
 * with the tab. It is taken out of the address bar at once.
 */
import { CLUB_API_METHODS, type ClubApi } from '../../../shared/api/clubApi.ts';
import { type ApiResult, fail } from '../../../shared/api/result.ts';
import { i18next } from '../i18n/index.ts';
import { useWebSession } from '../web/sessionStore.ts';
import { isWebApp } from '../web/webMode.ts';
import { type WebClubApi, webClubApi } from '../web/webTransport.ts';
import { checkedClubEvents, StreamedClubEvents } from './checkedEvents.ts';
import { restartWatcher } from './coreRestarts.ts';
import { openEventStream } from './eventStream.ts';

declare global {
  interface Window {
    tutti?: ClubApi;
  }
}

const ACCESS_KEY = 'tutti.access';

/** Moves `?token=` from the address into this tab's storage; the key, or null without one. */
function takeAccessKey(): string | null {
  const url = new URL(window.location.href);
  const fromAddress = url.searchParams.get('token');
  if (fromAddress) {
    window.sessionStorage.setItem(ACCESS_KEY, fromAddress);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return window.sessionStorage.getItem(ACCESS_KEY);
}

const web = !window.tutti && isWebApp();
const accessKey = window.tutti || web ? null : takeAccessKey();

/** True when the page runs in a browser without the key from the terminal: nothing will work. */
export function lacksAccessKey(): boolean {
  return !window.tutti && !web && !accessKey;
}

async function rpc(method: string, args: unknown[]): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch('./api/rpc', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(accessKey ? { Authorization: `Bearer ${accessKey}` } : {}),
      },
      credentials: 'omit',
      body: JSON.stringify({ method, args }),
    });
  } catch {
    return fail('unavailable', i18next.t('access.unreachable'));
  }
  if (response.status === 401) return fail('forbidden', i18next.t('access.refused'));
  try {
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return fail('internal', i18next.t('access.unexpected', { status: response.status }));
  }
}

/** Listeners told when the event stream opened again after a gap (see eventStream.ts). */
const reconnectListeners = new Set<() => void>();

export function onEventsReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

/** Told when the core refuses this page's key (Tutti was started again). */
const refusedListeners = new Set<() => void>();

export function onEventsRefused(listener: () => void): () => void {
  refusedListeners.add(listener);
  return () => refusedListeners.delete(listener);
}

/**
 * Resolves once the events flow (at the latest after 2 s): lists read after it miss no change,
 * since a change committed after the read comes as an event.
 */
let eventsOpen: () => void = () => {};
const eventsOpened = new Promise<void>((resolve) => {
  eventsOpen = resolve;
});
export function whenEventsOpen(): Promise<void> {
  return Promise.race([eventsOpened, new Promise<void>((r) => setTimeout(r, 2_000))]);
}

function httpClubApi(): ClubApi {
  const api: Record<string, unknown> = {};
  for (const method of CLUB_API_METHODS) api[method] = (...args: unknown[]) => rpc(method, args);
  // The form's `shown` record is for the web server: the core's `save` takes two arguments.
  api.save = (...args: unknown[]) => rpc('save', args.slice(0, 2));
  // The stream opens with the first listener and stays open while the page lives.
  const events = new StreamedClubEvents();
  let opened = false;
  const open = () => {
    if (opened || !accessKey) return;
    opened = true;
    openEventStream(accessKey, {
      onEvent: (event) => events.dispatch(event),
      onOpen: () => eventsOpen(),
      onReconnect: () => {
        eventsOpen();
        for (const listener of reconnectListeners) listener();
      },
      onRefused: () => {
        for (const listener of refusedListeners) listener();
      },
    });
  };
  api.onDidChangeRecords = (listener: Parameters<ClubApi['onDidChangeRecords']>[0]) => {
    open();
    return events.onDidChangeRecords(listener);
  };
  api.onDidChangeStatus = (listener: Parameters<ClubApi['onDidChangeStatus']>[0]) => {
    open();
    return events.onDidChangeStatus(listener);
  };
  return api as unknown as ClubApi;
}

function electronClubApi(exposed: ClubApi): ClubApi {
  eventsOpen(); // IPC events flow as soon as the window listens
  return {
    ...exposed,
    // The preload checks the arguments against `clubApiArgs.save`: two, never the `shown` one.
    save: (entity, draft) => exposed.save(entity, draft),
    ...checkedClubEvents(exposed),
  };
}

/** The web transport tied to the sign-in state: its token, its end, the server's reach. */
function webAppClubApi(): WebClubApi {
  const session = useWebSession.getState;
  const api = webClubApi({
    csrfToken: () => session().view?.csrfToken ?? null,
    onSessionEnded: () => session().sessionEnded(),
    onReachable: (reachable) => session().reachable(reachable),
    onEventsOpen: () => eventsOpen(),
    onEventsReconnect: () => {
      eventsOpen();
      for (const listener of reconnectListeners) listener();
    },
  });
  // Signed in again after the session ended: the events flow again, and lists are read anew.
  useWebSession.subscribe((now, before) => {
    if (now.view?.stage === 'ready' && before.view?.stage !== 'ready') api.resumeEvents();
  });
  return api;
}

export const clubApi: ClubApi = window.tutti
  ? electronClubApi(window.tutti)
  : web
    ? webAppClubApi()
    : httpClubApi();

/**
 * A core host that started again after a crash (issue #26) is a gap in the events, as a
 * reconnect is: whoever reads lists after a reconnect reads them anew (coreRestarts.ts).
 */
export function followCoreRestarts(): () => void {
  const restarted = restartWatcher();
  const subscription = clubApi.onDidChangeStatus((status) => {
    if (restarted(status.coreHost)) for (const listener of reconnectListeners) listener();
  });
  return () => subscription.dispose();
}
