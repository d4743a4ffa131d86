/**
 * The sign-in and session calls of the web application (shared/web/webProtocol.ts): JSON to
 * the club server's own origin with the session cookie, and the CSRF token of the current
 * session on every POST. Every answer is checked against its schema; a `SessionView` among
 * them becomes the current one at once.
 */
import type { z } from 'zod';
import { type ApiError, type ApiResult, fail } from '../../../shared/api/result.ts';
import {
  type AcceptInviteRequest,
  CSRF_HEADER,
  type InviteView,
  inviteViewSchema,
  type SessionListView,
  type SessionView,
  sessionListViewSchema,
  sessionViewSchema,
  type TotpConfirmedView,
  type TotpSetupRequest,
  type TotpSetupView,
  totpConfirmedViewSchema,
  totpSetupViewSchema,
  WEB_PATHS,
} from '../../../shared/web/webProtocol.ts';
import { useWebSession } from './sessionStore.ts';

/** Key of the UI's own texts for an answer that is not one (see i18n `webApp`). */
const UNEXPECTED = 'webApp.unexpected';
export const OFFLINE_KEY = 'webApp.offline';
export const NO_ANSWER_KEY = 'webApp.noAnswer';
/** Every request has a deadline: a server or proxy that hangs must not hang the page. */
export const REQUEST_DEADLINE_MS = 30_000;

/** A failed fetch: no answer in time, or no connection at all. */
export function unreachable(error: unknown): ApiResult<never> {
  return (error as Error)?.name === 'TimeoutError'
    ? fail('unavailable', NO_ANSWER_KEY)
    : fail('unavailable', OFFLINE_KEY);
}
export const SESSION_ENDED_KEY = 'webApp.sessionEnded';

interface CallOptions {
  method: 'GET' | 'POST';
  body?: unknown;
  /** A 401 means the session ended (not: a sign-in refused). */
  inSession?: boolean;
}

function isApiError(value: unknown): value is ApiError {
  const error = value as ApiError | null;
  return typeof error?.code === 'string' && typeof error.key === 'string';
}

/**
 * The server's HTTP refusal as the page reads errors: its messages per field are
 * `fieldMessages` (its `fields` are German texts, for older desktops).
 */
export function apiErrorOf(error: ApiError & { fieldMessages?: ApiError['fields'] }): ApiError {
  const { code, key, params, fieldMessages } = error;
  // A call's own refusal has messages in `fields`; an HTTP refusal German texts there.
  const asMessages =
    error.fields && Object.values(error.fields).every((m) => typeof m === 'object')
      ? error.fields
      : undefined;
  const fields = fieldMessages ?? asMessages;
  return {
    code,
    key,
    ...(error.reason ? { reason: error.reason } : {}),
    ...(params ? { params } : {}),
    ...(fields ? { fields } : {}),
  };
}

async function call<T>(
  path: string,
  schema: z.ZodType<T>,
  options: CallOptions,
): Promise<ApiResult<T>> {
  const session = useWebSession.getState();
  const csrf = session.view?.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_DEADLINE_MS),
      headers: {
        Accept: 'application/json',
        ...(options.method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
        ...(options.method === 'POST' && csrf ? { [CSRF_HEADER]: csrf } : {}),
      },
      ...(options.method === 'POST' ? { body: JSON.stringify(options.body ?? {}) } : {}),
    });
  } catch (error) {
    session.reachable(false);
    return unreachable(error);
  }
  session.reachable(true);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return response.status >= 502
      ? fail('unavailable', OFFLINE_KEY)
      : fail('internal', UNEXPECTED, { status: response.status });
  }
  const answer = body as { ok?: unknown; value?: unknown; error?: unknown };
  if (answer?.ok === false || !response.ok) {
    if (response.status === 401 && options.inSession) session.sessionEnded();
    return isApiError(answer?.error)
      ? { ok: false, error: apiErrorOf(answer.error) }
      : fail('internal', UNEXPECTED, { status: response.status });
  }
  const parsed = schema.safeParse(answer?.ok === true ? answer.value : body);
  if (!parsed.success) return fail('internal', UNEXPECTED, { status: response.status });
  return { ok: true, value: parsed.data };
}

/** A call that answers the next `SessionView`: it becomes the current one. */
async function step(path: string, body: unknown = {}): Promise<ApiResult<SessionView>> {
  const result = await call(path, sessionViewSchema, { method: 'POST', body });
  if (result.ok) useWebSession.getState().show(result.value);
  return result;
}

export const webRequests = {
  async session(): Promise<ApiResult<SessionView>> {
    const result = await call(WEB_PATHS.session, sessionViewSchema, { method: 'GET' });
    if (result.ok) useWebSession.getState().show(result.value);
    return result;
  },
  login: (loginName: string, password: string) => step(WEB_PATHS.login, { loginName, password }),
  secondFactor: (code: string) => step(WEB_PATHS.secondFactor, { code }),
  invite: (token: string): Promise<ApiResult<InviteView>> =>
    call(`${WEB_PATHS.invite}?token=${encodeURIComponent(token)}`, inviteViewSchema, {
      method: 'GET',
    }),
  acceptInvite: (request: AcceptInviteRequest) => step(WEB_PATHS.invite, request),
  /** `password`: the current one, which replacing a confirmed second factor needs. */
  totpSetup: (password?: string): Promise<ApiResult<TotpSetupView>> =>
    call(WEB_PATHS.totpSetup, totpSetupViewSchema, {
      method: 'POST',
      body: password === undefined ? {} : ({ password } satisfies TotpSetupRequest),
      inSession: true,
    }),
  /** The codes come with the next session view, which the caller shows after the codes. */
  totpConfirm: (code: string): Promise<ApiResult<TotpConfirmedView>> =>
    call(WEB_PATHS.totpConfirm, totpConfirmedViewSchema, {
      method: 'POST',
      body: { code },
      inSession: true,
    }),
  totpSkip: () => step(WEB_PATHS.totpSkip),
  chooseClub: (clubId: string) => step(WEB_PATHS.chooseClub, { clubId }),
  logout: () => step(WEB_PATHS.logout),
  logoutEverywhere: () => step(WEB_PATHS.logoutEverywhere),
  sessions: (): Promise<ApiResult<SessionListView>> =>
    call(WEB_PATHS.sessions, sessionListViewSchema, { method: 'GET', inSession: true }),
  endSession: (id: string): Promise<ApiResult<SessionListView>> =>
    call(WEB_PATHS.endSession, sessionListViewSchema, {
      method: 'POST',
      body: { id },
      inSession: true,
    }),
};
