/**
 * The monitor end to end (issue #28), with real processes: `tutti-server`, Debian's
 * Prometheus, two blackbox exporters standing for the two locations, Alertmanager, the SMS
 * relay (`tutti-server sms-relay`), an SMTP server in this process and a local HTTP receiver
 * standing for the SMS gateway. The shipped deploy/monitoring files run with every duration
 * divided by 30 (a minute is two seconds), so "two consecutive probes" keeps its meaning.
 *
 * - The server killed (SIGKILL): within 60 s exactly one mail and one SMS name it.
 * - Restarted: one recovery mail and one recovery SMS.
 * - One location broken alone (its probes aimed at a closed port): no alert.
 * - A failing backup target: a warning by mail, and in /readyz.
 *
 * It runs in the unit project, beside the other tests: it spends most of its minute waiting for
 * the monitor's clocks, and needs no browser.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/freePort.ts';
import { type MonitoringStack, startMonitoringStack } from '../support/monitoringStack.ts';
import { initServerProcess, SERVER_BIN, type ServerProcess } from '../support/serverProcess.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { REPO_ROOT } from '../support/tuttiProcess.ts';

interface Mail {
  subject: string;
  raw: string;
}

/** A Subject header as a reader sees it (RFC 2047 encoded words decoded, lines unfolded). */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? '';
  return header
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bqBQ])\?([^?]*)\?=/g, (_, _charset, kind: string, text: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`),
            'utf8',
          )
            .toString()
            .replace(/(%[0-9A-F]{2})+/gi, (m) => decodeURIComponent(m)),
    );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, ok: () => boolean | Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for: ${what}`);
    await sleep(250);
  }
}

