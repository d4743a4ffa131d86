/**
 * A real `tutti-server` process as an operator runs it: `start` in the background on fixed free
 * ports, stopped by SIGTERM or SIGKILL. Its data directory is made and administered by the
 * command line's own `main` in the test's process — the same code path as `tutti-server …`
 * without a process start each (4 s with tsx); `serverCli.e2e.test.ts` runs the real commands.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../server/cli/main.ts';
import { freePort } from './freePort.ts';
import { REPO_ROOT, type RunResult } from './tuttiProcess.ts';

export const SERVER_BIN = join(REPO_ROOT, 'bin', 'tutti-server.js');

export interface ServerProcess {
  data: string;
  ports: { web: number; devices: number; metrics: number };
  webUrl: string;
  /** One `tutti-server` command on this data directory (through the admin socket while it runs). */
  admin(...args: string[]): Promise<RunResult>;
  /** The last line of a successful command's output (the id or code it created). */
  created(...args: string[]): Promise<string>;
  /** Changes `tutti-server.json` (for settings that have no command). */
  configure(change: (config: Record<string, unknown>) => void): void;
  start(): Promise<void>;
  /** The running process, or null. */
  child(): ChildProcess | null;
  /** Everything the server wrote to stderr (its log) since it last started. */
  log(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Initialises a data directory in `dir` and picks free ports; nothing runs yet. */
export async function initServerProcess(
  dir: string,
  /** Further options of `tutti-server start` (e.g. a metrics token file). */
  startArgs: string[] = [],
): Promise<ServerProcess> {
  const data = join(dir, 'server-data');
  const passphraseFile = join(dir, 'server-passphrase');
  writeFileSync(passphraseFile, 'operator-passphrase-robust\n', { mode: 0o600 });
  const ports = { web: await freePort(), devices: await freePort(), metrics: await freePort() };
  const admin = async (...args: string[]): Promise<RunResult> => {
    let stdout = '';
    let stderr = '';
    const code = await main(
      [...args, '--data', data],
      (line) => (stdout += `${line}\n`),
      (line) => (stderr += `${line}\n`),
    );
    return { code, stdout, stderr };
  };
  const init = await admin('init', '--passphrase-file', passphraseFile);
  if (init.code !== 0) throw new Error(`tutti-server init failed: ${init.stderr}`);
  let child: ChildProcess | null = null;
  let stderr = '';

  return {
    data,
    ports,
    webUrl: `https://localhost:${ports.web}`,
    admin,
    async created(...args) {
      const result = await admin(...args);
      if (result.code !== 0) throw new Error(`tutti-server ${args.join(' ')}: ${result.stderr}`);
      return result.stdout.trim().split('\n').at(-1) ?? '';
    },
    configure(change) {
      const path = join(data, 'tutti-server.json');
      const config = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      change(config);
      writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    },
    start: () =>
      new Promise<void>((resolve, reject) => {
        stderr = '';
        const started = spawn(
          process.execPath,
          [
            SERVER_BIN,
            'start',
            '--data',
            data,
            '--passphrase-file',
            passphraseFile,
            '--host',
            '127.0.0.1',
            '--web-port',
            String(ports.web),
            '--device-port',
            String(ports.devices),
            '--metrics-port',
            String(ports.metrics),
            ...startArgs,
          ],
          { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        child = started;
        let out = '';
        started.stdout!.on('data', (d) => {
          out += d;
          if (out.includes('devices: ')) resolve();
        });
        started.stderr!.on('data', (d) => (stderr += d));
        started.once('exit', (code, signal) => {
          if (child === started) child = null;
          reject(new Error(`tutti-server exited (${code ?? signal}): ${stderr}`));
        });
      }),
    child: () => child,
    log: () => stderr,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        const running = child;
        if (!running || running.exitCode !== null) return resolve(running?.exitCode ?? null);
        running.once('exit', (code) => resolve(code));
        running.kill(signal);
        child = null;
      }),
  };
}
