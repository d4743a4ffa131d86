/**
 * Dispatches one remote call to the ClubApi after checking the method name and every argument
 * against the shared schemas: a malformed call is answered with an error and reaches nothing.
 * An AppError the core throws is answered by the one table of API codes (errorCodes.ts).
 */

import { failWith } from '../../shared/api/appError.ts';
import { type ClubCalls, clubApiArgs, isClubApiMethod } from '../../shared/api/clubApi.ts';
import { type ApiResult, fail } from '../../shared/api/result.ts';

export async function dispatchRpc(api: ClubCalls, body: unknown): Promise<ApiResult<unknown>> {
  if (typeof body !== 'object' || body === null) return fail('bad_request', 'core.rpc.badRequest');
  const { method, args } = body as { method?: unknown; args?: unknown };
  if (!isClubApiMethod(method))
    return fail('bad_request', 'core.rpc.unknownMethod', { method: String(method).slice(0, 60) });
  const parsed = clubApiArgs[method].safeParse(args ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('bad_request', 'core.rpc.badArguments', {
      where: issue ? issue.path.join('.') : '',
    });
  }
  const call = api[method] as (...a: unknown[]) => Promise<ApiResult<unknown>>;
  try {
    return await call.apply(api, parsed.data as unknown[]);
  } catch (error) {
    return failWith(error); // an AppError by the table of API codes; anything else is a bug
  }
}

/** Requests above this size are refused, except the import wizard's whole file. */
export const MAX_RPC_BODY_CHARS = 2 * 1024 * 1024;

/**
 * A call as its JSON text, answered as JSON text: what the core host does for the window's
 * process, which passes both on unread. `large` says the text is above MAX_RPC_BODY_CHARS:
 * only `importOpen` may be.
 */
export async function dispatchRpcText(api: ClubCalls, text: string): Promise<string> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return JSON.stringify(fail('bad_request', 'core.rpc.notJson'));
  }
  const method = (body as { method?: unknown } | null)?.method;
  if (text.length > MAX_RPC_BODY_CHARS && method !== 'importOpen')
    return JSON.stringify(fail('bad_request', 'core.rpc.tooLarge'));
  return JSON.stringify(await dispatchRpc(api, body));
}
