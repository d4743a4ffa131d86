/**
 * `tutti start [--profile DIR] [--browser] [--port N]`: the desktop core with its UI. In
 * Electron where its binary and the app's main entry exist; otherwise (or with --browser) the
 * UI is served on 127.0.0.1 and the address with the per-start token is printed.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/api/appError.ts';
import { startLocalServer } from '../browser/localServer.ts';
import { defaultProfileDir, unlockProfileKey } from '../core/profile.ts';
import { CoreHost } from '../coreHost/coreHost.ts';
import { forkNodeHost } from '../coreHost/nodeHostProcess.ts';
import { parseCommandArgs } from './args.ts';
import type { Terminal } from './terminal.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIST = join(REPO_ROOT, 'dist', 'renderer');
const ELECTRON_MAIN = join(REPO_ROOT, 'dist', 'electron', 'main.cjs');

/** The Electron binary's path when the package and its downloaded binary are both there. */
export function findElectronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('bad_arguments', 'cli.start.badPort', { port: text });
  }
  return port;
}

export async function startCommand(argv: string[], cli: Terminal): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    profile: { type: 'string' },
    browser: { type: 'boolean', default: false },
    port: { type: 'string' },
  });
  const profileDir = resolve(values.profile ?? defaultProfileDir());
  const port = parsePort(values.port);

  if (!values.browser) {
    const electron = findElectronBinary();
    if (electron && existsSync(ELECTRON_MAIN)) {
      const { spawn } = await import('node:child_process');
      const child = spawn(electron, [ELECTRON_MAIN, '--profile', profileDir], { stdio: 'inherit' });
      return new Promise((done) => child.on('exit', (code) => done(code ?? 1)));
    }
    cli.note('cli.start.noElectron');
  }

  if (!existsSync(join(RENDERER_DIST, 'index.html'))) {
    throw new AppError('bad_arguments', 'cli.start.notBuilt');
  }
  // The key is unlocked here, where the terminal is; the core host opens the profile with it
  // in its own process, so that its work never holds up this one's answers (issue #26).
  const key = await unlockProfileKey(profileDir, cli.keyStore(profileDir));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let core: CoreHost;
  try {
    core = await CoreHost.start({
      spawn: () => forkNodeHost(),
      profileDir,
      key,
      background: true,
      log: (line) => log(`[tutti] ${line}`),
    });
  } finally {
    key.fill(0);
  }
  const server = await startLocalServer({ core, staticDir: RENDERER_DIST, port, log }).catch(
    async (error: NodeJS.ErrnoException) => {
      await core.stop();
      if (error.code === 'EADDRINUSE') {
        throw new AppError('bad_arguments', 'cli.start.portInUse', { port });
      }
      throw error;
    },
  );

  // The signal handlers before the address: whoever reads it may send SIGTERM at once, and a
  // signal arriving before a listener exists ends the process without closing the profile.
  const finished = new Promise<number>((done) => {
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await server.close();
      // Sync's round under way, the backup on close, the database closed — in the host.
      await core.stop();
      cli.note('cli.start.stopped');
      done(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  cli.note('cli.start.running', { profile: profileDir });
  cli.out.write(`${server.url}\n`);
  return finished;
}
