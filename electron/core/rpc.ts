/**
 * Dispatches one remote call to the ClubApi after checking the method name and every argument
 * against the shared schemas: a malformed call is answered with a German error and reaches
 * nothing.
 */
import { type ClubApi, clubApiArgs, isClubApiMethod } from '../../shared/api/clubApi.ts';
import { type ApiResult, fail } from '../../shared/api/result.ts';

export async function dispatchRpc(api: ClubApi, body: unknown): Promise<ApiResult<unknown>> {
  if (typeof body !== 'object' || body === null) return fail('bad_request', 'Ungültige Anfrage.');
  const { method, args } = body as { method?: unknown; args?: unknown };
  if (!isClubApiMethod(method)) return fail('bad_request', 'Unbekannte Funktion.');
  const parsed = clubApiArgs[method].safeParse(args ?? []);
  if (!parsed.success) {
    return fail(
      'bad_request',
      `Ungültige Angaben: ${parsed.error.issues[0]?.message ?? 'unbekannt'}`,
    );
  }
  const call = api[method] as (...a: unknown[]) => Promise<ApiResult<unknown>>;
  return call.apply(api, parsed.data as unknown[]);
}
