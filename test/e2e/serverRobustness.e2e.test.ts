/**
 * A running `tutti-server` under attack from bad clients: oversized, chunked, truncated,
 * malformed and slow requests, and connections cut during the TLS handshake — on both
 * listeners, the device listener with a valid device certificate of one club. Every attack ends
 * only its own connection, within the configured deadlines; afterwards the server still answers
 * and another club's device still syncs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClubService } from '../../electron/core/clubService.ts';
import { openProfile, passphraseKeyStore } from '../../electron/core/profile.ts';
import { type EnrolledDevice, enrolDevice } from '../../electron/sync/enrolDevice.ts';
import {
  type RawOutcome,
  type RawTarget,
  rawConnection,
  sleep,
  streamChunkedForever,
  writeRaw,
} from '../support/rawConnection.ts';
import { initServerProcess, type ServerProcess } from '../support/serverProcess.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { runTutti, writePassphraseFile } from '../support/tuttiProcess.ts';

/** Short deadlines, so that slow attacks are refused within seconds. */
const TIMEOUTS = { handshakeSeconds: 2, headersSeconds: 2, requestSeconds: 6, idleSeconds: 3 };
/** No connection may outlive its deadline by more than this (the server checks each second). */
const SLACK_MS = 2_500;
const MIB = 1024 * 1024;

