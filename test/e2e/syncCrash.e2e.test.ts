/**
 * Crashes in the middle of a sync lose nothing: the desktop core (`tutti sync`) killed with
 * SIGKILL while it pushes and pulls, and the club server (`tutti-server start`, PGlite) killed
 * with SIGKILL while a push is under way. Afterwards the next round completes and every record
 * is on the server exactly once. When the kill lands differs from run to run; what must hold
 * does not depend on it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClubService } from '../../electron/core/clubService.ts';
import { openProfile, passphraseKeyStore } from '../../electron/core/profile.ts';
import { freePort } from '../support/freePort.ts';
import { makeTempDir } from '../support/tempDir.ts';
import {
  REPO_ROOT,
  type RunResult,
  runBin,
  runTutti,
  writePassphraseFile,
} from '../support/tuttiProcess.ts';

const SERVER_BIN = join(REPO_ROOT, 'bin', 'tutti-server.js');
const RECORDS = 900;
/** Pushes of 10 changes each: many transactions on the server, so a kill lands between them. */
const BATCH = ['--batch', '10'];

describe('crashes during a sync', () => {
  const temp = makeTempDir('tutti-crash-');
  const data = join(temp.dir, 'server');
  const serverPassphrase = join(temp.dir, 'server-passphrase');
  let env: Record<string, string>;
  let server: ChildProcess | null = null;
  let ports: { web: number; devices: number };
  let clubId = '';
  let userId = '';

  const admin = (...args: string[]): Promise<RunResult> =>
    runBin(SERVER_BIN, [...args, '--data', data]);
  const lastLine = (r: RunResult) => r.stdout.trim().split('\n').at(-1) ?? '';

  const startServer = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          SERVER_BIN,
          'start',
          '--data',
          data,
          '--passphrase-file',
          serverPassphrase,
          '--host',
          '127.0.0.1',
          '--web-port',
          String(ports.web),
          '--device-port',
          String(ports.devices),
          '--metrics-port',
          '0',
        ],
        { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      server = child;
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('devices: ')) resolve();
      });
      let err = '';
      child.stderr!.on('data', (d) => (err += d));
      child.once('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
    });

  const killServer = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.removeAllListeners('exit');
      server.once('exit', () => resolve());
      server.kill('SIGKILL');
      server = null;
    });

  /** A new profile, enrolled with a fresh code. */
  const newDesktop = async (name: string): Promise<string> => {
    const profile = join(temp.dir, name);
    const code = lastLine(await admin('enroll-code', '--club', clubId, '--user', userId));
    const enrolled = await runTutti(
      [
        'enroll',
        '--profile',
        profile,
        '--server',
        `https://localhost:${ports.web}`,
        '--code',
        code,
      ],
      env,
    );
    expect(enrolled.code, enrolled.stderr).toBe(0);
    return profile;
  };

  /** Adds members to a profile directly (the core is not running meanwhile). */
  const addMembers = async (profile: string, count: number, prefix: string) => {
    const opened = await openProfile(profile, passphraseKeyStore(profile, env));
    try {
      const api = new ClubService(opened.store, profile);
      for (let i = 0; i < count; i += 1) {
        const saved = api.saveNow('members', {
          firstName: `${prefix}${i}`,
          lastName: 'Absturz',
          status: 'aktiv',
        } as never);
        if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      }
    } finally {
      opened.close();
    }
  };

  /** What a fresh device receives: the server's members, by first name. */
  const serverMembers = async (): Promise<string[]> => {
    const profile = await newDesktop(`check-${Date.now()}`);
    const synced = await runTutti(['sync', '--profile', profile], env);
    expect(synced.code, synced.stderr).toBe(0);
    const exported = await runTutti(
      ['export', 'members', '--profile', profile, '--format', 'json'],
      env,
    );
    return (JSON.parse(exported.stdout) as { firstName: string }[]).map((m) => m.firstName);
  };

  /** How many records the server has created so far (its audit log, through the admin socket). */
  const createdOnServer = async (): Promise<number> =>
    (await admin('audit', '--club', clubId)).stdout
      .split('\n')
      .filter((line) => line.split('\t')[3] === 'create').length;

  /** Resolves once the server has created more than `baseline` records: the push is under way. */
  const whenPushing = async (baseline: number): Promise<number> => {
    for (;;) {
      const created = await createdOnServer();
      if (created > baseline) return created;
    }
  };

  /** Starts `tutti sync` and kills it with SIGKILL once its push is under way. */
  const killedSync = async (profile: string): Promise<number> => {
    const baseline = await createdOnServer();
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'bin', 'tutti.js'), 'sync', '--profile', profile, ...BATCH],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: 'ignore' },
    );
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const created = await whenPushing(baseline);
    child.kill('SIGKILL');
    await exited;
    return created;
  };

  beforeAll(async () => {
    env = { TUTTI_PASSPHRASE_FILE: writePassphraseFile(temp.dir) };
    writeFileSync(serverPassphrase, 'crash-test-passphrase\n', { mode: 0o600 });
    ports = { web: await freePort(), devices: await freePort() };
    expect((await admin('init', '--passphrase-file', serverPassphrase)).code).toBe(0);
    clubId = lastLine(await admin('club', 'create', 'Absturzkapelle'));
    userId = lastLine(
      await admin('user', 'add', '--club', clubId, '--name', 'Eva', '--role', 'administrator'),
    );
    await startServer();
  }, 120_000);

  afterAll(async () => {
    await killServer();
    temp.cleanup();
  });

  it('desktop core killed mid-round: the next round completes, every record arrives once', async () => {
    const profile = await newDesktop('laptop');
    await addMembers(profile, RECORDS, 'A');
    // Killed twice, each time once its push was under way on the server.
    const first = await killedSync(profile);
    const second = await killedSync(profile);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    // The second kill may land in the pull that follows the push: a crash mid-round all the same.
    expect(second).toBeLessThanOrEqual(RECORDS);
    const finished = await runTutti(['sync', '--profile', profile], env);
    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stdout).toContain('noch offen: 0');
    const names = await serverMembers();
    expect(names.length).toBe(RECORDS);
    expect(new Set(names).size).toBe(RECORDS);
  }, 300_000);

  it('server killed mid-push: after its restart the next round completes, nothing lost or doubled', async () => {
    const profile = join(temp.dir, 'laptop');
    await addMembers(profile, RECORDS, 'B');
    const baseline = await createdOnServer();
    const pushing = runTutti(['sync', '--profile', profile, ...BATCH], env);
    const created = await whenPushing(baseline);
    await killServer();
    const interrupted = await pushing;
    expect(created - baseline).toBeLessThan(RECORDS);
    expect(interrupted.code).toBe(1);
    expect(interrupted.stderr).toContain('Die Änderungen bleiben gespeichert');
    await startServer();
    const finished = await runTutti(['sync', '--profile', profile], env);
    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stdout).toContain('noch offen: 0');
    const names = await serverMembers();
    expect(names.length).toBe(2 * RECORDS);
    expect(new Set(names).size).toBe(2 * RECORDS);
  }, 300_000);
});
