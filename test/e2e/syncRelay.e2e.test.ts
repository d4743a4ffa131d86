/**
 * Broken connections between a desktop and its club server, made by a TCP relay in between:
 * cut during the TLS handshake, during the upload of a push and during the download of a pull,
 * and stalled mid-answer. `tutti sync` always ends with a German sentence and a non-zero exit;
 * the running core (`tutti start`) is synced again soon after the relay behaves, with nothing
 * lost or doubled; SIGTERM ends the core within seconds even while a request is stalled.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClubService } from '../../electron/core/clubService.ts';
import { openProfile, passphraseKeyStore } from '../../electron/core/profile.ts';
import type { SyncStatus } from '../../shared/api/sync.ts';
import {
  listAsClubAdmin,
  startTestClubServer,
  type TestClubServer,
} from '../support/clubServerFixture.ts';
import { connectToCore } from '../support/coreClient.ts';
import { startTcpRelay, type TcpRelay } from '../support/tcpRelay.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { runTutti, startTutti, writePassphraseFile } from '../support/tuttiProcess.ts';

/** Enough for a push and a pull of several hundred kilobytes each. */
const MEMBERS = 1200;
const KB = 1024;
const CUT_HANDSHAKE = { action: 'cut', direction: 'down', afterBytes: 60 } as const;
const CUT_UPLOAD = { action: 'cut', direction: 'up', afterBytes: 100 * KB } as const;
const CUT_DOWNLOAD = { action: 'cut', direction: 'down', afterBytes: 100 * KB } as const;
const STALL_DOWNLOAD = { action: 'stall', direction: 'down', afterBytes: 100 * KB } as const;
/** The desktop's idle limit (30 s) and some room: `tutti sync` must be over by then. */
const NEVER_HANGS_MS = 45_000;

