/**
 * Calls the ClubApi of a running `tutti start --browser` from a test, as the page does: with
 * the printed address's token in the Authorization header.
 */
import type { ApiResult } from '../../shared/api/result.ts';

export interface CoreClient {
  call<T>(method: string, ...args: unknown[]): Promise<ApiResult<T>>;
}

export function connectToCore(printedUrl: string): CoreClient {
  const url = new URL(printedUrl);
  const token = url.searchParams.get('token');
  if (!token) throw new Error(`no token in ${printedUrl}`);
  return {
    async call<T>(method: string, ...args: unknown[]) {
      const response = await fetch(new URL('/api/rpc', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ method, args }),
        signal: AbortSignal.timeout(60_000),
      });
      return (await response.json()) as ApiResult<T>;
    },
  };
}
