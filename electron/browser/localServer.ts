/**
 * The local browser mode: the desktop core serves the UI and the ClubApi on 127.0.0.1 only.
 * Access needs the per-start token printed in the terminal; it is exchanged once for an
 * HttpOnly, SameSite=Strict cookie and removed from the address bar. The Host header is checked
 * against DNS rebinding, and API calls must be same-origin JSON, which a foreign page cannot
 * send without a CORS preflight we never answer.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ClubApi, MAX_IMPORT_BASE64 } from '../../shared/api/clubApi.ts';
import { fail } from '../../shared/api/result.ts';
import { AppAssets } from '../core/appAssets.ts';
import { dispatchRpc } from '../core/rpc.ts';
import { COMMON_HEADERS } from '../core/securityHeaders.ts';

const SESSION_COOKIE = 'tutti_session';
const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Only the import wizard hands over a whole file: its base64 plus the request around it. */
const MAX_IMPORT_BODY_BYTES = MAX_IMPORT_BASE64 + 1024 * 1024;

export interface LocalServer {
  /** The address to open, with the token. */
  url: string;
  port: number;
  close(): Promise<void>;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { ...COMMON_HEADERS, ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  send(res, status, JSON.stringify(value), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_IMPORT_BODY_BYTES) throw new RangeError('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLocalServer(options: {
  api: ClubApi;
  staticDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<LocalServer> {
  const { api, staticDir, log = () => {} } = options;
  const token = randomBytes(24).toString('base64url');
  const session = randomBytes(32).toString('base64url');
  const assets = await AppAssets.load(staticDir);
  let origin = '';
  let allowedHosts: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      return send(res, 421, 'Falscher Host.', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    const url = new URL(req.url ?? '/', origin);
    const presented = url.searchParams.get('token');
    if (presented !== null && req.method === 'GET') {
      if (!safeEqual(presented, token)) {
        return send(
          res,
          403,
          'Der Zugangsschlüssel ist falsch. Bitte die Adresse aus dem Terminal verwenden.',
          {
            'Content-Type': 'text/plain; charset=utf-8',
          },
        );
      }
      return send(res, 303, '', {
        'Set-Cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
    }
    if (!safeEqual(cookieValue(req, SESSION_COOKIE) ?? '', session)) {
      return send(
        res,
        401,
        'Kein Zugang: Bitte Tutti über die Adresse mit Zugangsschlüssel öffnen, die beim Start im Terminal angezeigt wurde.',
        { 'Content-Type': 'text/plain; charset=utf-8' },
      );
    }
    if (url.pathname === '/api/rpc') return handleRpc(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'Methode nicht erlaubt.');
    return serveStatic(url.pathname, res);
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, fail('bad_request', 'Nur POST.'));
    if (
      req.headers.origin !== undefined &&
      !allowedHosts.some((h) => req.headers.origin === `http://${h}`)
    ) {
      return sendJson(res, 403, fail('forbidden', 'Fremde Herkunft.'));
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, fail('bad_request', 'JSON erwartet.'));
    }
    let body: unknown;
    try {
      const text = await readBody(req);
      body = JSON.parse(text);
      const method = (body as { method?: unknown } | null)?.method;
      if (text.length > MAX_BODY_BYTES && method !== 'importOpen')
        throw new RangeError('body too large');
    } catch (error) {
      const tooLarge = error instanceof RangeError;
      return sendJson(
        res,
        tooLarge ? 413 : 400,
        fail('bad_request', tooLarge ? 'Anfrage zu groß.' : 'Ungültiges JSON.'),
      );
    }
    const result = await dispatchRpc(api, body);
    sendJson(res, !result.ok && result.error.code === 'bad_request' ? 400 : 200, result);
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const asset = await assets.respond(pathname);
    send(res, asset.status, asset.body, asset.headers);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`Interner Fehler: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, fail('internal', 'Interner Fehler. Details stehen im Protokoll.'));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `${origin}/?token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
