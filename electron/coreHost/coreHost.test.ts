/**
 * The core host as a separate process (issue #26): `tutti core-host` started as a Node child
 * process, exactly as the browser mode starts it; Electron's utility process runs the same
 * runtime. Calls, events, a crash and a hang with the restart that follows, the profile in use,
 * the folder dialog asked of the window's process, and a stop that closes the database.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/appError.ts';
import { fixture } from '../../test/support/fixtures.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { profilePaths } from '../core/profile.ts';
import { ProfileLock } from '../core/profileLock.ts';
import { CoreHost, type CoreHostOptions, type HostProcess } from './coreHost.ts';
import { fromHost, TEXT_PART_CHARS, toHost } from './hostMessages.ts';
import { forkNodeHost } from './nodeHostProcess.ts';

let temp: ReturnType<typeof makeTempDir>;
let key: Buffer;
const hosts: CoreHost[] = [];
const logged: string[] = [];

beforeEach(() => {
  temp = makeTempDir();
  key = randomBytes(32);
  logged.length = 0;
});
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.stop()));
  temp.cleanup();
});

async function startHost(options: Partial<CoreHostOptions> = {}): Promise<CoreHost> {
  const host = await CoreHost.start({
    spawn: () => forkNodeHost(),
    profileDir: temp.dir,
    key,
    background: false,
    log: (line) => logged.push(line),
    restartDelaysMs: [50, 100],
    ...options,
  });
  hosts.push(host);
  return host;
}

const call = async (host: CoreHost, method: string, ...args: unknown[]) =>
  JSON.parse(await host.callText(JSON.stringify({ method, args })));

/** Status events as the page gets them, parsed. */
function statusEvents(host: CoreHost) {
  const seen: {
    coreHost?: {
      state: string;
      restarts: number;
      failedStarts?: number;
      lastError?: { key: string; params?: Record<string, unknown> } | null;
    };
  }[] = [];
  host.onEvent((name, json) => {
    if (name === 'status') seen.push(JSON.parse(json));
  });
  return seen;
}

