/**
 * Desktop backups end to end on real files: encrypted profiles, age-encrypted backups on disk,
 * Debian's `age` tool, and a real club server for the restore-then-sync case.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/appError.ts';
import { translate } from '../../shared/messages/translate.ts';
import { BackupFolder } from '../../shared/node/backup/backupFolder.ts';
import { KEY_FILE_NAME } from '../../shared/node/backup/backupKey.ts';
import {
  enrolUser,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { createSampleClub } from '../../test/support/sampleClub.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { ClubService } from '../core/clubService.ts';
import { type OpenedProfile, openProfile } from '../core/profile.ts';
import { PassphraseKeyStore } from '../keys/passphraseKeyStore.ts';
import { LocalStore } from '../store/localStore.ts';
import { SyncClient } from '../sync/syncClient.ts';
import { SyncSettings } from '../sync/syncSettings.ts';
import { BackupService } from './backupService.ts';
import { DesktopBackups } from './desktopBackups.ts';
import { restoreBackup } from './restoreBackup.ts';
import { restoreInPlace } from './restoreInPlace.ts';
import { verifyBackup } from './verifyBackup.ts';

const PASSPHRASE = 'Probe am Donnerstag 19:30!';
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const keyStore = (dir: string) =>
  new PassphraseKeyStore(join(dir, 'key.json'), async () => 'profil-passphrase-1', FAST);
const open = (dir: string) => openProfile(dir, keyStore(dir));

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('tutti-backup-');
});
afterEach(() => temp.cleanup());

async function profileWithClub(name: string, members = 40): Promise<OpenedProfile> {
  const profile = await open(join(temp.dir, name));
  const api = new ClubService(profile.store, name);
  createSampleClub(api, (work) => profile.store.transaction(work), { members, instruments: 10 });
  return profile;
}

function members(profile: OpenedProfile) {
  return profile.store.tables.members
    .listLive()
    .map((m) => `${m.lastName}|${m.firstName}|${m.birthDate}|${m.iban}`)
    .sort();
}

async function expectAppError(work: Promise<unknown>, code: string): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/**
 * A profile connected to a club on `t`, with one member synced and backed up, whose city then
 * changed and went to the server: the situation every restore-then-sync test starts from.
 */
async function backedUpThenChanged(
  t: TestClubServer,
  name: string,
  city: { before: string; after: string },
) {
  const clubId = (await t.server.services.clubs.createClub(`Verein ${name}`)).id;
  const user = await t.server.services.clubs.addUser(clubId, {
    name: 'Vorstand',
    role: 'administrator',
  });
  const connect = async (profile: OpenedProfile) => {
    const device = await enrolUser(t, clubId, user.id);
    new SyncSettings(profile.store.meta).connect(device.syncUrl, device);
    return device;
  };
  const dir = join(temp.dir, name);
  const profile = await open(dir);
  const device = await connect(profile);
  const api = new ClubService(profile.store, name);
  const saved = api.saveNow('members', {
    firstName: 'Rita',
    lastName: 'Restore',
    city: city.before,
    status: 'aktiv',
  } as never);
  if (!saved.ok) throw new Error(translate(saved.error));
  await new SyncClient(profile.store).round();
  const backups = new DesktopBackups(profile.store);
  await backups.configure(join(temp.dir, `${name}-stick`), PASSPHRASE, true);
  const { generation } = await backups.create();
  const record = profile.store.tables.members.get(saved.value.id)!.record;
  expect(api.saveNow('members', { ...record, city: city.after } as never).ok).toBe(true);
  await new SyncClient(profile.store).round();
  return { dir, profile, api, device, memberId: saved.value.id, generation, connect };
}

