/**
 * Debian's Prometheus, two blackbox exporters (the two locations) and Alertmanager, started
 * from the shipped files in deploy/monitoring with every duration scaled down (issue #28):
 * what a minute is in production is two seconds here, so "two consecutive probes" and every
 * `for:` keep their meaning. Host names, ports and /etc paths are pointed at this test's
 * processes and files; nothing else in the files is changed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { freePort } from './freePort.ts';
import { REPO_ROOT } from './tuttiProcess.ts';

const DEPLOY = join(REPO_ROOT, 'deploy', 'monitoring');
/** Production minute → test seconds: every interval and `for:` is divided by this. */
export const TIME_SCALE = 30;
const SECRETS = '/etc/tutti-monitoring/';

export interface TuttiTarget {
  /** The server's host name as its certificate and the alerts name it. */
  host: string;
  webPort: number;
  devicePort: number;
  metricsPort: number;
}

export interface StackFiles {
  /** Stands for /etc/tutti-monitoring/ (CA, tokens; client/ per location). */
  secrets: string;
  /** This location's client certificate folder (what /etc/tutti-monitoring/client/ is there). */
  clientDir: (location: 'standort-a' | 'standort-b') => string;
}

function seconds(duration: string): number {
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
  let total = 0;
  for (const [, n, unit] of duration.matchAll(/(\d+)(ms|s|m|h|d)/g))
    total += Number(n) * units[unit!]!;
  return total;
}

const scaled = (duration: string) => `${Math.max(1, Math.round(seconds(duration) / TIME_SCALE))}s`;

function waitForHttp(url: string, deadlineMs = 30_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () =>
      fetch(url, { signal: AbortSignal.timeout(2_000) })
        .then((res) => (res.ok ? resolve() : retry()))
        .catch(retry);
    const retry = () =>
      Date.now() - started > deadlineMs
        ? reject(new Error(`${url} did not come up`))
        : setTimeout(attempt, 200);
    attempt();
  });
}

export interface MonitoringStack {
  prometheusUrl: string;
  /** Changes the Prometheus configuration (as text) and reloads it. */
  reconfigure(change: (config: string) => string): Promise<void>;
  /** The value of an instant PromQL query per series (labels joined as k=v,…). */
  query(expr: string): Promise<{ labels: Record<string, string>; value: number }[]>;
  logs(): string;
  stop(): Promise<void>;
}

