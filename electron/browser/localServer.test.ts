import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STYLE_NONCE_PLACEHOLDER } from '../../shared/node/ui/securityHeaders.ts';
import { saidIn } from '../../test/support/saidIn.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { ClubService } from '../core/clubService.ts';
import { inProcessEndpoint } from '../coreHost/coreEndpoint.ts';
import { LocalStore } from '../store/localStore.ts';
import { type LocalServer, startLocalServer } from './localServer.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: LocalStore;
let server: LocalServer;
let origin: string;
let token: string;

beforeAll(async () => {
  temp = makeTempDir();
  const staticDir = join(temp.dir, 'ui');
  mkdirSync(staticDir);
  writeFileSync(
    join(staticDir, 'index.html'),
    `<meta name="tutti-style-nonce" content="${STYLE_NONCE_PLACEHOLDER}">`,
  );
  store = LocalStore.open(join(temp.dir, 'tutti.db'), randomBytes(32));
  server = await startLocalServer({
    core: inProcessEndpoint(new ClubService(store, temp.dir)),
    staticDir,
  });
  origin = `http://127.0.0.1:${server.port}`;
  token = new URL(server.url).searchParams.get('token')!;
  expect(token.length).toBeGreaterThanOrEqual(40);
});

afterAll(async () => {
  await server.close();
  store.close();
  temp.cleanup();
});

function rpc(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${origin}/api/rpc`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('local browser mode', () => {
  it('answers no call without the token from the terminal, and never sets a cookie', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200); // the page itself holds no data; it asks how to get in
    expect(page.headers.get('set-cookie')).toBeNull();
    for (const authorization of [undefined, 'Bearer falsch', `Basic ${token}`, token]) {
      const res = await fetch(`${origin}/api/rpc`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(authorization ? { Authorization: authorization } : {}),
        },
        body: '{"method":"status","args":[]}',
      });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('takes no credential from a cookie: another program on 127.0.0.1 gets nothing to replay', async () => {
    const res = await rpc({ method: 'list', args: ['members'] }, { Authorization: '' });
    expect(res.status).toBe(401);
    const withCookie = await fetch(`${origin}/api/rpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `tutti_session=${token}` },
      body: '{"method":"list","args":["members"]}',
    });
    expect(withCookie.status).toBe(401);
  });

  it('sends the page with a strict CSP and a fresh style nonce', async () => {
    const res = await fetch(`${origin}/`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(await res.text()).toContain(`content="${nonce}"`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers calls that carry the token in the Authorization header', async () => {
    const res = await rpc({ method: 'save', args: ['registers', { name: 'Klarinetten' }] });
    expect(await res.json()).toMatchObject({
      ok: true,
      value: { name: 'Klarinetten', sortOrder: 0 },
    });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const status = await new Promise<number>((done) => {
      request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/',
          headers: { Host: 'evil.example:80' },
        },
        (res) => done(res.statusCode!),
      ).end();
    });
    expect(status).toBe(421);
  });

  it('refuses calls from a foreign origin and form posts', async () => {
    expect(
      (await rpc({ method: 'status', args: [] }, { Origin: 'http://evil.example' })).status,
    ).toBe(403);
    expect(
      (await rpc('method=status', { 'Content-Type': 'application/x-www-form-urlencoded' })).status,
    ).toBe(415);
    for (const type of ['application/jsonx', 'application/json-patch+json', 'text/plain'])
      expect((await rpc({ method: 'status', args: [] }, { 'Content-Type': type })).status).toBe(
        415,
      );
    expect(
      (
        await rpc(
          { method: 'status', args: [] },
          { 'Content-Type': 'Application/JSON; charset=utf-8' },
        )
      ).status,
    ).toBe(200);
  });

  it('answers malformed calls with a German 4xx and changes nothing', async () => {
    const pending = store.outbox.pendingCount();
    const cases: [unknown, number, RegExp][] = [
      ['{nicht json', 400, /Ungültiges JSON/],
      [{ method: 'dropDatabase', args: [] }, 400, /Unbekannte Funktion/],
      [{ method: 'save', args: ['passwords', {}] }, 400, /Ungültige Angaben/],
      [{ method: 'get', args: ['members', 'not-a-uuid'] }, 400, /Ungültige Angaben/],
      [{ method: 'save', args: ['members', 'Anna'] }, 400, /Ungültige Angaben/],
      [
        { method: 'save', args: ['members', {}], extra: 1 },
        200,
        /Bitte die markierten Felder prüfen/,
      ],
    ];
    for (const [body, status, message] of cases) {
      const res = await rpc(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(saidIn(await res.json()).error?.message).toMatch(message);
    }
    const big = await rpc({
      method: 'save',
      args: ['members', { notes: 'x'.repeat(3 * 1024 * 1024) }],
    });
    expect(big.status).toBe(413);
    expect(store.outbox.pendingCount()).toBe(pending);
    expect((await rpc({ method: 'status', args: [] })).status).toBe(200);
  });

  it('refuses an endless chunked body with 413 and goes on serving', async () => {
    const status = await new Promise<number | string>((done) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/rpc',
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        },
        (res) => done(res.statusCode!),
      );
      req.on('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      const pump = () => {
        while (!req.destroyed && req.write(chunk));
        if (!req.destroyed) req.once('drain', pump);
      };
      pump();
    });
    expect([413, 'EPIPE', 'ECONNRESET']).toContain(status);
    expect((await rpc({ method: 'status', args: [] })).status).toBe(200);
  });

  it('streams the core’s events as JSON lines to the page with the token, and to no one else', async () => {
    for (const headers of [{}, { Authorization: 'Bearer falsch' }] as Record<string, string>[]) {
      const refused = await fetch(`${origin}/api/events`, { headers });
      expect(refused.status).toBe(401);
    }
    const foreign = await fetch(`${origin}/api/events`, {
      headers: { Authorization: `Bearer ${token}`, Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);

    const abort = new AbortController();
    const stream = await fetch(`${origin}/api/events`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const reader = stream.body!.getReader();
    const saved = await (
      await rpc({ method: 'save', args: ['registers', { name: 'Posaunen' }] })
    ).json();
    expect(saved.ok).toBe(true);
    let text = '';
    while (!text.includes('\n')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    const first = JSON.parse(text.split('\n')[0]!);
    expect(first).toMatchObject({
      event: 'records',
      payload: { entity: 'registers', origin: 'local', upserted: [{ name: 'Posaunen' }] },
    });
    abort.abort();
  });

  it('refuses more than a page’s share of event streams and goes on serving', async () => {
    const aborts: AbortController[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const abort = new AbortController();
      aborts.push(abort);
      const res = await fetch(`${origin}/api/events`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: abort.signal,
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(16);
    expect(statuses.filter((s) => s === 503)).toHaveLength(4);
    for (const abort of aborts) abort.abort();
    const res = await rpc({ method: 'list', args: ['registers'] });
    expect(res.status).toBe(200);
  });
});