describe('desktop backups', () => {
  it('backs up, verifies and restores a profile into a new folder with every record', async () => {
    const source = await profileWithClub('verein');
    const stick = join(temp.dir, 'usb-stick');
    const backups = new DesktopBackups(source.store);
    await backups.configure(stick, PASSPHRASE, true);
    const created = await backups.create();
    const expected = members(source);
    source.close();

    expect(readdirSync(stick).sort()).toEqual([KEY_FILE_NAME, created.generation.name].sort());
    expect(created.manifest.counts.members).toBe(40);
    const verified = await verifyBackup(created.generation.path, PASSPHRASE);
    expect(verified.manifest.counts).toEqual(created.manifest.counts);

    const restoredDir = join(temp.dir, 'neuer-laptop');
    const restored = await restoreBackup(restoredDir, created.generation.path, PASSPHRASE, {
      keyStore: keyStore(restoredDir),
    });
    expect(restored.previous).toBeNull();
    const reopened = await open(restoredDir);
    expect(members(reopened)).toEqual(expected);
    reopened.close();
  });

  it('keeps the old database when restoring over it, and restores nothing with a wrong passphrase', async () => {
    const profile = await profileWithClub('verein', 5);
    const dir = profile.paths.dir;
    const backups = new DesktopBackups(profile.store);
    await backups.configure(join(temp.dir, 'stick'), PASSPHRASE, true);
    const { generation } = await backups.create();
    const api = new ClubService(profile.store, 'verein');
    const added = api.saveNow('members', {
      firstName: 'Nach',
      lastName: 'Sicherung',
      status: 'aktiv',
    } as never);
    expect(added.ok).toBe(true);
    profile.close();
    const before = readFileSync(join(dir, 'tutti.db'));

    await expectAppError(
      restoreBackup(dir, generation.path, 'eine ganz andere Passphrase', {
        keyStore: keyStore(dir),
      }),
      'wrong_passphrase',
    );
    expect(readFileSync(join(dir, 'tutti.db')).equals(before)).toBe(true);

    const restored = await restoreBackup(dir, generation.path, PASSPHRASE, {
      keyStore: keyStore(dir),
    });
    expect(restored.previous).toMatch(/tutti\.db\.vor-wiederherstellung-/);
    const reopened = await open(dir);
    expect(reopened.store.tables.members.listLive().some((m) => m.lastName === 'Sicherung')).toBe(
      false,
    );
    reopened.close();
    expect(readFileSync(restored.previous!).equals(before)).toBe(true);
  });

  it('detects a flipped byte and a truncated file, and restores nothing', async () => {
    const profile = await profileWithClub('verein', 5);
    const dir = profile.paths.dir;
    const backups = new DesktopBackups(profile.store);
    await backups.configure(join(temp.dir, 'stick'), PASSPHRASE, true);
    const { generation } = await backups.create();
    profile.close();
    const good = readFileSync(generation.path);
    const before = readFileSync(join(dir, 'tutti.db'));

    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length * 0.6)]! ^= 0x01;
    writeFileSync(generation.path, flipped);
    const error = await expectAppError(
      restoreBackup(dir, generation.path, PASSPHRASE, { keyStore: keyStore(dir) }),
      'backup_unusable',
    );
    expect(error.message).toContain('beschädigt');

    writeFileSync(generation.path, good.subarray(0, Math.floor(good.length / 2)));
    await expectAppError(verifyBackup(generation.path, PASSPHRASE), 'backup_unusable');
    await expectAppError(
      restoreBackup(dir, generation.path, PASSPHRASE, { keyStore: keyStore(dir) }),
      'backup_unusable',
    );
    expect(readFileSync(join(dir, 'tutti.db')).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('wiederherstellung'))).toEqual([]);
  });

  it("is read by Debian's age tool with the key file and the passphrase", async () => {
    const profile = await profileWithClub('verein', 12);
    const backups = new DesktopBackups(profile.store);
    const stick = join(temp.dir, 'stick');
    await backups.configure(stick, PASSPHRASE, true);
    const { generation } = await backups.create();
    profile.close();

    // age asks for the key file's passphrase on the terminal: `script` gives it one.
    const tarFile = join(temp.dir, 'sicherung.tar.gz');
    execFileSync(
      'script',
      ['-qec', `age -d -i ${KEY_FILE_NAME} -o ${tarFile} ${generation.name}`, '/dev/null'],
      { cwd: stick, input: `${PASSPHRASE}\n`, stdio: ['pipe', 'ignore', 'pipe'] },
    );
    const unpacked = join(temp.dir, 'entpackt');
    execFileSync('mkdir', ['-p', unpacked]);
    execFileSync('tar', ['-xzf', tarFile, '-C', unpacked]);
    const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8'));
    const plain = new Database(join(unpacked, 'tutti.sqlite'), { readonly: true });
    const count = plain.prepare('SELECT count(*) AS n FROM members').get() as { n: number };
    plain.close();
    expect(count.n).toBe(12);
    expect(manifest.counts.members).toBe(12);
  });

  it('keeps exactly 7 daily, 4 weekly and 12 monthly generations over a year of daily backups', async () => {
    const profile = await profileWithClub('verein', 2);
    let now = new Date(2026, 0, 1, 10, 0);
    const backups = new DesktopBackups(profile.store, () => now);
    const stick = join(temp.dir, 'stick');
    await backups.configure(stick, PASSPHRASE, true);
    for (let day = 0; day < 365; day++) {
      now = new Date(2026, 0, 1 + day, 10, 0);
      await backups.create({ kind: 'automatic' });
    }
    const kept = backups
      .list()
      .map((g) => {
        const d = g.createdAt;
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      })
      .sort();
    profile.close();
    expect(kept).toEqual([
      // the last day of each month (monthly)
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-30',
      // the Sundays ending ISO weeks 50 and 51 (weekly; weeks 52 and 53 are daily ones too)
      '2026-12-13',
      '2026-12-20',
      // the last seven days (daily)
      '2026-12-25',
      '2026-12-26',
      '2026-12-27',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
    ]);
  }, 120_000);

  it('backs up automatically only when the data changed, and reminds after 7 days', async () => {
    const profile = await profileWithClub('verein', 3);
    let now = new Date(2026, 10, 1, 9, 0);
    const service = new BackupService(profile.store, { now: () => now });
    expect(service.status().reminder).toBe(true); // data, but never backed up
    await service.configure(join(temp.dir, 'stick'), PASSPHRASE, true);
    await service.stop(); // the program closes: first backup
    expect(service.status().generations).toHaveLength(1);
    expect(service.status().reminder).toBe(false);

    now = new Date(2026, 10, 2, 9, 0);
    await service.stop(); // nothing changed: no new generation
    expect(service.status().generations).toHaveLength(1);

    const api = new ClubService(profile.store, 'verein');
    expect(
      api.saveNow('members', { firstName: 'A', lastName: 'B', status: 'aktiv' } as never).ok,
    ).toBe(true);
    await service.stop();
    expect(service.status().generations).toHaveLength(2);

    now = new Date(2026, 10, 10, 9, 0);
    expect(service.status().reminder).toBe(true);
    profile.close();
  });

  it('answers a failed backup (stick pulled) with a message, and the next one works', async () => {
    const profile = await profileWithClub('verein', 2);
    const service = new BackupService(profile.store);
    const stick = join(temp.dir, 'stick');
    await service.configure(stick, PASSPHRASE, true);
    rmSync(stick, { recursive: true });
    writeFileSync(stick, 'der Stick ist weg, hier liegt eine Datei');
    const failed = await service.backupNow();
    expect(!failed.ok && translate(failed.error)).toMatch(
      /^Im Sicherungsordner .* fehlt die Schlüsseldatei \(tutti-schluessel\.age\)\. Ist der richtige USB-Stick eingesteckt\?/,
    );
    rmSync(stick);
    await service.configure(stick, PASSPHRASE, true);
    const worked = await service.backupNow();
    expect(worked.ok && worked.value.generations).toHaveLength(1);
    profile.close();
  });

  it('never overwrites the key file of other backups in the chosen folder', async () => {
    const first = await profileWithClub('verein-a', 1);
    const stick = join(temp.dir, 'stick');
    await new DesktopBackups(first.store).configure(stick, PASSPHRASE, true);
    first.close();
    const keyFile = readFileSync(join(stick, KEY_FILE_NAME));
    const second = await profileWithClub('verein-b', 1);
    await expectAppError(
      new DesktopBackups(second.store).configure(stick, 'ganz andere Passphrase 2'),
      'wrong_passphrase',
    );
    second.close();
    expect(readFileSync(join(stick, KEY_FILE_NAME)).equals(keyFile)).toBe(true);
    expect(new BackupFolder(stick, 'x').keyFile()?.equals(keyFile)).toBe(true);
  });

  it('restores into the open profile: data back, device and connection kept, old state kept as a file', async () => {
    const t = await startTestClubServer();
    try {
      const { dir, profile, api, device, memberId, generation, connect } =
        await backedUpThenChanged(t, 'offen', { before: 'Vorher', after: 'Nachher' });
      const saved = { value: { id: memberId } };
      const deviceId = profile.store.deviceId;

      await expectAppError(
        restoreInPlace(profile.store, generation.path, 'nicht die Passphrase'),
        'wrong_passphrase',
      );
      expect(profile.store.tables.members.get(saved.value.id)!.record.city).toBe('Nachher');

      // An edit not sent yet survives the restore, applied on top of the backup.
      const unsent = api.saveNow('members', {
        firstName: 'Ute',
        lastName: 'Ungesendet',
        status: 'aktiv',
      } as never);
      if (!unsent.ok) throw new Error(translate(unsent.error));
      const { previous } = await restoreInPlace(profile.store, generation.path, PASSPHRASE);
      expect(profile.store.tables.members.get(saved.value.id)!.record.city).toBe('Vorher');
      expect(profile.store.tables.members.get(unsent.value.id)?.record.lastName).toBe('Ungesendet');
      expect(profile.store.outbox.pendingCount()).toBeGreaterThan(0);
      expect(profile.store.deviceId).toBe(deviceId);
      expect(new SyncSettings(profile.store.meta).connection()?.deviceId).toBe(device.deviceId);
      // The next round: the server's newer value wins, a new edit is not taken for a repeat.
      const fresh = api.saveNow('members', {
        firstName: 'Paul',
        lastName: 'Danach',
        status: 'aktiv',
      } as never);
      if (!fresh.ok) throw new Error(translate(fresh.error));
      await new SyncClient(profile.store).round();
      expect(profile.store.tables.members.get(saved.value.id)!.record.city).toBe('Nachher');
      expect(profile.store.outbox.pendingCount()).toBe(0);
      profile.close();
      // The database as it was before the restore opens with the profile's key.
      const keyStoreOfProfile = keyStore(dir);
      const key = await keyStoreOfProfile.unlockKey();
      const before = LocalStore.open(previous, key);
      expect(before.tables.members.get(saved.value.id)!.record.city).toBe('Nachher');
      before.close();
      const other = await open(join(temp.dir, 'anderes-geraet'));
      await connect(other);
      await new SyncClient(other.store).round();
      expect(other.store.tables.members.get(fresh.value.id)?.record.lastName).toBe('Danach');
      expect(other.store.tables.members.get(unsent.value.id)?.record.lastName).toBe('Ungesendet');
      other.close();
    } finally {
      await t.stop();
    }
  }, 60_000);

  it('syncs a restored old backup without losing newer server data or new edits', async () => {
    const t = await startTestClubServer();
    try {
      const changed = await backedUpThenChanged(t, 'laptop', {
        before: 'Altdorf',
        after: 'Neustadt',
      });
      const { dir, generation, connect } = changed;
      const saved = { value: { id: changed.memberId } };
      changed.profile.close();

      // The backup carries no device key; the restore keeps the profile's connection.
      const { snapshot } = await verifyBackup(generation.path, PASSPHRASE);
      expect(snapshot.includes('PRIVATE KEY')).toBe(false);
      const restored = await restoreBackup(dir, generation.path, PASSPHRASE, {
        keyStore: keyStore(dir),
      });
      expect(restored.connected).toBe(true);
      const profile = await open(dir);
      expect(profile.store.tables.members.get(saved.value.id)!.record.city).toBe('Altdorf');
      // An edit made on the restored database must reach the server, not be taken for a repeat.
      const api = new ClubService(profile.store, 'laptop');
      const fresh = api.saveNow('members', {
        firstName: 'Nora',
        lastName: 'Neu',
        status: 'aktiv',
      } as never);
      if (!fresh.ok) throw new Error(translate(fresh.error));
      const report = await new SyncClient(profile.store).round();
      expect(report.rejected).toBe(0);
      expect(profile.store.tables.members.get(saved.value.id)!.record.city).toBe('Neustadt');
      expect(profile.store.outbox.pendingCount()).toBe(0);
      profile.close();

      // A second device sees the server's state: the newer city and the new member.
      const other = await open(join(temp.dir, 'zweites-geraet'));
      await connect(other);
      await new SyncClient(other.store).round();
      expect(other.store.tables.members.get(saved.value.id)!.record.city).toBe('Neustadt');
      expect(other.store.tables.members.get(fresh.value.id)?.record.lastName).toBe('Neu');
      other.close();
    } finally {
      await t.stop();
    }
  }, 60_000);
});
