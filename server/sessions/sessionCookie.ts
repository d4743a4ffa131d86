/**
 * The session cookie: `__Host-` (Secure, Path=/, no Domain — no subdomain or plain-HTTP page
 * can set or read it), HttpOnly (no script reads it), SameSite=Strict (no other site's request
 * carries it). No Max-Age: the browser forgets it when it closes; the server ends it sooner.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_COOKIE } from '../../shared/web/webProtocol.ts';

const ATTRIBUTES = 'Path=/; Secure; HttpOnly; SameSite=Strict';

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; ${ATTRIBUTES}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; ${ATTRIBUTES}; Max-Age=0`;
}

export function setSessionCookie(res: ServerResponse, token: string): void {
  res.setHeader('Set-Cookie', sessionCookie(token));
}

export function clearSessionCookie(res: ServerResponse): void {
  res.setHeader('Set-Cookie', clearedSessionCookie());
}

/** The session token from the Cookie header, or null. */
export function sessionTokenOf(req: IncomingMessage): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    if (part.slice(0, at).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(at + 1).trim();
    // Our tokens are base64url; anything else is no session of ours.
    return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
  }
  return null;
}