describe('sync over a connection that breaks', () => {
  const temp = makeTempDir('tutti-relay-');
  let t: TestClubServer;
  let relay: TcpRelay;
  let env: Record<string, string>;
  let passphraseFile = '';
  let clubId = '';
  let userId = '';

  /** A profile enrolled with the server that syncs through the relay, with local members. */
  const laptop = async (name: string, members: number): Promise<string> => {
    const profile = join(temp.dir, name);
    const { code } = await t.server.services.devices.createCode(clubId, userId);
    const enrolled = await runTutti(
      ['enroll', '--profile', profile, '--server', t.webUrl, '--code', code],
      env,
    );
    expect(enrolled.code, enrolled.stderr).toBe(0);
    const opened = await openProfile(profile, passphraseKeyStore(profile, env));
    try {
      opened.store.meta.set('sync.server', `https://localhost:${relay.port}`);
      const api = new ClubService(opened.store, profile);
      for (let i = 0; i < members; i += 1) {
        const saved = api.saveNow('members', {
          firstName: `${name}-${i}`,
          lastName: 'Funkloch',
          status: 'aktiv',
          notes: 'Spielt Tenorhorn und hilft beim Aufbau der Bühne. '.repeat(4),
        } as never);
        if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      }
    } finally {
      opened.close();
    }
    return profile;
  };

  /** First names of the server's members that start with `prefix`, sorted. */
  const onServer = async (prefix: string) =>
    (await listAsClubAdmin(t, clubId, 'members'))
      .map((m) => String(m.firstName))
      .filter((name) => name.startsWith(prefix))
      .sort();

  const expected = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => `${prefix}-${i}`).sort();

  /** `tutti sync` with a deadline of its own: a hang fails the test instead of stalling it. */
  const syncOnce = async (profile: string) => {
    const started = Date.now();
    const result = await runTutti(['sync', '--profile', profile], env, {
      timeout: NEVER_HANGS_MS,
      killSignal: 'SIGKILL',
    });
    return { ...result, ms: Date.now() - started };
  };

  beforeAll(async () => {
    passphraseFile = writePassphraseFile(temp.dir);
    env = { TUTTI_PASSPHRASE_FILE: passphraseFile };
    t = await startTestClubServer();
    relay = await startTcpRelay(t.server.devices.port);
    clubId = (await t.server.services.clubs.createClub('Kapelle Funkloch')).id;
    userId = (await t.server.services.clubs.addUser(clubId, { name: 'Eva', role: 'administrator' }))
      .id;
  }, 60_000);

  afterAll(async () => {
    await relay?.close();
    await t?.stop();
    temp.cleanup();
  });

  it('tutti sync ends with a German sentence whenever the connection breaks, and loses nothing', async () => {
    const profile = await laptop('cli', MEMBERS);
    const cases = [
      { fault: CUT_HANDSHAKE, says: /Verbindung zum Vereinsserver brach ab/ },
      { fault: CUT_UPLOAD, says: /Verbindung zum Vereinsserver brach ab/ },
      { fault: CUT_DOWNLOAD, says: /brach ab, bevor seine Antwort vollständig war/ },
      { fault: STALL_DOWNLOAD, says: /stockt: 30 Sekunden lang kam nichts an/ },
    ];
    for (const { fault, says } of cases) {
      relay.queue(fault);
      const result = await syncOnce(profile);
      const what = `${fault.action} ${fault.direction}: ${result.stderr}`;
      expect(relay.pending(), what).toBe(0);
      expect(result.code, what).toBe(1);
      expect(result.stderr, what).toMatch(says);
      expect(result.stderr, what).toContain(
        'Die Änderungen bleiben gespeichert und werden beim nächsten Mal gesendet.',
      );
      expect(result.stderr.trim().split('\n'), what).toHaveLength(1);
    }
    // The connection behaves again: one round completes, every member is there once.
    const result = await syncOnce(profile);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('noch offen: 0');
    expect(await onServer('cli-')).toEqual(expected('cli', MEMBERS));
  }, 240_000);

  it('the running core recovers by itself once the connection behaves, nothing lost or doubled', async () => {
    const profile = await laptop('app', MEMBERS);
    relay.queue(CUT_HANDSHAKE, CUT_UPLOAD, CUT_DOWNLOAD);
    const tutti = await startTutti(profile, passphraseFile);
    try {
      const core = connectToCore(tutti.url);
      const status = async () => {
        const answer = await core.call<SyncStatus>('syncStatus');
        if (!answer.ok) throw new Error(JSON.stringify(answer.error));
        return answer.value;
      };
      // Every fault strikes: the core keeps trying by itself.
      await expect.poll(() => relay.pending(), { timeout: 60_000, interval: 200 }).toBe(0);
      const behaving = relay.struck().at(-1)!.at;
      let synced: SyncStatus | null = null;
      while (Date.now() - behaving < 60_000) {
        const now = await status();
        if (now.phase === 'synced' && now.pending === 0) {
          synced = now;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const recovery = Date.now() - behaving;
      expect(synced, `not synced ${recovery} ms after the relay behaved`).not.toBeNull();
      expect(recovery).toBeLessThan(30_000);
      expect(
        relay
          .struck()
          .slice(-3)
          .map((f) => `${f.action} ${f.direction} ${f.afterBytes}`),
      ).toEqual(['cut down 60', 'cut up 102400', 'cut down 102400']);
      expect(await onServer('app-')).toEqual(expected('app', MEMBERS));

      // "Jetzt abgleichen" during a stalled answer comes back, and SIGTERM ends the core.
      relay.queue({ action: 'stall', direction: 'up', afterBytes: 0 });
      const syncing = core.call<SyncStatus>('syncNow').then(
        () => 'answered',
        () => 'connection closed',
      );
      await expect.poll(() => relay.stalled(), { timeout: 20_000, interval: 100 }).toBe(1);
      const stopping = Date.now();
      expect(await tutti.stop()).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(5_000);
      // The call settles: with the state after the aborted round, or with the closed connection.
      expect(['answered', 'connection closed']).toContain(await syncing);
    } finally {
      await tutti.stop();
    }
  }, 180_000);
});
