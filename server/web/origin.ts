/**
 * The Origin check of state-changing requests (POST/PUT/DELETE), against cross-site request
 * forgery beside SameSite=Strict and the CSRF header: the browser's `Origin` must be the
 * server's public web origin (`--public-web-url`), or — when none is configured — the origin of
 * the address the browser reached us by (`https://` + Host header). Missing or different: 403.
 */
import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors.ts';

/** `https://host[:port]` as URL normalises it (default port dropped, host lower-cased). */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

export function expectedOrigin(req: IncomingMessage, publicWebUrl: string | null): string | null {
  if (publicWebUrl) return originOf(publicWebUrl);
  const host = req.headers.host;
  return host ? originOf(`https://${host}`) : null;
}

export function isStateChanging(method: string | undefined): boolean {
  return method === 'POST' || method === 'PUT' || method === 'DELETE' || method === 'PATCH';
}

/** Throws 403 `web.originRefused` unless the request's Origin is the expected one. */
export function checkOrigin(req: IncomingMessage, publicWebUrl: string | null): void {
  const given = req.headers.origin;
  const expected = expectedOrigin(req, publicWebUrl);
  const actual = typeof given === 'string' ? originOf(given) : null;
  if (!expected || !actual || actual !== expected)
    throw new AppError('forbidden', 'web.originRefused', {}, { status: 403 });
}
