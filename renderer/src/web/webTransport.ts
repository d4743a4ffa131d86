/**
 * The ClubApi of the web application (issue #27): every call goes as JSON to the club server's
 * `/api/rpc` with the session cookie and the session's CSRF token, the events come from
 * `/api/events` as in the local browser mode. Records lose their stamps on the way in (kept
 * in `RecordStamps`), and a save sends the record its form showed with them, so a field
 * someone else changed meanwhile comes back as a conflict at the field, not as a silent
 * overwrite. A 401 means the session ended: said once, the app stays as it is.
 */
import { CLUB_API_METHODS, type ClubApi } from '../../../shared/api/clubApi.ts';
import type { RecordsChange } from '../../../shared/api/events.ts';
import { type ApiResult, fail } from '../../../shared/api/result.ts';
import type { EntityName, FieldErrors } from '../../../shared/domain/entities.ts';
import { CSRF_HEADER, type ShownRecord, WEB_PATHS } from '../../../shared/web/webProtocol.ts';
import { StreamedClubEvents } from '../api/checkedEvents.ts';
import { openEventStream } from '../api/eventStream.ts';
import { i18next } from '../i18n/index.ts';
import { messageKey } from '../i18n/messageText.ts';
import { RecordStamps } from './recordStamps.ts';
import {
  apiErrorOf,
  OFFLINE_KEY,
  REQUEST_DEADLINE_MS,
  SESSION_ENDED_KEY,
  unreachable,
} from './webRequests.ts';

export interface WebTransportHooks {
  csrfToken(): string | null;
  /** A call or the event stream was refused for want of a session. */
  onSessionEnded(): void;
  /** Whether the club server answered the last call or stream. */
  onReachable(reachable: boolean): void;
  /** The events flow (for the first time). */
  onEventsOpen(): void;
  /** The events flow again after a gap: what happened meanwhile is read anew. */
  onEventsReconnect(): void;
  fetchImpl?: typeof fetch;
}

export interface WebClubApi extends ClubApi {
  /** Opens the event stream again after a new sign-in (a session's end stopped it). */
  resumeEvents(): void;
}

/** Calls whose answers carry records (and so stamps). */
const RECORD_CALLS = new Set<string>(['list', 'get', 'save', 'restore']);

/**
 * A conflict's field messages as the UI can say them: a key this page does not know (a server
 * newer than the page) becomes the page's own "changed meanwhile: now …" with the value.
 */
function sayable(fields: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(fields).map(([field, message]) => {
      if (i18next.exists(messageKey(message.key))) return [field, message];
      const params = message.params ?? {};
      const value = params.value ?? params.current ?? Object.values(params)[0] ?? '';
      return [field, { key: 'webApp.conflictField', params: { value } }];
    }),
  );
}

export function webClubApi(hooks: WebTransportHooks): WebClubApi {
  const fetchImpl = hooks.fetchImpl ?? ((...args) => fetch(...args));
  const stamps = new RecordStamps();

  async function rpc(
    method: string,
    args: unknown[],
    shown?: ShownRecord,
  ): Promise<ApiResult<unknown>> {
    let response: Response;
    try {
      response = await fetchImpl(WEB_PATHS.rpc, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [CSRF_HEADER]: hooks.csrfToken() ?? '',
        },
        credentials: 'same-origin',
        cache: 'no-store',
        signal: AbortSignal.timeout(REQUEST_DEADLINE_MS),
        body: JSON.stringify(shown ? { method, args, shown } : { method, args }),
      });
    } catch (error) {
      hooks.onReachable(false);
      return unreachable(error);
    }
    if (response.status === 401) {
      hooks.onReachable(true);
      hooks.onSessionEnded();
      return fail('forbidden', SESSION_ENDED_KEY);
    }
    let result: ApiResult<unknown>;
    try {
      result = (await response.json()) as ApiResult<unknown>;
    } catch {
      // A proxy in front of a club server that is down answers with a page, not JSON.
      const down = response.status >= 502;
      hooks.onReachable(!down);
      return down
        ? fail('unavailable', OFFLINE_KEY)
        : fail('internal', 'webApp.unexpected', { status: response.status });
    }
    hooks.onReachable(true);
    // Refused before the call ran (a malformed or too large request): the server's HTTP
    // refusal, whose messages per field are `fieldMessages`.
    if (!result.ok && result.error) return { ok: false, error: apiErrorOf(result.error) };
    if (result.ok && RECORD_CALLS.has(method))
      return { ok: true, value: stamps.strip(result.value) };
    return result;
  }

  async function save(
    entity: EntityName,
    draft: { id?: string },
    shown?: object,
  ): Promise<ApiResult<unknown>> {
    const result = await rpc('save', [entity, draft], shown ? stamps.shown(shown) : undefined);
    if (!shown) return result;
    if (result.ok) stamps.saved(shown);
    else if (result.error.code === 'conflict' && result.error.fields && draft.id) {
      // The form keeps the typed values and shows the conflict at the fields; saving again is
      // the person's choice to write over what is there now.
      const current = await rpc('get', [entity, draft.id]);
      if (current.ok && current.value)
        stamps.conflictSeen(shown, current.value as object, Object.keys(result.error.fields));
      return { ok: false, error: { ...result.error, fields: sayable(result.error.fields) } };
    }
    return result;
  }

  const api: Record<string, unknown> = {};
  for (const method of CLUB_API_METHODS) api[method] = (...args: unknown[]) => rpc(method, args);
  api.save = save;

  const events = new StreamedClubEvents();
  let stop: (() => void) | null = null;
  let everOpened = false;
  let wanted = false;
  const open = () => {
    wanted = true;
    if (stop) return;
    let refused = false;
    stop = openEventStream(
      { url: WEB_PATHS.events, headers: {}, credentials: 'same-origin' },
      {
        onEvent: (event) => {
          if (event.event === 'records') {
            const change = event.payload as RecordsChange;
            change.upserted = stamps.strip(change.upserted);
          }
          events.dispatch(event);
        },
        onOpen: () => {
          hooks.onReachable(true);
          // A stream opened again after a new sign-in missed what happened in between.
          if (everOpened) hooks.onEventsReconnect();
          else hooks.onEventsOpen();
          everOpened = true;
        },
        onReconnect: () => {
          hooks.onReachable(true);
          hooks.onEventsReconnect();
        },
        onBroken: () => hooks.onReachable(false),
        onRefused: () => {
          refused = true;
          stop?.();
          stop = null;
          hooks.onSessionEnded();
        },
      },
      fetchImpl,
    );
    if (refused) stop = null;
  };
  api.onDidChangeRecords = (listener: Parameters<ClubApi['onDidChangeRecords']>[0]) => {
    open();
    return events.onDidChangeRecords(listener);
  };
  api.onDidChangeStatus = (listener: Parameters<ClubApi['onDidChangeStatus']>[0]) => {
    open();
    return events.onDidChangeStatus(listener);
  };
  api.resumeEvents = () => {
    if (wanted) open();
  };
  return api as unknown as WebClubApi;
}
