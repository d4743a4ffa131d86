/**
 * `npm run bench:core-host` — issue #26: the process that owns the windows must never be held
 * up by the core. This process stands in for Electron's main process: it starts the real core
 * host (`tutti core-host`, a child process, as the browser mode does), listens to its events as
 * a window would, and measures its own event loop (`monitorEventLoopDelay`, and the longest gap
 * between 5 ms ticks) while the core
 *   1. imports verein-gross.mdb (6,000 members…): open, preview and run, as the wizard calls them;
 *   2. runs a fresh device's initial sync of the bench:sync workload (57,562 records) from a
 *      club server in a worker thread (its work is on another thread, not in this loop).
 * Goal: the longest stall ≤ 50 ms in each. Also printed: how long each took through the host.
 *
 * TUTTI_BENCH_SCALE=0.1 syncs a tenth of the workload (a quick look, not the figure).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CoreHost } from '../../electron/coreHost/coreHost.ts';
import { forkNodeHost } from '../../electron/coreHost/nodeHostProcess.ts';
import { LocalStore } from '../../electron/store/localStore.ts';
import { SyncSettings } from '../../electron/sync/syncSettings.ts';
import { fixture } from '../support/fixtures.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { startClubServerThread } from './clubServerThread.ts';
import { FULL_SIZE, scaled } from './syncWorkload.ts';

const GOAL_STALL_MS = 50;
const SCALE = Number(process.env.TUTTI_BENCH_SCALE ?? 1);
const temp = makeTempDir('tutti-bench-core-host-');

interface LoopFigures {
  /** The longest stall: the largest delay monitorEventLoopDelay saw, or a gap between ticks. */
  maxMs: number;
  p99Ms: number;
  ticks: number;
}

/** Watches this process's event loop until `stop()`. */
function watchLoop(): { stop(): LoopFigures } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const every = 5;
  let last = performance.now();
  let worstGap = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worstGap = Math.max(worstGap, now - last - every);
    last = now;
    ticks++;
  }, every);
  return {
    stop() {
      clearInterval(timer);
      histogram.disable();
      return {
        maxMs: Math.max(histogram.max / 1e6, worstGap),
        p99Ms: histogram.percentile(99) / 1e6,
        ticks,
      };
    },
  };
}

/** A host on a fresh profile, with a window's listener that passes the events on unread. */
async function startHost(profileDir: string, key: Buffer) {
  const host = await CoreHost.start({
    spawn: () => forkNodeHost(),
    profileDir,
    key,
    background: false,
    log: (line) => console.error(line),
  });
  const received = { records: 0, bytes: 0, statuses: 0 };
  host.onEvent((name, json) => {
    if (name === 'records') received.records++;
    else received.statuses++;
    received.bytes += json.length;
  });
  return { host, received };
}

async function call(host: CoreHost, method: string, ...args: unknown[]) {
  const answer = JSON.parse(await host.callText(JSON.stringify({ method, args })));
  if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

function line(name: string, figures: LoopFigures, tookMs: number, extra: string): void {
  const verdict = figures.maxMs <= GOAL_STALL_MS ? 'met' : 'MISSED';
  console.log(
    `  ${name.padEnd(34)} longest stall ${figures.maxMs.toFixed(1).padStart(5)} ms (goal ≤ ${GOAL_STALL_MS} ms, ${verdict}); p99 ${figures.p99Ms.toFixed(1)} ms; took ${(tookMs / 1000).toFixed(2)} s; ${extra}`,
  );
}

async function benchImport(): Promise<void> {
  const file = fixture('legacy', 'verein-gross.mdb');
  const content = readFileSync(file).toString('base64');
  // The request body as the page sends it; made before the watch, as the page makes it.
  const openBody = JSON.stringify({
    method: 'importOpen',
    args: ['verein-gross.mdb', content, null],
  });
  const key = randomBytes(32);
  const { host, received } = await startHost(join(temp.dir, 'import'), key);
  try {
    // Each step watched on its own: between them the bench reads the answers (the mapping),
    // which is the page's work, not the main process's.
    const steps: { name: string; figures: LoopFigures; json: string }[] = [];
    const step = async (name: string, request: () => Promise<string>) => {
      const watch = watchLoop();
      const json = await request();
      steps.push({ name, figures: watch.stop(), json });
      const answer = JSON.parse(json);
      if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer.error)}`);
      return answer.value;
    };
    const started = performance.now();
    const { mapping } = await step('open', () => host.callText(openBody));
    const body = (method: string) => JSON.stringify({ method, args: [mapping] });
    await step('preview', () => host.callText(body('importPreview')));
    await step('run', () => host.callText(body('importRun')));
    const took = performance.now() - started;
    const members = (await call(host, 'list', 'members')).length;
    const worst = steps.reduce((a, b) => (b.figures.maxMs > a.figures.maxMs ? b : a));
    line(
      'import of verein-gross.mdb',
      { ...worst.figures, p99Ms: Math.max(...steps.map((s) => s.figures.p99Ms)) },
      took,
      `${members} members; ${received.records} record events (${(received.bytes / 1e6).toFixed(1)} MB) passed on; longest stall by step: ${steps.map((s) => `${s.name} ${s.figures.maxMs.toFixed(0)} ms`).join(', ')}`,
    );
  } finally {
    await host.stop();
  }
}

async function benchInitialSync(): Promise<void> {
  const size = scaled(FULL_SIZE, SCALE);
  const server = await startClubServerThread(size);
  const { records } = server;
  const device = await server.enrol();
  // The fresh device: an empty profile connected with the club server.
  const profileDir = join(temp.dir, 'sync');
  mkdirSync(profileDir, { recursive: true });
  const key = randomBytes(32);
  const store = LocalStore.open(join(profileDir, 'tutti.db'), key);
  new SyncSettings(store.meta).connect(device.syncUrl, device);
  store.close();
  const { host, received } = await startHost(profileDir, key);
  try {
    const watch = watchLoop();
    const started = performance.now();
    await call(host, 'syncNow');
    const took = performance.now() - started;
    const figures = watch.stop();
    let arrived = 0;
    for (const entity of ['registers', 'members', 'instruments', 'loans', 'events', 'attendance'])
      arrived += (await call(host, 'list', entity)).length;
    if (arrived < records) throw new Error(`the fresh device holds ${arrived} of ${records}`);
    line(
      `initial sync of ${records} records`,
      figures,
      took,
      `${received.records} record events (${(received.bytes / 1e6).toFixed(1)} MB), ${received.statuses} status events passed on`,
    );
  } finally {
    await host.stop();
    await server.stop();
  }
}

try {
  console.log(
    'Tutti core host benchmark: this process stands in for Electron’s main process; the core runs in its child process',
  );
  await benchImport();
  await benchInitialSync();
} finally {
  temp.cleanup();
}
