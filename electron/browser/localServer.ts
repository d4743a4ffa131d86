/**
 * The local browser mode: the desktop core serves the UI and the ClubApi on 127.0.0.1 only.
 * Every API call needs the per-start token printed in the terminal, sent by the page in the
 * `Authorization` header. The page keeps it in `sessionStorage` (per origin, port included)
 * and removes it from the address bar. Never in a cookie: cookies are not scoped by port, so
 * every other server on 127.0.0.1 would receive one — and could replay it.
 *
 * The page and its assets are served without the token (they hold no data and are the same
 * in every installation). The Host header is checked against DNS rebinding, and API calls must
 * be same-origin JSON with the header, which a foreign page cannot send without a CORS
 * preflight we never answer.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_IMPORT_BASE64 } from '../../shared/api/clubApi.ts';
import { fail } from '../../shared/api/result.ts';
import { BodyError, readLimitedBody } from '../../shared/node/readLimitedBody.ts';
import { AppAssets } from '../../shared/node/ui/appAssets.ts';
import { COMMON_HEADERS } from '../../shared/node/ui/securityHeaders.ts';
import { MAX_RPC_BODY_CHARS } from '../core/rpc.ts';
import type { CoreEndpoint } from '../coreHost/coreEndpoint.ts';

/** Open event streams at most: a page has one; more is a leak or an attack. */
const MAX_EVENT_STREAMS = 16;
/** A stream whose page stopped reading is cut off beyond this. */
const MAX_UNREAD_EVENT_BYTES = 16 * 1024 * 1024;
/** An empty line this often: a dead stream is noticed by both sides. */
const EVENT_HEARTBEAT_MS = 20_000;
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

/** The token of an `Authorization: Bearer …` header, or '' without one. */
function bearerToken(req: IncomingMessage): string {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  return match?.[1] ?? '';
}

/** The media type of a Content-Type header, without parameters, in lower case. */
function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
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

/**
 * The HTTP status of a call's result, read from the start of its JSON text (the core made it,
 * `ok` first): a malformed call is a 400, a too large one a 413, everything else a 200.
 */
function statusOfResult(json: string): number {
  if (!json.startsWith('{"ok":false,"error":{"code":"bad_request"')) return 200;
  return json.includes('"key":"core.rpc.tooLarge"') ? 413 : 400;
}

export async function startLocalServer(options: {
  core: CoreEndpoint;
  staticDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<LocalServer> {
  const { core, staticDir, log = () => {} } = options;
  const token = randomBytes(32).toString('base64url');
  const assets = await AppAssets.load(staticDir);
  let origin = '';
  let allowedHosts: string[] = [];
  const streams = new Set<{ end(): void }>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      return send(res, 421, 'Falscher Host.', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      return send(res, 400, 'Ungültige Adresse.', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    if (url.pathname === '/api/rpc') return handleRpc(req, res);
    if (url.pathname === '/api/events') return handleEvents(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'Methode nicht erlaubt.');
    return serveStatic(url.pathname, res);
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Whatever is refused here is refused before its body is read: the connection then ends.
    const refuse = (status: number, code: 'bad_request' | 'forbidden', key: string) => {
      if (!req.complete) res.setHeader('Connection', 'close');
      sendJson(res, status, fail(code, key));
    };
    if (req.method !== 'POST') return refuse(405, 'bad_request', 'core.rpc.onlyPost');
    const refused = refusal(req);
    if (refused) return refuse(refused.status, 'forbidden', refused.key);
    if (mediaType(req) !== 'application/json')
      return refuse(415, 'bad_request', 'core.rpc.notJson');
    let text: string;
    try {
      text = (await readLimitedBody(req, MAX_IMPORT_BODY_BYTES)).toString('utf8');
    } catch (error) {
      if (error instanceof BodyError && error.reason === 'aborted') return; // nobody to answer
      return refuse(413, 'bad_request', 'core.rpc.tooLarge');
    }
    // The page puts the method first; only the import's file may be large. The core checks
    // again what it parses: this only spares it a large body that cannot be a file.
    if (text.length > MAX_RPC_BODY_CHARS && !text.startsWith('{"method":"importOpen"'))
      return refuse(413, 'bad_request', 'core.rpc.tooLarge');
    // The body goes to the core and its answer to the page as text, neither read here.
    const json = await core.callText(text);
    send(res, statusOfResult(json), json, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
  }

  /** The same checks as a call: the per-start token, our own origin. */
  function refusal(req: IncomingMessage): { status: number; key: string } | null {
    if (!safeEqual(bearerToken(req), token)) return { status: 401, key: 'core.rpc.noAccess' };
    if (
      req.headers.origin !== undefined &&
      !allowedHosts.some((h) => req.headers.origin === `http://${h}`)
    )
      return { status: 403, key: 'core.rpc.foreignOrigin' };
    return null;
  }

  /**
   * The core's events (issue #25) as a stream of JSON lines, read by a `fetch` that sends the
   * token in its header (an EventSource cannot). A line a while keeps proxies and the page
   * aware that the stream lives; a page that does not read is cut off rather than buffered.
   */
  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    const refused =
      req.method !== 'GET'
        ? { status: 405, code: 'bad_request' as const, key: 'core.rpc.onlyGet' }
        : streams.size >= MAX_EVENT_STREAMS
          ? { status: 503, code: 'unavailable' as const, key: 'core.rpc.tooManyStreams' }
          : refusal(req);
    if (refused) {
      sendJson(
        res,
        refused.status,
        fail('code' in refused ? refused.code : 'forbidden', refused.key),
      );
      return;
    }
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.flushHeaders();
    const write = (line: string) => {
      res.write(`${line}\n`);
      // A page that stopped reading: cut off; it reconnects and reloads what it missed.
      if (res.writableLength > MAX_UNREAD_EVENT_BYTES) res.destroy();
    };
    // The event's JSON text as it came from the core, wrapped without being read.
    const subscription = core.onEvent((name, json) =>
      write(`{"event":"${name}","payload":${json}}`),
    );
    const heartbeat = setInterval(() => write(''), EVENT_HEARTBEAT_MS);
    heartbeat.unref();
    const stream = { end: () => res.destroy() };
    streams.add(stream);
    res.on('close', () => {
      clearInterval(heartbeat);
      subscription.dispose();
      streams.delete(stream);
    });
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const asset = await assets.respond(pathname);
    send(res, asset.status, asset.body, asset.headers);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`Interner Fehler: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'core.internal'));
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
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
