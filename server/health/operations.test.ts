/**
 * What an operator's monitoring sees of a running club server (issue #28), over real TLS and
 * HTTP: `/healthz` alive without the database, `/readyz` ready or not and its warnings as
 * states and counts only, the metrics listener (loopback, or token over TLS), request ids in
 * answers and log lines, and the monitoring locations' client certificates — issued, used for
 * the device listener's handshake, renewed by the location, revoked.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asDevice,
  startTestClubServer,
  TEST_SERVER_PASSPHRASE,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { startTestPostgres } from '../../test/support/postgres.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { askAdminSocket } from '../app/adminSocket.ts';
import { setUpBackups } from '../cli/backupSetup.ts';
import {
  MONITOR_FILES,
  newMonitorKey,
  renewMonitorCertificate,
  writeMonitorFiles,
} from '../cli/monitorCertificate.ts';
import { AppError } from '../errors.ts';
import { silentLogger } from '../log/logger.ts';
import { requestLogFields } from '../log/requestContext.ts';
import { startMetricsListener } from '../metrics/metricsListener.ts';
import { ServerMetrics } from '../metrics/serverMetrics.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function get(
  url: string,
  options: { ca?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        agent: false,
        headers: options.headers,
        ...(options.ca ? { ca: options.ca, servername: 'localhost' } : {}),
        signal: AbortSignal.timeout(10_000),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('operations endpoints of a running server', () => {
  let t: TestClubServer;
  let clubId: string;
  const logLines: Record<string, unknown>[] = [];
  const temp = makeTempDir('tutti-ops-');
  const goodTarget = join(temp.dir, 'sicherung-a');
  const brokenTarget = join(temp.dir, 'sicherung-b');
  const CLUB_NAME = 'Musikverein Überwachung';

  const web = (path: string, headers?: Record<string, string>) =>
    get(`https://127.0.0.1:${t.server.web.port}${path}`, { ca: t.dir.caCertificatePem(), headers });
  const scrape = async () => (await get(`${t.server.metrics!.url}/metrics`)).text;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean))
          logLines.push(JSON.parse(line));
        done();
      },
    });
    t = await startTestClubServer({
      log: pino({ level: 'info', mixin: requestLogFields }, sink),
      metrics: { port: 0 },
      readinessIntervalMs: 100,
      prepare: async (dir) => {
        await setUpBackups(dir, [goodTarget, brokenTarget], [], async () => TEST_SERVER_PASSPHRASE);
      },
    });
    clubId = (await t.server.services.clubs.createClub(CLUB_NAME)).id;
    // One target stops being a folder: every backup there fails from now on.
    rmSync(brokenTarget, { recursive: true, force: true });
    writeFileSync(brokenTarget, 'kein Ordner');
    await t.server.services.backup!.backups.run();
  });

  afterAll(async () => {
    await t?.stop();
    temp.cleanup();
  });

  it('/healthz says alive without asking the database', async () => {
    const reply = await web('/healthz');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text).value).toEqual({ status: 'alive' });
  });

  it('/readyz is ready with a warning for the failing backup target, naming no club or path', async () => {
    const reply = await until(
      () => web('/readyz'),
      (r) => JSON.parse(r.text).value.warnings.backup_target?.state === 'warning',
    );
    expect(reply.status).toBe(200);
    const report = JSON.parse(reply.text).value;
    expect(report.status).toBe('warning');
    expect(report.checks).toEqual({
      database: 'ok',
      certificate: 'ok',
      data_disk: 'ok',
      crl: 'ok',
    });
    expect(report.warnings.backup_target).toEqual({ state: 'warning', count: 1 });
    expect(report.warnings.crl).toEqual({ state: 'ok' });
    expect(report.warnings.mail).toEqual({ state: 'off' });
    for (const secret of [CLUB_NAME, clubId, brokenTarget, goodTarget, temp.dir])
      expect(reply.text).not.toContain(secret);
  });

  it('the metrics listener answers on loopback with the named metrics', async () => {
    await web('/readyz');
    const text = await until(scrape, (m) =>
      m.includes('tutti_readiness_warning{check="backup_target"} 1'),
    );
    expect(t.server.metrics!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(text).toContain('tutti_readiness_warning{check="backup_target"} 1');
    expect(text).toContain('tutti_ready 1');
    expect(text).toMatch(
      /tutti_http_request_duration_seconds_count\{listener="web",method="GET",route="\/readyz",status="200"\} [1-9]/,
    );
    expect(text).toMatch(
      new RegExp(`tutti_backup_age_seconds\\{club="${clubId}",target="${goodTarget}"\\} \\d`),
    );
    expect(text).toMatch(
      /tutti_certificate_expiry_timestamp_seconds\{certificate="server"\} \d{10}/,
    );
    expect(text).toMatch(/tutti_certificate_expiry_timestamp_seconds\{certificate="ca"\} \d{10}/);
    expect(text).toMatch(/tutti_crl_next_update_timestamp_seconds \d{10}/);
    expect(text).toMatch(/tutti_database_pool_connections\{state="total"\} 1/);
    expect(text).toMatch(/tutti_disk_free_bytes\{volume="data",path="[^"]+"\} \d/);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toContain('tutti_devices_connected 0');
    expect(text).toContain('tutti_poke_sockets_open 0');
    // Only /metrics; the listener answers nothing else.
    expect((await get(`${t.server.metrics!.url}/readyz`)).status).toBe(404);
  });

  it('a request id names the answer and every log line of the request', async () => {
    const mine = await web('/healthz', { 'X-Request-Id': 'proxy-4711-abcdef' });
    expect(mine.headers['x-request-id']).toBe('proxy-4711-abcdef');
    const forged = await web('/healthz', { 'X-Request-Id': 'x {"level":60}' });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await web('/healthz');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers['x-request-id']).not.toBe(forged.headers['x-request-id']);
  });

  it('a monitoring location: issued, its handshake accepted, renewed by itself, revoked', async () => {
    const certDir = join(temp.dir, 'standort-a');
    const key = await newMonitorKey('standort-a');
    const answer = await askAdminSocket(t.dir.socketPath, {
      command: 'monitor.issue',
      name: 'standort-a',
      csr: key.csrPem,
    });
    expect(answer?.ok).toBe(true);
    const lines = answer!.ok ? (answer!.output ?? answer!.lines) : [];
    writeMonitorFiles(certDir, {
      privateKeyPem: key.privateKeyPem,
      certificatePem: `${String(lines.at(-1))}\n`,
      caCertificatePem: t.dir.caCertificatePem(),
    });
    const files = () => ({
      certificatePem: readFileSync(join(certDir, MONITOR_FILES.certificate), 'utf8'),
      privateKeyPem: readFileSync(join(certDir, MONITOR_FILES.key), 'utf8'),
    });
    const first = files();
    // The handshake succeeds (the probe); a club's data stays out of reach.
    const me = await asDevice(t, first, 'GET', '/api/v1/me');
    expect(me.status).toBe(404);
    const probe = await asDevice(t, first, 'GET', '/monitor/v1/probe');
    expect(probe.status).toBe(200);
    expect(await scrape()).toMatch(
      /tutti_monitoring_certificate_expiry_timestamp_seconds\{name="standort-a"\} \d{10}/,
    );

    // 90 days left: not due at 30.
    expect(
      (
        await renewMonitorCertificate({
          certDir,
          server: `127.0.0.1:${t.server.devices.port}`,
          daysLeft: 30,
        })
      ).renewed,
    ).toBe(false);
    const renewed = await renewMonitorCertificate({
      certDir,
      server: `127.0.0.1:${t.server.devices.port}`,
      daysLeft: 89,
      now: new Date(Date.now() + 2 * 24 * 3_600_000),
    });
    expect(renewed.renewed).toBe(true);
    const second = files();
    expect(second.certificatePem).not.toBe(first.certificatePem);
    // A crash between replacing the certificate and the key: the next run finishes it.
    writeFileSync(join(certDir, 'client.key.next'), second.privateKeyPem);
    writeFileSync(join(certDir, MONITOR_FILES.key), first.privateKeyPem);
    const server = `127.0.0.1:${t.server.devices.port}`;
    expect((await renewMonitorCertificate({ certDir, server })).renewed).toBe(false);
    expect(files().privateKeyPem).toBe(second.privateKeyPem);
    // Until the location uses its new certificate, the previous one still works.
    expect((await asDevice(t, first, 'GET', '/monitor/v1/probe')).status).toBe(200);
    expect((await asDevice(t, second, 'GET', '/api/v1/me')).status).toBe(404);
    // The replaced certificate is on the CRL at once.
    expect((await asDevice(t, first, 'GET', '/api/v1/me')).error).toBeTruthy();
    // The renewal's log line carries its request id.
    const renewalLine = logLines.find((l) => l.msg === 'monitor certificate renewed');
    expect(renewalLine?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(logLines)).not.toContain('PRIVATE KEY');
    expect(JSON.stringify(logLines)).not.toContain('CERTIFICATE REQUEST');

    await askAdminSocket(t.dir.socketPath, { command: 'monitor.revoke', name: 'standort-a' });
    // Under TLS 1.3 the refusal may come as an alert after the handshake: no answer either way.
    const refused = await asDevice(t, second, 'GET', '/monitor/v1/probe');
    expect(refused.status).toBeUndefined();
    expect(refused.error).toBeTruthy();
    expect(await scrape()).not.toContain(
      'tutti_monitoring_certificate_expiry_timestamp_seconds{name="standort-a"}',
    );
  });
});

describe('a node whose PostgreSQL is gone', () => {
  it('/readyz answers 503 naming the database, /healthz stays alive, tutti_ready is 0', async () => {
    const pg = await startTestPostgres();
    let pgRunning = true;
    const t = await startTestClubServer({ databaseUrl: pg.url, metrics: { port: 0 } });
    try {
      const web = (path: string) =>
        get(`https://127.0.0.1:${t.server.web.port}${path}`, { ca: t.dir.caCertificatePem() });
      expect((await web('/readyz')).status).toBe(200);
      pg.stop();
      pgRunning = false;
      const reply = await until(
        () => web('/readyz'),
        (r) => r.status === 503,
      );
      expect(reply.status).toBe(503);
      const report = JSON.parse(reply.text).value;
      expect(report.status).toBe('unavailable');
      expect(report.checks.database).toBe('unreachable');
      expect((await web('/healthz')).status).toBe(200);
      expect((await get(`${t.server.metrics!.url}/metrics`)).text).toContain('tutti_ready 0');
    } finally {
      await t.stop();
      if (pgRunning) pg.stop();
    }
  });
});

describe('the metrics listener beyond loopback', () => {
  const metrics = new ServerMetrics({ processMetrics: false });

  it('refuses to start without a token', async () => {
    await expect(
      startMetricsListener({ metrics, log: silentLogger(), host: '0.0.0.0', port: 0 }),
    ).rejects.toThrow(AppError);
  });

  it('with a token: TLS with the server certificate, 401 without the token, the metrics with it', async () => {
    const token = 'b'.repeat(40);
    const t = await startTestClubServer({ metrics: { host: '127.0.0.1', port: 0, token } });
    try {
      const url = `${t.server.metrics!.url}/metrics`;
      expect(url).toMatch(/^https:/);
      const ca = t.dir.caCertificatePem();
      expect((await get(url, { ca })).status).toBe(401);
      expect(
        (await get(url, { ca, headers: { Authorization: `Bearer ${'c'.repeat(40)}` } })).status,
      ).toBe(401);
      const ok = await get(url, { ca, headers: { Authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('tutti_ready');
    } finally {
      await t.stop();
    }
  });
});
