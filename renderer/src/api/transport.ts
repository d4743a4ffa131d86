/**
 * The renderer's ClubApi. In Electron the preload exposes `window.tutti`; in the local browser
 * mode (and later the web application) calls go as JSON to `/api/rpc` on the page's own origin.
 */
import { CLUB_API_METHODS, type ClubApi } from '../../../shared/api/clubApi.ts';
import { type ApiResult, fail } from '../../../shared/api/result.ts';

declare global {
  interface Window {
    tutti?: ClubApi;
  }
}

async function rpc(method: string, args: unknown[]): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch('./api/rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ method, args }),
    });
  } catch {
    return fail('unavailable', 'Tutti ist nicht erreichbar. Läuft das Programm noch?');
  }
  if (response.status === 401) {
    return fail(
      'forbidden',
      'Die Sitzung ist abgelaufen. Bitte Tutti über die Adresse aus dem Terminal neu öffnen.',
    );
  }
  try {
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return fail('internal', `Unerwartete Antwort (HTTP ${response.status}).`);
  }
}

function httpClubApi(): ClubApi {
  const api: Record<string, (...args: unknown[]) => Promise<ApiResult<unknown>>> = {};
  for (const method of CLUB_API_METHODS) api[method] = (...args) => rpc(method, args);
  return api as unknown as ClubApi;
}

export const clubApi: ClubApi = window.tutti ?? httpClubApi();