async function until<T>(probe: () => T | undefined, what: string, withinMs = 20_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the core host in its own process', () => {
  it('answers calls as JSON text and sends the records that changed as events', async () => {
    const host = await startHost();
    expect(host.pid).not.toBe(process.pid);
    const changes: { entity: string; upserted: { name: string }[] }[] = [];
    host.onEvent((name, json) => {
      if (name === 'records') changes.push(JSON.parse(json));
    });
    const saved = await call(host, 'save', 'registers', { name: 'Hörner' });
    expect(saved).toMatchObject({ ok: true, value: { name: 'Hörner' } });
    expect(JSON.parse(await host.invoke('list', ['registers']))).toMatchObject({
      ok: true,
      value: [{ name: 'Hörner' }],
    });
    await until(() => changes.length > 0 || undefined, 'the records event');
    expect(changes[0]).toMatchObject({ entity: 'registers', upserted: [{ name: 'Hörner' }] });
    // Malformed calls are answered by the host's checks, as in the same process.
    expect(await call(host, 'dropDatabase')).toMatchObject({
      ok: false,
      error: { code: 'bad_request', key: 'core.rpc.unknownMethod' },
    });
    expect(JSON.parse(await host.callText('{"method":'))).toMatchObject({
      ok: false,
      error: { key: 'core.rpc.notJson' },
    });
    expect(await call(host, 'save', 'members', 'Anna')).toMatchObject({ ok: false });
  });

  it('passes a list larger than one message in parts, whole and in order', async () => {
    const host = await startHost();
    const notes = 'Spielt seit 1955 – Ehrennadel in Gold. '.repeat(30).trim();
    for (let i = 0; i < 300; i++)
      expect(
        await call(host, 'save', 'members', {
          firstName: `Person ${String(i).padStart(3, '0')}`,
          lastName: 'Muster',
          status: 'aktiv',
          notes,
        }),
      ).toMatchObject({ ok: true });
    const json = await host.invoke('list', ['members']);
    expect(json.length).toBeGreaterThan(TEXT_PART_CHARS); // more than one part
    const members = JSON.parse(json).value as { firstName: string; notes: string }[];
    expect(members).toHaveLength(300);
    expect(members.every((m) => m.notes === notes)).toBe(true);
    expect(new Set(members.map((m) => m.firstName)).size).toBe(300);
  });

  it('after a crash says so, answers calls in words, starts again and keeps what was committed', async () => {
    const host = await startHost();
    const statuses = statusEvents(host);
    for (const name of ['Hörner', 'Tuben', 'Flöten'])
      expect(await call(host, 'save', 'registers', { name })).toMatchObject({ ok: true });
    const firstPid = host.pid!;
    process.kill(firstPid, 'SIGKILL');
    await until(
      () => statuses.find((s) => s.coreHost?.state === 'restarting'),
      'the restarting status',
    );
    // Meanwhile a call is answered at once, in words; nothing waits for the dead host.
    const during = await call(host, 'list', 'registers');
    if (!during.ok) expect(during.error).toMatchObject({ code: 'unavailable' });
    await until(
      () => statuses.find((s) => s.coreHost?.state === 'running' && s.coreHost.restarts === 1),
      'the running status after the restart',
    );
    expect(host.pid).not.toBe(firstPid);
    const after = await call(host, 'list', 'registers');
    expect(after.value.map((r: { name: string }) => r.name).sort()).toEqual([
      'Flöten',
      'Hörner',
      'Tuben',
    ]);
    expect(host.view()).toMatchObject({ state: 'running', restarts: 1 });
    expect(logged.join('\n')).toMatch(/ended unasked \(SIGKILL\)/);
  });

  it('ends a host that stopped answering, answers the call that waited, and starts a new one', async () => {
    const host = await startHost({ pingEveryMs: 100, silentAfterMs: 1_000 });
    expect(await call(host, 'save', 'registers', { name: 'Hörner' })).toMatchObject({ ok: true });
    const hungPid = host.pid!;
    process.kill(hungPid, 'SIGSTOP'); // a hang: alive, answering nothing
    const waiting = call(host, 'list', 'registers');
    const answered = await waiting;
    expect(answered).toMatchObject({
      ok: false,
      error: { code: 'unavailable', key: 'core.host.crashed' },
    });
    await until(() => host.view().state === 'running' && host.pid !== hungPid, 'the new host');
    const listed = await call(host, 'list', 'registers');
    expect(listed).toMatchObject({
      ok: true,
      value: [{ name: 'Hörner' }],
    });
    expect(logged.join('\n')).toMatch(/has not answered 10 pings in a row/);
    // The new host, slow to start, is not taken for a silent one: it was ended once only.
    expect(logged.filter((line) => line.includes('has not answered'))).toHaveLength(1);
  });

  it('refuses to start on a profile another Tutti has open, saying who', async () => {
    const lock = ProfileLock.acquire(profilePaths(temp.dir).lock);
    try {
      const refused = await startHost().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('profile_in_use');
    } finally {
      lock.release();
    }
  });

  it('refuses a wrong key with the message opening the profile here would give', async () => {
    const host = await startHost();
    await call(host, 'save', 'registers', { name: 'Hörner' });
    await host.stop();
    key = randomBytes(32);
    const refused = await startHost().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
  });

  it('asks the window’s process for the folder dialog', async () => {
    const asked: (string | null)[] = [];
    const host = await startHost({
      pickFolder: async (current) => {
        asked.push(current);
        return '/home/verein/Sicherung';
      },
    });
    expect(await call(host, 'pickBackupFolder')).toEqual({
      ok: true,
      value: '/home/verein/Sicherung',
    });
    expect(asked).toEqual([null]);
  });

  it('stops: the database closed, the profile free, calls answered as stopping', async () => {
    const host = await startHost();
    await call(host, 'save', 'registers', { name: 'Hörner' });
    const pid = host.pid!;
    await host.stop();
    expect(ProfileLock.isHeld(profilePaths(temp.dir).lock)).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow(); // the process is gone
    expect(await call(host, 'list', 'registers')).toMatchObject({
      ok: false,
      error: { key: 'core.host.stopping' },
    });
  });
});

