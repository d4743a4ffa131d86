/**
 * `tutti enroll` and `tutti sync` as a secretary's laptop runs them: a real profile, a real
 * server over mutual TLS, the passphrase from a file.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids.ts';
import {
  saveAsClubAdmin,
  startTestClubServer,
  type TestClubServer,
} from '../support/clubServerFixture.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { runTutti, writePassphraseFile } from '../support/tuttiProcess.ts';

describe('tutti enroll and tutti sync', () => {
  const temp = makeTempDir('tutti-sync-cli-');
  const profile = join(temp.dir, 'profile');
  let env: Record<string, string>;
  let t: TestClubServer;
  let clubId: string;
  let userId: string;

  beforeAll(async () => {
    // German, whatever the locale of the machine running the tests.
    env = {
      TUTTI_PASSPHRASE_FILE: writePassphraseFile(temp.dir),
      LANG: 'C.UTF-8',
      LC_ALL: '',
      LC_MESSAGES: '',
    };
    t = await startTestClubServer();
    clubId = (await t.server.services.clubs.createClub('Trachtenkapelle')).id;
    userId = (await t.server.services.clubs.addUser(clubId, { name: 'Eva', role: 'administrator' }))
      .id;
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    temp.cleanup();
  });

  it('refuses to sync a profile that is not connected, saying what to do', async () => {
    const result = await runTutti(['sync', '--profile', profile], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Fehler: Dieses Profil ist mit keinem Vereinsserver verbunden: zuerst tutti enroll --server URL --code CODE.',
    );
  }, 60_000);

  it('enrols with a code and syncs what the club server holds', async () => {
    const { code } = await t.server.services.devices.createCode(clubId, userId);
    const enrolled = await runTutti(
      ['enroll', '--profile', profile, '--server', t.webUrl, '--code', code],
      env,
    );
    expect(enrolled.stderr).toBe('');
    expect(enrolled.code).toBe(0);
    expect(enrolled.stdout).toContain(`Verbunden mit https://localhost:${t.server.devices.port}`);
    const again = await runTutti(
      ['enroll', '--profile', profile, '--server', t.webUrl, '--code', code],
      env,
    );
    expect(again.code).toBe(1);

    const member = newId();
    await saveAsClubAdmin(t, clubId, 'members', member, {
      firstName: 'Franz',
      lastName: 'Xaver',
      status: 'aktiv',
    });
    const synced = await runTutti(['sync', '--profile', profile], env);
    expect(synced.code).toBe(0);
    expect(synced.stdout.trim()).toBe(
      'Gesendet: 0, abgelehnt: 0, empfangen: 1, Konflikte: 0, entfernt: 0, noch offen: 0',
    );
    const exported = await runTutti(
      ['export', 'members', '--profile', profile, '--format', 'json'],
      env,
    );
    expect(JSON.parse(exported.stdout)).toEqual([
      expect.objectContaining({ id: member, lastName: 'Xaver' }),
    ]);
  }, 60_000);

  it('keeps changes and says so when the server cannot be reached', async () => {
    await t.stop();
    const result = await runTutti(['sync', '--profile', profile], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Der Vereinsserver ist nicht erreichbar');
    expect(result.stderr).toContain('Die Änderungen bleiben gespeichert');
  }, 60_000);
});
