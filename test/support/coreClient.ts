/**
 * Calls the ClubApi of a running `tutti start --browser` from a test, as the page does: the
 * printed address's token is exchanged for a session, and every call carries it.
 */
import type { ApiResult } from '../../shared/api/result.ts';

export interface CoreClient {
  call<T>(method: string, ...args: unknown[]): Promise<ApiResult<T>>;
}

export async function connectToCore(printedUrl: string): Promise<CoreClient> {
  const url = new URL(printedUrl);
  const opened = await fetch(printedUrl, { redirect: 'manual' });
  const cookie = /^([^;]+)/.exec(opened.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error(`no session from ${printedUrl} (HTTP ${opened.status})`);
  return {
    async call<T>(method: string, ...args: unknown[]) {
      const response = await fetch(new URL('/api/rpc', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify({ method, args }),
        signal: AbortSignal.timeout(60_000),
      });
      return (await response.json()) as ApiResult<T>;
    },
  };
}