describe('the club server under bad input and broken connections', () => {
  const temp = makeTempDir('tutti-robust-');
  let server: ServerProcess;
  let attacker: EnrolledDevice;
  let ca = '';
  let env: Record<string, string>;
  let clubB = '';
  let userB = '';

  const web = (): RawTarget => ({ port: server.ports.web, tls: { ca } });
  const devices = (): RawTarget => ({
    port: server.ports.devices,
    tls: { ca, cert: attacker.certificatePem, key: attacker.privateKeyPem },
  });

  /** Request headers for `path` on either listener. */
  const head = (method: string, path: string, headers: Record<string, string | number> = {}) =>
    `${method} ${path} HTTP/1.1\r\nHost: localhost\r\n${Object.entries({
      'Content-Type': 'application/json',
      ...headers,
    })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n`;

  /** Each attack, described once, sent to both listeners. */
  const attacks: {
    name: string;
    run(target: RawTarget, path: string, method: string): Promise<RawOutcome>;
    check(outcome: RawOutcome): void;
  }[] = [
    {
      name: 'a chunked body far over the limit, without Content-Length',
      run: (target, path, method) =>
        rawConnection(
          target,
          async (s) => {
            await writeRaw(s, head(method, path, { 'Transfer-Encoding': 'chunked' }));
            await streamChunkedForever(s, 64 * 1024);
          },
          20_000,
        ),
      check: (o) => {
        expect(o.closedAfterMs).not.toBeNull();
        if (o.status !== null) expect(o.status).toBe(413);
      },
    },
    {
      name: 'a declared Content-Length over the limit',
      run: (target, path, method) =>
        rawConnection(
          target,
          (s) => writeRaw(s, head(method, path, { 'Content-Length': 50 * MIB })),
          10_000,
        ),
      check: (o) => {
        expect(o.status).toBe(413);
        expect(o.closedAfterMs).not.toBeNull();
      },
    },
    {
      name: 'an oversized body with a truthful Content-Length',
      run: (target, path, method) =>
        rawConnection(
          target,
          async (s) => {
            await writeRaw(s, head(method, path, { 'Content-Length': 3 * MIB }));
            await writeRaw(s, Buffer.alloc(3 * MIB, 0x20));
          },
          10_000,
        ),
      check: (o) => {
        expect(o.closedAfterMs).not.toBeNull();
        if (o.status !== null) expect(o.status).toBe(413);
      },
    },
    {
      name: 'a body cut off before its declared length',
      run: (target, path, method) =>
        rawConnection(
          target,
          async (s) => {
            await writeRaw(s, head(method, path, { 'Content-Length': 1000 }));
            await writeRaw(s, '{"mutations": [');
            s.end();
          },
          10_000,
        ),
      check: (o) => expect(o.closedAfterMs).not.toBeNull(),
    },
    {
      name: 'a chunked body cut off in the middle of a chunk',
      run: (target, path, method) =>
        rawConnection(
          target,
          async (s) => {
            await writeRaw(
              s,
              `${head(method, path, { 'Transfer-Encoding': 'chunked' })}400\r\n{"a`,
            );
            s.end();
          },
          10_000,
        ),
      check: (o) => expect(o.closedAfterMs).not.toBeNull(),
    },
    {
      name: 'a malformed chunk size',
      run: (target, path, method) =>
        rawConnection(
          target,
          (s) =>
            writeRaw(s, `${head(method, path, { 'Transfer-Encoding': 'chunked' })}zz\r\nxx\r\n`),
          10_000,
        ),
      check: (o) => {
        expect(o.status).toBe(400);
        expect(o.closedAfterMs).not.toBeNull();
      },
    },
    {
      name: 'Content-Length and Transfer-Encoding together (request smuggling)',
      run: (target, path, method) =>
        rawConnection(
          target,
          (s) =>
            writeRaw(
              s,
              `${head(method, path, { 'Content-Length': 4, 'Transfer-Encoding': 'chunked' })}0\r\n\r\n`,
            ),
          10_000,
        ),
      check: (o) => {
        expect(o.status).toBe(400);
        expect(o.closedAfterMs).not.toBeNull();
      },
    },
    {
      name: 'headers larger than any real request',
      run: (target, path, method) =>
        rawConnection(
          target,
          (s) => writeRaw(s, head(method, path, { 'X-Filler': 'x'.repeat(100_000) })),
          10_000,
        ),
      check: (o) => {
        expect(o.status).toBe(431);
        expect(o.closedAfterMs).not.toBeNull();
      },
    },
    {
      name: 'a request target that is not a path',
      run: (target) =>
        rawConnection(
          target,
          (s) =>
            writeRaw(s, 'GET http://[ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'),
          10_000,
        ),
      check: (o) => {
        expect(o.status).toBe(400);
        expect(o.closedAfterMs).not.toBeNull();
      },
    },
    {
      name: 'bytes that are not HTTP',
      run: (target) =>
        rawConnection(target, (s) => writeRaw(s, '\u0000\u0001GARBAGE\r\n\r\n'), 10_000),
      check: (o) => {
        expect(o.status).toBe(400);
        expect(o.closedAfterMs).not.toBeNull();
      },
    },
    {
      name: 'headers that never end (slowloris)',
      run: (target, path, method) =>
        rawConnection(
          target,
          async (s) => {
            await writeRaw(s, `${method} ${path} HTTP/1.1\r\nHost: localhost\r\n`);
            for (let i = 0; i < 20 && !s.destroyed; i += 1) {
              await sleep(400);
              await writeRaw(s, `X-Slow-${i}: y\r\n`);
            }
          },
          20_000,
        ),
      check: (o) => {
        expect(o.closedAfterMs).not.toBeNull();
        expect(o.closedAfterMs!).toBeLessThan(TIMEOUTS.headersSeconds * 1000 + SLACK_MS);
      },
    },
    {
      name: 'a body that stalls after a few bytes',
      run: (target, path, method) =>
        rawConnection(
          target,
          async (s) => {
            await writeRaw(s, head(method, path, { 'Content-Length': 100 }));
            await writeRaw(s, '{"mut');
          },
          20_000,
        ),
      check: (o) => {
        expect(o.closedAfterMs).not.toBeNull();
        expect(o.closedAfterMs!).toBeLessThan(TIMEOUTS.idleSeconds * 1000 + SLACK_MS);
      },
    },
    {
      name: 'a body that trickles a byte at a time',
      run: (target, path, method) =>
        rawConnection(
          target,
          async (s) => {
            await writeRaw(s, head(method, path, { 'Content-Length': 10_000 }));
            for (let i = 0; i < 100 && !s.destroyed; i += 1) {
              await sleep(200);
              await writeRaw(s, ' ');
            }
          },
          25_000,
        ),
      check: (o) => {
        expect(o.closedAfterMs).not.toBeNull();
        expect(o.closedAfterMs!).toBeLessThan(TIMEOUTS.requestSeconds * 1000 + SLACK_MS);
      },
    },
  ];

  beforeAll(async () => {
    env = { TUTTI_PASSPHRASE_FILE: writePassphraseFile(temp.dir) };
    server = await initServerProcess(temp.dir);
    server.configure((config) => {
      config.timeouts = TIMEOUTS;
    });
    ca = readFileSync(join(server.data, 'pki', 'ca.crt'), 'utf8');
    const clubA = await server.created('club', 'create', 'Angreiferkapelle');
    const userA = await server.created(
      'user',
      'add',
      '--club',
      clubA,
      '--name',
      'Mallory',
      '--role',
      'administrator',
    );
    clubB = await server.created('club', 'create', 'Musikverein Nebenan');
    userB = await server.created(
      'user',
      'add',
      '--club',
      clubB,
      '--name',
      'Eva',
      '--role',
      'administrator',
    );
    const codeA = await server.created('enroll-code', '--club', clubA, '--user', userA);
    await server.start();
    attacker = await enrolDevice(server.webUrl, codeA);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    temp.cleanup();
  });

  for (const listener of ['web', 'devices'] as const) {
    it(`refuses every kind of bad request on the ${listener} listener and goes on`, async () => {
      const target = listener === 'web' ? web() : devices();
      const routes =
        listener === 'web'
          ? [{ method: 'POST', path: '/enrol/v1' }]
          : [
              { method: 'POST', path: '/sync/v1/push' },
              {
                method: 'PUT',
                path: '/api/v1/records/members/0190a7e4-0000-7000-8000-000000000001',
              },
            ];
      // Sent all at once, as an attacker would: each must end only its own connection.
      const outcomes = await Promise.all(
        routes.flatMap(({ method, path }) =>
          attacks.map(async (attack) => ({
            attack,
            path,
            outcome: await attack.run(target, path, method),
          })),
        ),
      );
      for (const { attack, path, outcome } of outcomes) {
        try {
          attack.check(outcome);
        } catch (error) {
          throw new Error(
            `${attack.name} → ${path}: ${(error as Error).message}\n${JSON.stringify({ ...outcome, response: outcome.response.slice(0, 300) })}`,
          );
        }
      }
      expect(server.child(), `the server ended:\n${server.log()}`).not.toBeNull();
      const health = await rawConnection(
        web(),
        (s) => writeRaw(s, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'),
        10_000,
      );
      expect(health.status).toBe(200);
    }, 90_000);
  }

  it('ends TLS handshakes that stall or are cut off, and goes on', async () => {
    const plain = (port: number): RawTarget => ({ port });
    const clientHelloStart = Buffer.from('160301020001', 'hex'); // a record header, then nothing
    const outcomes = await Promise.all(
      [server.ports.web, server.ports.devices].flatMap((port) => [
        // Connected, never says a word.
        rawConnection(plain(port), () => {}, 15_000),
        // Half a ClientHello, then silence.
        rawConnection(plain(port), (s) => writeRaw(s, clientHelloStart), 15_000),
        // Half a ClientHello, then the connection is cut.
        rawConnection(
          plain(port),
          async (s) => {
            await writeRaw(s, clientHelloStart);
            s.destroy();
          },
          15_000,
        ),
        // Not TLS at all.
        rawConnection(plain(port), (s) => writeRaw(s, 'GET / HTTP/1.1\r\n\r\n'), 15_000),
      ]),
    );
    for (const outcome of outcomes) {
      expect(outcome.closedAfterMs).not.toBeNull();
      expect(outcome.closedAfterMs!).toBeLessThan(TIMEOUTS.handshakeSeconds * 1000 + SLACK_MS);
    }
    // Upgrades the poke channel refuses, from clients that then never close their side.
    const upgrade = (target: string) =>
      rawConnection(
        devices(),
        (s) =>
          writeRaw(
            s,
            `GET ${target} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
          ),
        15_000,
      );
    const refused = await Promise.all([upgrade('http://['), upgrade('/nope')]);
    expect(refused.map((o) => o.status)).toEqual([400, 404]);
    for (const outcome of refused) {
      expect(outcome.closedAfterMs).not.toBeNull();
      expect(outcome.closedAfterMs!).toBeLessThan(TIMEOUTS.idleSeconds * 1000 + SLACK_MS);
    }
    // An upgrade that says nothing after its first line is ended by the idle deadline.
    const silent = await rawConnection(
      devices(),
      (s) =>
        writeRaw(
          s,
          'GET /sync/v1/poke HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
        ),
      15_000,
    );
    expect(silent.closedAfterMs).not.toBeNull();
    // A device that sends its upgrade for pokes and vanishes at once.
    await rawConnection(
      devices(),
      async (s) => {
        await writeRaw(
          s,
          'GET /sync/v1/poke HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
        );
        s.resetAndDestroy();
      },
      5_000,
    );
    await sleep(500);
    expect(server.child(), `the server ended:\n${server.log()}`).not.toBeNull();
  }, 60_000);

  it("another club's device still syncs afterwards", async () => {
    const profile = join(temp.dir, 'laptop-b');
    const code = await server.created('enroll-code', '--club', clubB, '--user', userB);
    const enrolled = await runTutti(
      ['enroll', '--profile', profile, '--server', server.webUrl, '--code', code],
      env,
    );
    expect(enrolled.code, enrolled.stderr).toBe(0);
    const opened = await openProfile(profile, passphraseKeyStore(profile, env));
    try {
      const saved = new ClubService(opened.store, profile).saveNow('members', {
        firstName: 'Franz',
        lastName: 'Xaver',
        status: 'aktiv',
      } as never);
      expect(saved.ok).toBe(true);
    } finally {
      opened.close();
    }
    const synced = await runTutti(['sync', '--profile', profile], env);
    expect(synced.stderr).toBe('');
    expect(synced.stdout.trim()).toMatch(/^Gesendet: 1, abgelehnt: 0, .*noch offen: 0$/);
    expect(server.child(), `the server ended:\n${server.log()}`).not.toBeNull();
  }, 60_000);

  it('needed its last resort for none of it: every error was handled where it arose', () => {
    expect(server.log()).not.toContain('uncaught error');
    expect(server.log()).not.toContain('"level":50'); // pino's error level
  });
});