function readyz(server: ServerProcess, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `https://localhost:${server.ports.web}/readyz`,
      { ca, agent: false, signal: AbortSignal.timeout(5_000) },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('monitoring from two locations, alerts by mail and SMS', () => {
  const temp = makeTempDir('tutti-monitoring-');
  const work = temp.dir;
  const secrets = join(work, 'etc-tutti-monitoring');
  const clientDir = (location: 'standort-a' | 'standort-b') => join(secrets, 'clients', location);
  const targetA = join(work, 'sicherung-a');
  const targetB = join(work, 'sicherung-b');
  const mails: Mail[] = [];
  const texts: { to: string; text: string }[] = [];
  let smtp: SMTPServer;
  let gateway: Server;
  let relay: ChildProcess;
  let server: ServerProcess;
  let stack: MonitoringStack;
  let ca = '';

  const named = (alert: string) => ({
    mails: () => mails.filter((m) => m.subject.includes(alert)),
    texts: () => texts.filter((t) => t.text.includes(`(${alert})`)),
  });
  const down = named('TuttiServerDown');
  const diagnostics = () =>
    `mails: ${JSON.stringify(mails.map((m) => m.subject))}\nsms: ${JSON.stringify(texts)}\n${stack?.logs().slice(-4000)}`;

  beforeAll(async () => {
    mkdirSync(secrets, { recursive: true });
    // Mail: an SMTP server in this process records what Alertmanager sends.
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        let raw = '';
        stream.on('data', (d) => (raw += d));
        stream.on('end', () => {
          mails.push({ raw, subject: subjectOf(raw) });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    // SMS: the gateway is a local HTTP receiver that records what it got.
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        texts.push(JSON.parse(body) as { to: string; text: string });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"queued":true}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const relayToken = 'relay-token-'.padEnd(48, 'x');
    writeFileSync(join(secrets, 'sms-relay.token'), `${relayToken}\n`, { mode: 0o600 });
    const relayPort = await freePort();
    const relayConfig = join(work, 'sms-relay.json');
    writeFileSync(
      relayConfig,
      JSON.stringify({
        listen: { host: '127.0.0.1', port: relayPort },
        tokenFile: join(secrets, 'sms-relay.token'),
        gateway: {
          url: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
          body: '{"to":{to:json},"text":{text:json}}',
          headers: { 'Content-Type': 'application/json' },
          timeoutSeconds: 5,
        },
        recipients: ['+4917012345678'],
        retries: 2,
      }),
    );
    relay = spawn(process.execPath, [SERVER_BIN, 'sms-relay', '--config', relayConfig], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });

    // The Tutti server: metrics over TLS with a token, warnings probed every second, backups
    // to two targets.
    const metricsToken = 'metrics-token-'.padEnd(48, 'y');
    writeFileSync(join(secrets, 'metrics.token'), `${metricsToken}\n`, { mode: 0o600 });
    server = await initServerProcess(work, [
      '--metrics-token-file',
      join(secrets, 'metrics.token'),
    ]);
    server.configure((config) => {
      config.readinessIntervalSeconds = 1;
    });
    const setup = await server.admin(
      'backup',
      'setup',
      '--target',
      targetA,
      '--target',
      targetB,
      '--passphrase-file',
      join(work, 'server-passphrase'),
    );
    expect(setup.code, setup.stderr).toBe(0);
    copyFileSync(join(server.data, 'pki', 'ca.crt'), join(secrets, 'tutti-ca.crt'));
    ca = readFileSync(join(secrets, 'tutti-ca.crt'), 'utf8');
    await server.start();
    await server.created('club', 'create', 'Musikverein Alarmstufe');
    // Each location's monitoring client certificate, issued by the running server.
    for (const location of ['standort-a', 'standort-b'] as const)
      await server.created('monitor', 'issue', '--name', location, '--out', clientDir(location));

    await new Promise<void>((resolve, reject) => {
      let out = '';
      relay.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('sms-relay: ')) resolve();
      });
      relay.once('exit', (code) => reject(new Error(`sms-relay exited ${code}`)));
    });

    stack = await startMonitoringStack({
      work,
      target: {
        host: 'localhost',
        webPort: server.ports.web,
        devicePort: server.ports.devices,
        metricsPort: server.ports.metrics,
      },
      files: { secrets, clientDir },
      smtpPort,
      relayUrl: `http://127.0.0.1:${relayPort}/alerts`,
    });
    // Both locations reach both listeners, and Prometheus reads the server's metrics.
    await waitFor(
      'every probe succeeding from both locations and the metrics scraped',
      async () =>
        (await stack.query('probe_success{job=~"tutti-probe-.*"} == 1')).length === 4 &&
        (await stack.query('up{job="tutti-metrics"} == 1')).length === 1,
      60_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${diagnostics()}\n${server.log()}`);
    });
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await server?.stop();
    relay?.kill('SIGTERM');
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    gateway?.close();
    temp.cleanup();
  });

  it('the server killed: within 60 s exactly one mail and one SMS name it; restarted: one recovery of each', async () => {
    expect(down.mails(), diagnostics()).toEqual([]);
    const killedAt = Date.now();
    await server.stop('SIGKILL');
    await waitFor(
      'the alert by mail and SMS',
      () => down.mails().length > 0 && down.texts().length > 0,
      60_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${diagnostics()}`);
    });
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    const [mail] = down.mails();
    expect(mail!.subject).toMatch(/STÖRUNG: TuttiServerDown – localhost/);
    expect(down.texts()[0]).toEqual({
      to: '+4917012345678',
      text: expect.stringMatching(/AUSFALL: localhost/),
    });

    await server.start();
    await waitFor(
      'the recovery by mail and SMS',
      () => down.mails().length > 1 && down.texts().length > 1,
      60_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${diagnostics()}`);
    });
    // Another group interval: nothing more arrives for this outage.
    await sleep(12_000);
    expect(
      down.mails().map((m) => m.subject),
      diagnostics(),
    ).toEqual([
      expect.stringMatching(/STÖRUNG: TuttiServerDown – localhost/),
      expect.stringMatching(/BEHOBEN: TuttiServerDown – localhost/),
    ]);
    expect(
      down.texts().map((t) => t.text),
      diagnostics(),
    ).toEqual([
      expect.stringMatching(/AUSFALL: localhost/),
      expect.stringMatching(/BEHOBEN: localhost/),
    ]);
  }, 150_000);

  it('one location broken alone (its probes aimed at a closed port): no alert', async () => {
    const before = { mails: mails.length, texts: texts.length };
    const closed = await freePort();
    const aimAtClosedPort = (config: string) =>
      config
        .replace(
          /(- targets: \["https:\/\/tutti1\.example\.org:)8443(\/readyz"\]\n\s+labels: \{[^}]*location: standort-b)/,
          `$1${closed}$2`,
        )
        .replace(
          /(- targets: \["tutti1\.example\.org:)8444("\]\n\s+labels: \{[^}]*location: standort-b)/,
          `$1${closed}$2`,
        );
    let original = '';
    await stack.reconfigure((config) => {
      original = config;
      const broken = aimAtClosedPort(config);
      expect(broken).not.toBe(config);
      return broken;
    });
    try {
      await waitFor(
        'location b failing both probes',
        async () =>
          (await stack.query('probe_success{job=~"tutti-probe-.*",location="standort-b"} == 0'))
            .length === 2,
        30_000,
      );
      // Well past two probes, `for:` and the group wait: the other location still reaches it.
      await sleep(10_000);
      expect(await stack.query('ALERTS{alertname="TuttiServerDown"}')).toEqual([]);
      expect(
        mails.slice(before.mails).map((m) => m.subject),
        diagnostics(),
      ).toEqual([]);
      expect(texts.slice(before.texts), diagnostics()).toEqual([]);
    } finally {
      await stack.reconfigure(() => original);
    }
  }, 90_000);

  it('a failing backup target: a warning by mail, and in /readyz', async () => {
    // The second target stops being a folder; the next backup fails there.
    rmSync(targetB, { recursive: true, force: true });
    writeFileSync(targetB, 'kein Ordner mehr');
    // The operator running it by hand is told at once (exit 1, the target named)...
    const run = await server.admin('backup', 'run');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(targetB);
    // ...and the operators on call hear of it from the monitor.
    const failing = named('TuttiBackupTargetFailing');
    await waitFor('the backup warning by mail', () => failing.mails().length > 0, 60_000).catch(
      (error: Error) => {
        throw new Error(`${error.message}\n${diagnostics()}`);
      },
    );
    expect(failing.mails()[0]!.subject).toMatch(/STÖRUNG: TuttiBackupTargetFailing – localhost/);
    const ready = await readyz(server, ca);
    expect(ready.status).toBe(200);
    const report = JSON.parse(ready.body).value;
    expect(report.status).toBe('warning');
    expect(report.warnings.backup_target).toEqual({ state: 'warning', count: 1 });
    expect(ready.body).not.toContain(targetB);
    // Everything the run sent: the outage, its recovery, the backup warning — nothing else.
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringMatching(/STÖRUNG: TuttiServerDown – localhost/),
      expect.stringMatching(/BEHOBEN: TuttiServerDown – localhost/),
      expect.stringMatching(/STÖRUNG: TuttiBackupTargetFailing – localhost/),
    ]);
    expect(texts.map((t) => t.text)).toEqual([
      expect.stringMatching(/AUSFALL: localhost/),
      expect.stringMatching(/BEHOBEN: localhost/),
      expect.stringMatching(/WARNUNG: localhost: .*\(TuttiBackupTargetFailing\)/),
    ]);
  }, 90_000);
});