describe('the core host when things go wrong around it', () => {
  it('tries again when the program cannot be started, and says why meanwhile', async () => {
    let missing = false;
    const host = await startHost({
      spawn: () => (missing ? forkNodeHost({ execPath: '/nonexistent/node' }) : forkNodeHost()),
    });
    const statuses = statusEvents(host);
    await call(host, 'save', 'registers', { name: 'Hörner' });
    missing = true; // an update replaced the program meanwhile
    process.kill(host.pid!, 'SIGKILL');
    const failed = await until(
      () =>
        statuses.find(
          (s) => s.coreHost?.state === 'restarting' && (s.coreHost.failedStarts ?? 0) > 0,
        ),
      'a failed start said in the status',
    );
    expect(failed.coreHost?.lastError).toMatchObject({
      key: 'core.host.failedToStart',
      params: { code: 'ENOENT' },
    });
    missing = false; // back
    await until(
      () => host.view().state === 'running' || undefined,
      'the host running again',
      20_000,
    );
    expect(host.view()).toMatchObject({ failedStarts: 0, lastError: null });
    expect(await call(host, 'list', 'registers')).toMatchObject({ value: [{ name: 'Hörner' }] });
  });

  it('says that the profile is taken while it cannot start again, and starts once it is free', async () => {
    const host = await startHost();
    const statuses = statusEvents(host);
    await call(host, 'save', 'registers', { name: 'Hörner' });
    const pid = host.pid!;
    process.kill(pid, 'SIGKILL');
    await until(() => {
      try {
        process.kill(pid, 0);
        return undefined;
      } catch {
        return true;
      }
    }, 'the old host gone');
    const lock = ProfileLock.acquire(profilePaths(temp.dir).lock); // another Tutti took it
    try {
      const failed = await until(
        () => statuses.find((s) => (s.coreHost?.failedStarts ?? 0) > 0),
        'the refusal said',
      );
      expect(failed.coreHost?.lastError?.key).toMatch(/^core\.profile\.inUse/);
    } finally {
      lock.release();
    }
    await until(() => host.view().state === 'running' || undefined, 'the host running again');
  });

  it('takes a stop during a restart for a stop, not for another crash', async () => {
    const host = await startHost({ restartDelaysMs: [0] });
    process.kill(host.pid!, 'SIGKILL');
    await until(() => host.view().state === 'restarting' || undefined, 'the crash noticed');
    await new Promise((resolve) => setTimeout(resolve, 300)); // the new host is starting
    await host.stop();
    expect(host.view().restarts).toBe(1);
    expect(logged.filter((line) => line.includes('ended unasked'))).toHaveLength(1);
    expect(ProfileLock.isHeld(profilePaths(temp.dir).lock)).toBe(false);
  });

  it('gives up on a host that never opens the profile, within the deadline', async () => {
    const killed: string[] = [];
    const silent = (): HostProcess => {
      let exit: (code: number | null, signal: string | null) => void = () => {};
      return {
        send: (message) => {
          if (message.type === 'open') message.key.fill(0);
        },
        onMessage: () => {},
        onExit: (listener) => {
          exit = listener;
        },
        kill: () => {
          killed.push('SIGKILL');
          exit(null, 'SIGKILL');
        },
        pid: 1,
      };
    };
    const refused = await startHost({ spawn: silent, openWithinMs: 200 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).key).toBe('core.host.openTimeout');
    expect(killed).toEqual(['SIGKILL']);
  });

  it('lets an import under way finish before it closes the database on a stop', async () => {
    const host = await startHost();
    const content = readFileSync(fixture('legacy', 'verein-gross.mdb'));
    // The page's request body, as bytes: passed on in parts, never decoded in this process.
    const body = Buffer.from(
      JSON.stringify({
        method: 'importOpen',
        args: ['verein-gross.mdb', content.toString('base64'), null],
      }),
    );
    expect(body.length).toBeGreaterThan(4 * TEXT_PART_CHARS);
    const opened = JSON.parse(await host.callText(body));
    expect(opened).toMatchObject({ ok: true });
    const statuses = statusEvents(host);
    const importing = call(host, 'importRun', opened.value.mapping);
    await until(
      () => statuses.find((s) => ((s as { import?: { done: number } }).import?.done ?? 0) > 500),
      'the import under way',
    );
    await host.stop(); // the window closed meanwhile
    expect(await importing).toMatchObject({ ok: true });
    const again = await startHost();
    expect((await call(again, 'list', 'members')).value).toHaveLength(6000);
  }, 60_000);
});

describe('the messages between the processes', () => {
  it('drop what is not one of them', () => {
    for (const junk of [null, 'ready', { type: 'result', id: '1', json: '{}' }, { type: 'evil' }])
      expect(fromHost(junk)).toBeNull();
    expect(fromHost({ type: 'event', name: 'secrets', json: '{}' })).toBeNull();
    expect(toHost({ type: 'open', profileDir: '/x', key: 'abc', canPickFolder: false })).toBeNull();
    expect(toHost({ type: 'call', id: 1.5, body: '{}' })).toBeNull();
    expect(toHost({ type: 'invoke', id: 1, method: 'list', args: 'registers' })).toBeNull();
    expect(fromHost({ type: 'result', id: 3, json: '{"ok":true}' })).not.toBeNull();
  });
});
