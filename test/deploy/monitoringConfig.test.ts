/**
 * The monitoring files of deploy/monitoring (issue #28) as Debian's tools read them:
 * `promtool check config|rules`, `promtool test rules` (test/deploy/tutti.rules.test.yml proves
 * when TuttiServerDown and the other alerts fire), `amtool check-config` and the blackbox
 * exporter's `--config.check`. Also that every alert has its runbook section in
 * deploy/README.md.
 *
 * The shipped files name credential and CA files under /etc/tutti-monitoring/, which promtool
 * insists on finding. They are checked as shipped, except on a copy in a temporary folder where
 * that prefix points at stand-in files — nothing else is changed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const monitoring = join(root, 'deploy/monitoring');
const SECRET_PREFIX = '/etc/tutti-monitoring/';

const TOOLS = ['promtool', 'amtool', 'prometheus-blackbox-exporter'] as const;

function onPath(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

const missing = TOOLS.filter((tool) => !onPath(tool));
const isRoot = process.getuid?.() === 0;
// As root (the CI) test/setup-ci.sh installs them, so a missing tool is a failure there, not a skip.
const skip = missing.length > 0 && !isRoot;
if (skip)
  console.warn(
    `test/deploy/monitoringConfig.test.ts skipped: ${missing.join(', ')} missing — ` +
      "run 'sudo apt-get install prometheus prometheus-blackbox-exporter prometheus-alertmanager' " +
      '(or test/setup-ci.sh as root).',
  );

/** Runs a tool; the assertion shows its whole output when it fails. */
function run(command: string, args: string[], cwd = root): { status: number; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  const output = `$ ${command} ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}${
    result.error ? String(result.error) : ''
  }`;
  return { status: result.status ?? -1, output };
}

function expectSuccess(command: string, args: string[], cwd = root): string {
  const { status, output } = run(command, args, cwd);
  expect(status, output).toBe(0);
  return output;
}

const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe.skipIf(skip)('deploy/monitoring', () => {
  let work = '';

  /** The file copied into `work`, /etc/tutti-monitoring/ pointing at stand-ins there. */
  function copyWithStandIns(name: string): string {
    const text = readFileSync(join(monitoring, name), 'utf8');
    const standIns = join(work, 'etc-tutti-monitoring');
    const settings = text
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n');
    for (const [path] of settings.matchAll(/\/etc\/tutti-monitoring\/[^\s'",\]}]+/g)) {
      const standIn = join(standIns, path.slice(SECRET_PREFIX.length));
      mkdirSync(dirname(standIn), { recursive: true });
      writeFileSync(standIn, 'stand-in\n', { mode: 0o600 });
    }
    const copy = join(work, name);
    mkdirSync(dirname(copy), { recursive: true });
    writeFileSync(copy, text.replaceAll(SECRET_PREFIX, `${standIns}/`));
    return copy;
  }

  beforeAll(() => {
    if (missing.length > 0)
      throw new Error(
        `${missing.join(', ')} missing although running as root: test/setup-ci.sh installs ` +
          'prometheus, prometheus-blackbox-exporter and prometheus-alertmanager.',
      );
    work = mkdtempSync(join(tmpdir(), 'tutti-monitoring-'));
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('every file names its secrets and CAs only under /etc/tutti-monitoring/', () => {
    // The copies below rewrite exactly this prefix; a path elsewhere would go unchecked.
    for (const name of ['prometheus.yml', 'blackbox.yml', 'alertmanager.yml']) {
      const text = readFileSync(join(monitoring, name), 'utf8');
      const fileFields = text
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('#'))
        .filter((line) => /_file:/.test(line));
      expect(fileFields.length, name).toBeGreaterThan(0);
      for (const line of fileFields) expect(line, name).toContain(SECRET_PREFIX);
    }
  });

  it('prometheus.yml passes promtool check config (and with it the rules it loads)', () => {
    const config = copyWithStandIns('prometheus.yml');
    // rule_files is relative to the configuration: the rules go beside the copy unchanged.
    mkdirSync(join(work, 'rules'), { recursive: true });
    writeFileSync(
      join(work, 'rules/tutti.rules.yml'),
      readFileSync(join(monitoring, 'rules/tutti.rules.yml')),
    );
    const output = expectSuccess('promtool', ['check', 'config', config]);
    expect(output).toMatch(/SUCCESS: 1 rule files found/);
  });

  it('prometheus.yml has the jobs and intervals the spec names', () => {
    const text = read('deploy/monitoring/prometheus.yml');
    for (const job of ['tutti-probe-web', 'tutti-probe-devices', 'tutti-metrics', 'blackbox'])
      expect(text).toMatch(new RegExp(`^\\s+- job_name: ${job}$`, 'm'));
    expect(text).toMatch(/^ {2}scrape_interval: 60s$/m);
    expect(text).toMatch(/^ {2}evaluation_interval: 60s$/m);
    // Identical labels from both Prometheus servers, or the Alertmanagers notify twice.
    expect(text).not.toMatch(/^\s*external_labels:/m);
  });

  it('the rules pass promtool check rules', () => {
    expectSuccess('promtool', ['check', 'rules', 'deploy/monitoring/rules/tutti.rules.yml']);
  });

  it('the rules behave as test/deploy/tutti.rules.test.yml says (promtool test rules)', () => {
    expectSuccess('promtool', ['test', 'rules', 'test/deploy/tutti.rules.test.yml']);
  });

  it('alertmanager.yml passes amtool check-config', () => {
    expectSuccess('amtool', ['check-config', 'deploy/monitoring/alertmanager.yml']);
    expectSuccess('amtool', ['check-config', copyWithStandIns('alertmanager.yml')]);
  });

  it('blackbox.yml passes the exporter’s own check', () => {
    expectSuccess('prometheus-blackbox-exporter', [
      '--config.check',
      '--config.file',
      copyWithStandIns('blackbox.yml'),
    ]);
  });

  it('every alert has severity, German and English summaries and a runbook section', () => {
    const rules = read('deploy/monitoring/rules/tutti.rules.yml');
    const readme = read('deploy/README.md');
    const alerts = [...rules.matchAll(/^\s+- alert: (\w+)$/gm)].map((m) => m[1]!);
    expect(alerts).toContain('TuttiServerDown');
    expect(alerts.length).toBeGreaterThanOrEqual(10);
    const blocks = rules.split(/^\s+- alert: /m).slice(1);
    for (const [i, block] of blocks.entries()) {
      const name = alerts[i]!;
      expect(block, name).toMatch(/^\s+severity: (critical|warning)$/m);
      expect(block, name).toMatch(/^\s+summary: .*\{\{ \$labels\.(server|location) \}\}/m);
      expect(block, name).toMatch(/^\s+summary_en: /m);
      expect(block, name).toMatch(/^\s+description: /m);
      expect(block, name).toContain(`runbook: deploy/README.md#${name.toLowerCase()}`);
      expect(readme, `deploy/README.md needs a section "### ${name}"`).toMatch(
        new RegExp(`^### ${name}$`, 'm'),
      );
    }
  });
});