export async function startMonitoringStack(options: {
  work: string;
  target: TuttiTarget;
  files: StackFiles;
  smtpPort: number;
  relayUrl: string;
}): Promise<MonitoringStack> {
  const { work, target, files } = options;
  const children: ChildProcess[] = [];
  let output = '';
  const run = (command: string, args: string[]) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    children.push(child);
    return child;
  };
  const ports = {
    prometheus: await freePort(),
    alertmanager: await freePort(),
    'standort-a': await freePort(),
    'standort-b': await freePort(),
  };

  // Blackbox exporters: one per location, its own client certificate.
  const blackbox = readFileSync(join(DEPLOY, 'blackbox.yml'), 'utf8');
  for (const location of ['standort-a', 'standort-b'] as const) {
    const config = parse(
      blackbox
        .replaceAll(`${SECRETS}client/`, `${files.clientDir(location)}/`)
        .replaceAll(SECRETS, `${files.secrets}/`)
        .replaceAll('tutti1.example.org', target.host),
    ) as { modules: Record<string, { timeout: string }> };
    for (const module of Object.values(config.modules)) module.timeout = '1s';
    const path = join(work, `blackbox-${location}.yml`);
    writeFileSync(path, stringify(config));
    run('prometheus-blackbox-exporter', [
      `--config.file=${path}`,
      `--web.listen-address=127.0.0.1:${ports[location]}`,
      '--timeout-offset=0.1',
    ]);
  }

  // Alert rules: every `for:` scaled.
  const rules = parse(readFileSync(join(DEPLOY, 'rules', 'tutti.rules.yml'), 'utf8')) as {
    groups: { interval?: string; rules: { for?: string }[] }[];
  };
  for (const group of rules.groups) {
    if (group.interval) group.interval = scaled(group.interval);
    for (const rule of group.rules) if (rule.for) rule.for = scaled(rule.for);
  }
  const rulesPath = join(work, 'tutti.rules.yml');
  writeFileSync(rulesPath, stringify(rules));

  // Prometheus: the shipped file, pointed here, intervals scaled.
  const prometheusText = (text: string) => {
    const config = parse(
      text
        .replaceAll('tutti1.example.org:8443', `${target.host}:${target.webPort}`)
        .replaceAll('tutti1.example.org:8444', `${target.host}:${target.devicePort}`)
        .replaceAll('tutti1.example.org:9469', `${target.host}:${target.metricsPort}`)
        .replaceAll('tutti1.example.org', target.host)
        .replaceAll('monitor-a.example.org:9115', `127.0.0.1:${ports['standort-a']}`)
        .replaceAll('monitor-b.example.org:9115', `127.0.0.1:${ports['standort-b']}`)
        .replaceAll(SECRETS, `${files.secrets}/`),
      { merge: true },
    ) as {
      global: Record<string, string>;
      rule_files: string[];
      alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] };
      scrape_configs: { scrape_timeout?: string; scrape_interval?: string }[];
    };
    config.global.scrape_interval = scaled(config.global.scrape_interval!);
    config.global.evaluation_interval = scaled(config.global.evaluation_interval!);
    config.rule_files = [rulesPath];
    config.alerting.alertmanagers = [
      { static_configs: [{ targets: [`127.0.0.1:${ports.alertmanager}`] }] },
    ];
    for (const job of config.scrape_configs) {
      if (job.scrape_interval) job.scrape_interval = scaled(job.scrape_interval);
      // A probe may take its module's 1 s; the scrape must wait a little longer.
      if (job.scrape_timeout) job.scrape_timeout = '1500ms';
    }
    return stringify(config, { aliasDuplicateObjects: false });
  };
  let prometheusSource = readFileSync(join(DEPLOY, 'prometheus.yml'), 'utf8');
  const prometheusPath = join(work, 'prometheus.yml');
  writeFileSync(prometheusPath, prometheusText(prometheusSource));
  mkdirSync(join(work, 'prometheus-data'));
  run('prometheus', [
    `--config.file=${prometheusPath}`,
    `--storage.tsdb.path=${join(work, 'prometheus-data')}`,
    `--web.listen-address=127.0.0.1:${ports.prometheus}`,
    '--web.enable-lifecycle',
  ]);

  // Alertmanager: the shipped routes and receivers, its smarthost and relay pointed here.
  const alertmanager = parse(
    readFileSync(join(DEPLOY, 'alertmanager.yml'), 'utf8').replaceAll(SECRETS, `${files.secrets}/`),
  ) as {
    route: Record<string, string>;
    receivers: {
      email_configs?: Record<string, unknown>[];
      webhook_configs?: Record<string, unknown>[];
    }[];
  };
  alertmanager.route.group_wait = scaled(alertmanager.route.group_wait!);
  alertmanager.route.group_interval = scaled(alertmanager.route.group_interval!);
  alertmanager.route.repeat_interval = '1h';
  for (const receiver of alertmanager.receivers) {
    for (const mail of receiver.email_configs ?? []) {
      mail.smarthost = `127.0.0.1:${options.smtpPort}`;
      mail.require_tls = false;
      delete mail.auth_username;
      delete mail.auth_password_file;
    }
    for (const hook of receiver.webhook_configs ?? []) hook.url = options.relayUrl;
  }
  const alertmanagerPath = join(work, 'alertmanager.yml');
  writeFileSync(alertmanagerPath, stringify(alertmanager));
  mkdirSync(join(work, 'alertmanager-data'));
  run('prometheus-alertmanager', [
    `--config.file=${alertmanagerPath}`,
    `--storage.path=${join(work, 'alertmanager-data')}`,
    `--web.listen-address=127.0.0.1:${ports.alertmanager}`,
    '--cluster.listen-address=',
  ]);

  const prometheusUrl = `http://127.0.0.1:${ports.prometheus}`;
  await Promise.all([
    waitForHttp(`${prometheusUrl}/-/ready`),
    waitForHttp(`http://127.0.0.1:${ports.alertmanager}/-/ready`),
    waitForHttp(`http://127.0.0.1:${ports['standort-a']}/-/healthy`),
    waitForHttp(`http://127.0.0.1:${ports['standort-b']}/-/healthy`),
  ]).catch((error: Error) => {
    throw new Error(`${error.message}\n${output}`);
  });

  return {
    prometheusUrl,
    async reconfigure(change) {
      prometheusSource = change(prometheusSource);
      writeFileSync(prometheusPath, prometheusText(prometheusSource));
      const res = await fetch(`${prometheusUrl}/-/reload`, { method: 'POST' });
      if (!res.ok) throw new Error(`reload failed: ${await res.text()}`);
    },
    async query(expr) {
      const res = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
      const body = (await res.json()) as {
        data: { result: { metric: Record<string, string>; value: [number, string] }[] };
      };
      return body.data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
    },
    logs: () => output,
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
