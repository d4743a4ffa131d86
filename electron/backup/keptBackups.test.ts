/**
 * What the "Datensicherung" keeps and how it is changed (issue #19, items 6 and 7), through
 * the ClubService as the view calls it, on real files: a backup made by hand and the safety
 * generation before an import or a restore survive the automatic backup of the same day; a
 * missing folder is created only when the person agreed; folder and passphrase can change.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../shared/api/backup.ts';
import type { ApiResult } from '../../shared/api/result.ts';
import { KEPT_DAYS } from '../../shared/domain/backupKinds.ts';
import { translate } from '../../shared/messages/translate.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { ClubService } from '../core/clubService.ts';
import { type OpenedProfile, openProfile } from '../core/profile.ts';
import { PassphraseKeyStore } from '../keys/passphraseKeyStore.ts';
import { DesktopSync } from '../sync/desktopSync.ts';
import { BackupService } from './backupService.ts';

const PASSPHRASE = 'Probe am Donnerstag 19:30!';
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const CSV = 'Vorname;Nachname\nImke;Import\nIda;Import\n';

let temp: ReturnType<typeof makeTempDir>;
let profile: OpenedProfile;
let service: BackupService;
let api: ClubService;
let now: Date;

beforeEach(async () => {
  temp = makeTempDir('tutti-kept-');
  const dir = join(temp.dir, 'profil');
  profile = await openProfile(
    dir,
    new PassphraseKeyStore(join(dir, 'key.json'), async () => 'profil-passphrase-1', FAST),
  );
  now = new Date(2026, 11, 6, 9, 0);
  service = new BackupService(profile.store, { now: () => now });
  api = new ClubService(profile.store, 'verein', new DesktopSync(profile.store), service);
  const saved = api.saveNow('members', {
    firstName: 'Vera',
    lastName: 'Vorher',
    status: 'aktiv',
  } as never);
  if (!saved.ok) throw new Error(translate(saved.error));
});
afterEach(() => {
  profile.close();
  temp.cleanup();
});

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(translate(result.error));
  return result.value;
}

const kinds = (status: BackupStatus) => status.generations.map((g) => g.kind);
const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};

async function importCsv(): Promise<ApiResult<unknown>> {
  const opened = value(
    await api.importOpen('liste.csv', Buffer.from(CSV).toString('base64'), null),
  );
  return api.importRun(opened.mapping);
}

describe('backups kept beside the rotation', () => {
  it('keeps the manual backup and the safety generation when the automatic backup on close follows the same day', async () => {
    const stick = join(temp.dir, 'stick');
    value(await api.configureBackup(stick, PASSPHRASE, true));
    value(await api.backupNow());
    later(5);
    const imported = value(await importCsv()) as { safetyBackup: { createdAt: string } };
    expect(imported.safetyBackup.createdAt).toBe(now.toISOString());
    later(60);
    await api.stopAutomaticBackups();
    const status = value(await api.backupStatus());
    expect(kinds(status)).toEqual(['automatic', 'before-import', 'manual']);
    const manual = status.generations[2]!;
    expect(Date.parse(manual.keptUntil!) - Date.parse(manual.createdAt)).toBe(
      KEPT_DAYS * 24 * 60 * 60 * 1000,
    );
    expect(status.generations[0]!.keptUntil).toBeNull();

    // The next automatic backup the same day replaces the earlier automatic one only.
    later(5);
    value(
      api.saveNow('members', { firstName: 'Nina', lastName: 'Nachher', status: 'aktiv' } as never),
    );
    await api.stopAutomaticBackups();
    expect(kinds(value(await api.backupStatus()))).toEqual([
      'automatic',
      'before-import',
      'manual',
    ]);
  });

  it('makes a safety generation before a restore, none when the passphrase is wrong', async () => {
    value(await api.configureBackup(join(temp.dir, 'stick'), PASSPHRASE, true));
    const [first] = value(await api.backupNow()).generations;
    later(1);
    const wrong = await api.restoreBackup(first!.name, 'falsche Passphrase!!');
    expect(wrong.ok).toBe(false);
    expect(kinds(value(await api.backupStatus()))).toEqual(['manual']);
    later(1);
    const restored = value(await api.restoreBackup(first!.name, PASSPHRASE));
    expect(restored.safetyBackup).toBe(now.toISOString());
    expect(kinds(value(await api.backupStatus()))).toEqual(['before-restore', 'manual']);
  });

  it('does not import when the safety generation cannot be written, and says why', async () => {
    const stick = join(temp.dir, 'stick');
    value(await api.configureBackup(stick, PASSPHRASE, true));
    rmSync(stick, { recursive: true });
    const refused = await importCsv();
    expect(!refused.ok && translate(refused.error)).toMatch(
      /^Vorher ließ sich keine Sicherung anlegen, daher ist der Import nicht gestartet worden: Den Sicherungsordner .* gibt es gerade nicht\. Ist der USB-Stick eingesteckt\?/,
    );
    expect(!refused.ok && translate(refused.error, 'en')).toMatch(
      /^No backup could be made first, so the import was not started: The backup folder .* is not there at the moment\. Is the USB stick plugged in\?/,
    );
    expect(profile.store.tables.members.listLive()).toHaveLength(1);
    // The pulled stick's folder was not made anew on the disk.
    expect(existsSync(stick)).toBe(false);
  });

  it('deletes a manual or safety generation by hand, never an automatic one', async () => {
    value(await api.configureBackup(join(temp.dir, 'stick'), PASSPHRASE, true));
    value(await api.backupNow());
    later(1);
    value(
      api.saveNow('members', { firstName: 'Nina', lastName: 'Nachher', status: 'aktiv' } as never),
    );
    await api.stopAutomaticBackups();
    const [automatic, manual] = value(await api.backupStatus()).generations;
    const refused = await api.deleteBackup(automatic!.name);
    expect(!refused.ok && translate(refused.error)).toBe(
      'Automatische Sicherungen löscht Tutti selbst nach der Aufbewahrungsregel.',
    );
    expect(kinds(value(await api.deleteBackup(manual!.name)))).toEqual(['automatic']);
    expect(existsSync(manual!.name)).toBe(false);
    expect((await api.deleteBackup('tutti-gibts-nicht.tar.gz.age')).ok).toBe(false);
  });
});

describe('changing where and how the backups are kept', () => {
  it('asks before creating a folder that does not exist, refuses a relative path', async () => {
    const typo = join(temp.dir, 'Sicherrung');
    const asked = await api.configureBackup(typo, PASSPHRASE, false);
    expect(asked.ok).toBe(false);
    expect(!asked.ok && asked.error.code).toBe('not_found');
    expect(!asked.ok && asked.error.fields?.folder && translate(asked.error.fields.folder)).toBe(
      `Den Ordner ${typo} gibt es nicht. Soll er angelegt werden?`,
    );
    expect(existsSync(typo)).toBe(false);
    const relative = await api.configureBackup('Sicherung', PASSPHRASE, true);
    expect(
      !relative.ok && relative.error.fields?.folder && translate(relative.error.fields.folder),
    ).toMatch(/vollständigen Pfad/);
    expect(value(await api.configureBackup(typo, PASSPHRASE, true)).configured).toBe(true);
    expect(existsSync(typo)).toBe(true);
  });

  it('moves the backups to another folder with the same key, and changes the passphrase', async () => {
    const first = join(temp.dir, 'stick-a');
    value(await api.configureBackup(first, PASSPHRASE, true));
    const [old] = value(await api.backupNow()).generations;
    const second = join(temp.dir, 'stick-b');
    mkdirSync(second);
    const wrong = await api.configureBackup(second, 'nicht die richtige Passphrase', false);
    expect(!wrong.ok && wrong.error.fields?.passphrase).toBeTruthy();
    const moved = value(await api.configureBackup(second, PASSPHRASE, false));
    expect(moved.folder).toBe(second);
    expect(moved.generations).toEqual([]);

    const refused = await api.changeBackupPassphrase('nicht die alte Passphrase', 'x');
    expect(!refused.ok && Object.keys(refused.error.fields ?? {})).toEqual(['oldPassphrase']);
    const weak = await api.changeBackupPassphrase(PASSPHRASE, 'kurz');
    expect(!weak.ok && Object.keys(weak.error.fields ?? {})).toEqual(['newPassphrase']);
    const NEW = 'Neue Passphrase fürs Frühjahrskonzert';
    value(await api.changeBackupPassphrase(PASSPHRASE, NEW));
    later(1);
    const [made] = value(await api.backupNow()).generations;
    expect((await api.verifyBackup(made!.name, NEW)).ok).toBe(true);
    expect((await api.verifyBackup(made!.name, PASSPHRASE)).ok).toBe(false);
    // The backup in the first folder is kept there, readable with the passphrase of then.
    expect(existsSync(join(first, old!.name))).toBe(true);
  });

  it('says which rule a new backup passphrase breaks, at the passphrase field', async () => {
    const folder = join(temp.dir, 'stick');
    const passphraseText = (result: ApiResult<unknown>) =>
      !result.ok && result.error.fields?.passphrase
        ? translate(result.error.fields.passphrase, 'en')
        : null;
    const short = await api.configureBackup(folder, 'zu kurz', true);
    expect(!short.ok && short.error.code).toBe('validation');
    expect(passphraseText(short)).toBe(
      'The backup passphrase must be at least 12 characters long.',
    );
    const repetitive = await api.configureBackup(folder, 'abababababababab', true);
    expect(passphraseText(repetitive)).toBe(
      'The passphrase repeats too few characters. Please use several words or mixed characters.',
    );
    expect(existsSync(folder)).toBe(false);
  });

  it('offers the folder picker only where there is one', async () => {
    expect(value(await api.backupStatus()).folderPicker).toBe(false);
    expect((await api.pickBackupFolder()).ok).toBe(false);
    const picking = new BackupService(profile.store, {
      pickFolder: async (current) => (current === null ? '/media/usb' : null),
    });
    expect(picking.status().folderPicker).toBe(true);
    expect(value(await picking.chooseFolder())).toBe('/media/usb');
  });

  it('asks nothing about a folder whose drive is missing, and says so at the field', async () => {
    const nowhere = join(temp.dir, 'kein-laufwerk', 'Sicherung');
    const refused = await api.configureBackup(nowhere, PASSPHRASE, true);
    expect(!refused.ok && refused.error.code).toBe('validation');
    expect(
      !refused.ok && refused.error.fields?.folder && translate(refused.error.fields.folder),
    ).toMatch(/^Den Ordner .*kein-laufwerk gibt es nicht/);
  });
});

describe('a stick that is not the one set up', () => {
  it('writes nothing into an empty mount point, and the view says why the automatic backup failed', async () => {
    const stick = join(temp.dir, 'stick');
    value(await api.configureBackup(stick, PASSPHRASE, true));
    rmSync(stick, { recursive: true });
    mkdirSync(stick);
    const refused = await api.backupNow();
    expect(!refused.ok && translate(refused.error)).toMatch(/fehlt die Schlüsseldatei/);
    value(
      api.saveNow('members', { firstName: 'Nina', lastName: 'Nachher', status: 'aktiv' } as never),
    );
    await api.stopAutomaticBackups();
    expect(translate(value(await api.backupStatus()).automaticError!)).toMatch(
      /fehlt die Schlüsseldatei/,
    );
    expect(readdirSync(stick)).toEqual([]);
  });

  it('changes no passphrase while the stick is pulled', async () => {
    const stick = join(temp.dir, 'stick');
    value(await api.configureBackup(stick, PASSPHRASE, true));
    renameSync(stick, `${stick}-weg`);
    const refused = await api.changeBackupPassphrase(PASSPHRASE, 'Neue Passphrase fürs Frühjahr');
    expect(!refused.ok && translate(refused.error)).toMatch(/gibt es gerade nicht/);
    expect(existsSync(stick)).toBe(false);
    renameSync(`${stick}-weg`, stick);
    const [made] = value(await api.backupNow()).generations;
    expect((await api.verifyBackup(made!.name, PASSPHRASE)).ok).toBe(true);
  });

  it('tells another device of the folder how to follow a passphrase change', async () => {
    const stick = join(temp.dir, 'stick');
    value(await api.configureBackup(stick, PASSPHRASE, true));
    const dir = join(temp.dir, 'zweites');
    const second = await openProfile(
      dir,
      new PassphraseKeyStore(join(dir, 'key.json'), async () => 'profil-passphrase-2', FAST),
    );
    try {
      const other = new ClubService(second.store, 'zweites');
      value(
        other.saveNow('members', { firstName: 'Zora', lastName: 'Zwei', status: 'aktiv' } as never),
      );
      value(await other.configureBackup(stick, PASSPHRASE, false));
      const NEW = 'Neue Passphrase fürs Frühjahr';
      value(await api.changeBackupPassphrase(PASSPHRASE, NEW));
      const stale = await other.backupNow();
      expect(!stale.ok && translate(stale.error)).toMatch(
        /vermutlich wurde die Passphrase an einem anderen Gerät geändert/,
      );
      value(await other.configureBackup(stick, NEW, false));
      const [made] = value(await other.backupNow()).generations;
      expect((await other.verifyBackup(made!.name, NEW)).ok).toBe(true);
    } finally {
      second.close();
    }
  });
});
