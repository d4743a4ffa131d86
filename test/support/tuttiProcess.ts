/**
 * Runs the real `tutti` command in a child process, as a user would, with the passphrase read
 * from a file (TUTTI_PASSPHRASE_FILE).
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(REPO_ROOT, 'bin', 'tutti.js');
export const TEST_PASSPHRASE = 'Blasmusik-ist-schoen-2026';

export function writePassphraseFile(dir: string, passphrase = TEST_PASSPHRASE): string {
  const path = join(dir, 'passphrase.txt');
  writeFileSync(path, `${passphrase}\n`, { mode: 0o600 });
  return path;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one `tutti` command to its end. */
export function runTutti(
  args: string[],
  env: Record<string, string> = {},
  options: SpawnOptions = {},
): Promise<RunResult> {
  return runBin(BIN, args, env, options);
}

/** Runs one command of ours (`bin/…`) to its end. */
/**
 * The command line speaks the machine's language; tests that read its German lines pin it, so
 * they pass on a machine set to English as well (a test asks for English with `LANG` itself).
 */
const GERMAN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

export function runBin(
  bin: string,
  args: string[],
  env: Record<string, string> = {},
  options: SpawnOptions = {},
): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...GERMAN, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options,
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

export interface RunningTutti {
  url: string;
  child: ChildProcess;
  stderr(): string;
  /** Ends the core as closing the window would: SIGTERM, clean shutdown. */
  stop(): Promise<number | null>;
}

/** Starts `tutti start --browser` and resolves once it prints its address. */
export function startTutti(profile: string, passphraseFile: string): Promise<RunningTutti> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'start', '--browser', '--profile', profile], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...GERMAN, TUTTI_PASSPHRASE_FILE: passphraseFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(
      () => fail(new Error(`tutti did not start within 30 s: ${stderr}`)),
      30_000,
    );
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`tutti exited with ${code}: ${stderr}`));
    });
    child.stdout!.on('data', (d) => {
      stdout += d;
      const url = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(stdout)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      done({
        url,
        child,
        stderr: () => stderr,
        stop: () =>
          new Promise((stopped) => {
            if (child.exitCode !== null) return stopped(child.exitCode);
            child.once('exit', (code) => stopped(code));
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
