/**
 * `tutti-server` as an operator uses it: real processes, a real server in the background, the
 * admin socket while it runs and the data lock while it does not. Every refusal is one German
 * line with a non-zero exit; what a command creates is alone on its last line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EnrolledDevice, enrolDevice } from '../../electron/sync/enrolDevice.ts';
import { ProcessLock } from '../../shared/node/processLock.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { REPO_ROOT, type RunResult, runBin } from '../support/tuttiProcess.ts';

const BIN = join(REPO_ROOT, 'bin', 'tutti-server.js');
const UUID = /^[0-9a-f-]{36}$/;

describe('tutti-server command', () => {
  const temp = makeTempDir('tutti-server-cli-');
  const data = join(temp.dir, 'data');
  const passphraseFile = join(temp.dir, 'server-passphrase');
  const adminPasswordFile = join(temp.dir, 'admin-password');
  const wrongPasswordFile = join(temp.dir, 'wrong-password');
  let server: ChildProcess | null = null;
  let clubId = '';
  let userId = '';

  const run = (...args: string[]): Promise<RunResult> => runBin(BIN, [...args, '--data', data]);
  const lastLine = (r: RunResult) => r.stdout.trim().split('\n').at(-1) ?? '';
  const errorLines = (r: RunResult) => r.stderr.trim().split('\n');

  /** Starts the server and resolves with the two addresses it prints. */
  const startServer = () =>
    new Promise<{ web: string; devices: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          BIN,
          'start',
          '--data',
          data,
          '--passphrase-file',
          passphraseFile,
          '--host',
          '127.0.0.1',
          '--web-port',
          '0',
          '--device-port',
          '0',
          '--metrics-port',
          '0',
        ],
        { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      server = child;
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        const web = /^web: (https:\S+)$/m.exec(out)?.[1];
        const devices = /^devices: (https:\S+)$/m.exec(out)?.[1];
        if (web && devices) resolve({ web, devices });
      });
      let err = '';
      child.stderr!.on('data', (d) => (err += d));
      child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
    });

  const stopServer = () =>
    new Promise<number | null>((resolve) => {
      if (!server) return resolve(null);
      server.removeAllListeners('exit');
      server.once('exit', (code) => resolve(code));
      server.kill('SIGTERM');
      server = null;
    });

  beforeAll(() => {
    writeFileSync(passphraseFile, 'operator-passphrase-2026\n', { mode: 0o600 });
    writeFileSync(adminPasswordFile, 'vereins-admin-passwort\n', { mode: 0o600 });
    writeFileSync(wrongPasswordFile, 'falsches-passwort-123\n', { mode: 0o600 });
  });
  afterAll(async () => {
    await stopServer();
    temp.cleanup();
  });

  it('initialises a data directory with sealed keys and refuses to do it twice', async () => {
    const first = await run(
      'init',
      '--passphrase-file',
      passphraseFile,
      '--hostname',
      'localhost',
      '--hostname',
      '127.0.0.1',
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Fingerabdruck der CA \(SHA-256\): [0-9a-f]{64}/);
    const sealed = readFileSync(join(data, 'pki', 'keys.sealed'), 'utf8');
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(readdirSync(join(data, 'pki')).sort()).toEqual(['ca.crt', 'keys.sealed', 'server.crt']);
    const ca = readFileSync(join(data, 'pki', 'ca.crt'), 'utf8');
    const again = await run('init', '--passphrase-file', passphraseFile);
    expect(again.code).toBe(1);
    expect(errorLines(again)).toEqual([
      `${data} ist schon ein Tutti-Server-Verzeichnis; es bleibt unverändert.`,
    ]);
    expect(readFileSync(join(data, 'pki', 'ca.crt'), 'utf8')).toBe(ca);
  }, 60_000);

  it('manages clubs and users without a running server; ids come alone on the last line', async () => {
    const club = await run('club', 'create', 'Musikverein Harmonie Tal');
    expect(club.code).toBe(0);
    clubId = lastLine(club);
    expect(clubId).toMatch(UUID);
    expect(
      (await run('club', 'admin-password', '--club', clubId, '--password-file', adminPasswordFile))
        .code,
    ).toBe(0);
    const user = await run(
      'user',
      'add',
      '--club',
      clubId,
      '--name',
      'Eva Schriftführerin',
      '--role',
      'administrator',
    );
    userId = lastLine(user);
    expect(userId).toMatch(UUID);
    const badRole = await run(
      'role',
      'add',
      '--club',
      clubId,
      '--name',
      'notenwart',
      '--grant',
      'events:read:everywhere',
    );
    expect(badRole.code).toBe(1);
    expect(errorLines(badRole)).toEqual([
      '„everywhere“ in „events:read:everywhere“ ist nicht erlaubt. Möglich: all, ownRegisters, ownRecord.',
    ]);
    const role = await run(
      'role',
      'add',
      '--club',
      clubId,
      '--name',
      'notenwart',
      '--grant',
      'events:read,write:all',
    );
    expect(lastLine(role)).toBe('notenwart');
    expect((await run('role', 'list', '--club', clubId)).stdout).toContain(
      'notenwart\tnotenwart\tevents:read:all events:write:all',
    );
    // A user moves to another role; a register-bound role needs its registers.
    const leaderId = lastLine(
      await run('user', 'add', '--club', clubId, '--name', 'Rolf', '--role', 'notenwart'),
    );
    const noRegister = await run(
      'user',
      'update',
      '--club',
      clubId,
      '--user',
      leaderId,
      '--role',
      'registerfuehrer',
    );
    expect(noRegister.code).toBe(1);
    expect(errorLines(noRegister)).toEqual([
      'Die Rolle „registerfuehrer“ braucht mindestens ein Register (--register ID).',
    ]);
    const brass = '01900000-0000-7000-8000-00000000b1ec';
    const moved = await run(
      'user',
      'update',
      '--club',
      clubId,
      '--user',
      leaderId,
      '--role',
      'registerfuehrer',
      '--register',
      brass,
    );
    expect(moved.code, moved.stderr).toBe(0);
    expect((await run('user', 'list', '--club', clubId)).stdout).toContain(
      `${leaderId}\tRolf\tregisterfuehrer\t${brass}`,
    );
    expect(ProcessLock.holder(join(data, 'server.lock'))).toBeNull();
  }, 60_000);

  it('explains wrong calls in one line with a non-zero exit', async () => {
    const noClub = await run('user', 'add', '--name', 'X', '--role', 'vorstand');
    expect(noClub.code).toBe(2);
    expect(errorLines(noClub)).toEqual(['Es fehlt --club ID. Hilfe: tutti-server --help']);
    const unknownClub = await run('user', 'list', '--club', '01900000-0000-7000-8000-000000000000');
    expect(unknownClub.code).toBe(1);
    expect(errorLines(unknownClub)).toHaveLength(1);
    expect(unknownClub.stderr).toContain('gibt es nicht');
    const notADirectory = await runBin(BIN, ['club', 'list', '--data', temp.dir]);
    expect(notADirectory.code).toBe(1);
    expect(notADirectory.stderr).toContain('ist kein Tutti-Server-Verzeichnis');
    const wrongPassword = await run(
      'support',
      'grant',
      '--club',
      clubId,
      '--hours',
      '2',
      '--password-file',
      wrongPasswordFile,
    );
    expect(wrongPassword.code).toBe(1);
    expect(errorLines(wrongPassword)).toEqual([
      'Das Administrator-Passwort ist falsch (Fehlversuch 1 von 20).',
    ]);
  }, 60_000);

  let device: EnrolledDevice;
  let addresses: { web: string; devices: string };

  it('runs the server; commands go through the admin socket while it holds the data', async () => {
    addresses = await startServer();
    expect(ProcessLock.holder(join(data, 'server.lock'))).toMatchObject({ role: 'server' });
    // Only the owner may talk to the running server.
    expect(statSync(join(data, 'admin.sock')).mode & 0o777).toBe(0o600);
    expect(statSync(data).mode & 0o777).toBe(0o700);
    const busy = await run(
      'start',
      '--passphrase-file',
      passphraseFile,
      '--web-port',
      new URL(addresses.web).port,
    );
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('Der Server läuft schon mit diesen Daten');
    const code = await run('enroll-code', '--club', clubId, '--user', userId);
    expect(code.code).toBe(0);
    expect(lastLine(code)).toMatch(/^tutti1\.[A-Z2-7]{8}\.[A-Z2-7]{32}\.[0-9a-f]{64}$/);
    device = await enrolDevice(addresses.web, lastLine(code));
    const listed = await run('device', 'list', '--club', clubId);
    expect(listed.stdout).toContain(device.deviceId);
    expect(listed.stdout).toContain('aktiv');
    // The computer's name given at enrolment, which a person recognises.
    expect(listed.stdout).toContain(`${device.deviceId}\t${hostname()}\t`);
    // Ending support's access needs no password (none is asked for on the terminal either).
    const revoked = await run('support', 'revoke', '--club', clubId);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(lastLine(revoked)).toBe(
      'Für „Musikverein Harmonie Tal“ war kein Support-Zugriff freigegeben.',
    );
  }, 60_000);

  it('revokes a device through the running server: its next handshake is refused', async () => {
    const { request } = await import('node:https');
    const call = () =>
      new Promise<number | string>((resolve) => {
        const url = new URL('/api/v1/me', addresses.devices);
        const req = request(
          {
            host: '127.0.0.1',
            port: url.port,
            path: url.pathname,
            servername: 'localhost',
            agent: false,
            ca: device.caCertificatePem,
            cert: device.certificatePem,
            key: device.privateKeyPem,
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
        req.end();
      });
    expect(await call()).toBe(200);
    const revoked = await run('device', 'revoke', device.deviceId);
    expect(revoked.code).toBe(0);
    expect(await call()).not.toBe(200);
    const audit = await run('audit', '--club', clubId, '--since', '2020-01-01');
    expect(audit.code).toBe(0);
    const actions = audit.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t')[3]);
    expect(actions).toEqual([
      'club.create',
      'admin-password.set',
      'user.add',
      'role.add',
      'user.add',
      'user.update',
      'admin-password.wrong:1',
      'enrolment-code.create',
      'device.enrol',
      'support.revoke',
      'device.revoke',
    ]);
    expect(audit.stdout).toContain('127.0.0.1');
  }, 60_000);

  it('backs a club up to two targets through the running server, verifies and restores it', async () => {
    const one = await run(
      'backup',
      'setup',
      '--target',
      join(temp.dir, 'nur-eins'),
      '--passphrase-file',
      passphraseFile,
    );
    expect(one.code).toBe(1);
    expect(errorLines(one)).toEqual([
      'Bitte mindestens zwei Sicherungsziele mit --target ORDNER angeben, am besten auf verschiedenen Platten.',
    ]);
    const targets = [join(temp.dir, 'sicherung-a'), join(temp.dir, 'sicherung-b')];
    const setup = await run(
      'backup',
      'setup',
      '--target',
      targets[0]!,
      '--target',
      targets[1]!,
      '--passphrase-file',
      passphraseFile,
    );
    expect(setup.stderr).toBe('');
    expect(setup.code).toBe(0);
    const ran = await run('backup', 'run', '--club', clubId);
    expect(ran.stderr).toBe('');
    expect(ran.stdout.trim().split('\n')).toHaveLength(2);
    for (const target of targets)
      expect(readdirSync(target).sort()).toEqual(
        expect.arrayContaining([
          'tutti-schluessel.age',
          expect.stringMatching(/^club-.*\.tar\.gz\.age$/),
        ]),
      );
    const listed = await run('backup', 'list', '--club', clubId);
    expect(listed.stdout).toContain(targets[1]!);
    const verified = await run(
      'backup',
      'verify',
      '--club',
      clubId,
      '--passphrase-file',
      passphraseFile,
    );
    expect(verified.code).toBe(0);
    expect(verified.stdout.match(/^in Ordnung/gm)).toHaveLength(2);
    const wrong = await run(
      'backup',
      'verify',
      '--club',
      clubId,
      '--passphrase-file',
      wrongPasswordFile,
    );
    expect(wrong.code).toBe(1);
    expect(errorLines(wrong)).toEqual([
      'Die Server-Passphrase ist falsch; der Sicherungsschlüssel bleibt verschlossen.',
    ]);
    const restored = await run(
      'backup',
      'restore',
      '--club',
      clubId,
      '--passphrase-file',
      passphraseFile,
    );
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('zurückgesetzt');
    const audit = await run('audit', '--club', clubId);
    expect(audit.stdout).toContain('backup.run');
    expect(audit.stdout).toContain('club.restore');
  }, 120_000);

  it('stops cleanly on SIGTERM and releases the data for direct commands', async () => {
    expect(await stopServer()).toBe(0);
    expect(ProcessLock.holder(join(data, 'server.lock'))).toBeNull();
    expect(existsSync(join(data, 'admin.sock'))).toBe(false);
    const listed = await run('device', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('gesperrt seit');
  }, 60_000);

  it('does not open the empty embedded database when the server ran on PostgreSQL', async () => {
    const configPath = join(data, 'tutti-server.json');
    const config = readFileSync(configPath, 'utf8');
    writeFileSync(configPath, config.replace('"database": "pglite"', '"database": "postgres"'));
    try {
      const refused = await run('club', 'list');
      expect(refused.code).toBe(1);
      expect(errorLines(refused)).toEqual([
        'Der Server läuft mit PostgreSQL: bitte TUTTI_DATABASE_URL setzen (oder --database-url angeben) oder den Server starten.',
      ]);
    } finally {
      writeFileSync(configPath, config);
    }
  }, 60_000);

  it('is not kept out by the lock of a crashed process, even when its PID lives on elsewhere', async () => {
    // What an older Tutti left after a crash, naming a PID that now belongs to another program.
    writeFileSync(
      join(data, 'server.lock'),
      JSON.stringify({ pid: 1, role: 'server', since: '2026-11-01T00:00:00Z' }),
    );
    writeFileSync(join(data, 'server.lock.json'), JSON.stringify({ pid: 1, role: 'server' }));
    const listed = await run('club', 'list');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('Musikverein Harmonie Tal');
  }, 60_000);

  it('starts again at once after the server was killed with SIGKILL', async () => {
    await startServer();
    server!.removeAllListeners('exit');
    await new Promise((resolve) => {
      server!.once('exit', resolve);
      server!.kill('SIGKILL');
    });
    server = null;
    await startServer();
    expect(ProcessLock.holder(join(data, 'server.lock'))).toMatchObject({ role: 'server' });
    expect(await stopServer()).toBe(0);
  }, 60_000);
});
