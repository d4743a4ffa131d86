/**
 * Long work reports progress through the status event and stops where that is safe (issue
 * #26), through a real ClubService on an encrypted profile: the Access import's preview, a
 * backup written with age, its verification, and a restore — each cancelled half-way, and
 * what is left afterwards compared with what was there before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/api/events.ts';
import type { ApiResult } from '../../shared/api/result.ts';
import type { BackupWork, BackupWorkView } from '../../shared/api/work.ts';
import { ENTITY_NAMES } from '../../shared/domain/entities.ts';
import { translate } from '../../shared/messages/translate.ts';
import { fixture } from '../../test/support/fixtures.ts';
import { createSampleClub } from '../../test/support/sampleClub.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { BackupService } from '../backup/backupService.ts';
import { PassphraseKeyStore } from '../keys/passphraseKeyStore.ts';
import { DesktopSync } from '../sync/desktopSync.ts';
import { ClubService } from './clubService.ts';
import { type OpenedProfile, openProfile } from './profile.ts';

const PASSPHRASE = 'Probe am Donnerstag 19:30!';
const FAST = { N: 2 ** 10, r: 8, p: 1 };

let temp: ReturnType<typeof makeTempDir>;
let profile: OpenedProfile;
let api: ClubService;
let statuses: AppStatus[];

beforeEach(async () => {
  temp = makeTempDir('tutti-longwork-');
  const dir = join(temp.dir, 'profil');
  profile = await openProfile(
    dir,
    new PassphraseKeyStore(join(dir, 'key.json'), async () => 'profil-passphrase-1', FAST),
  );
  api = new ClubService(
    profile.store,
    'verein',
    new DesktopSync(profile.store),
    new BackupService(profile.store),
  );
  statuses = [];
  api.onDidChangeStatus((status) => statuses.push(status));
});
/** The status event is gathered for 30 ms: long enough for the last one to arrive. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 80));

afterEach(async () => {
  await settled();
  profile.close();
  temp.cleanup();
});

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(translate(result.error));
  return result.value;
}

/** Every record of every kind, as the lists show them. */
function everything(): string {
  return JSON.stringify(
    ENTITY_NAMES.map((entity) =>
      profile.store.tables[entity]
        .listLive()
        .map((r) => JSON.stringify(r))
        .sort(),
    ),
  );
}

function workIn(status: AppStatus, kind: BackupWork): BackupWorkView | undefined {
  return status.backup.works.find((w) => w.work === kind);
}

/** Calls `cancel` on the first status event for which `when` holds; answers its result. */
function cancelWhen(
  when: (status: AppStatus) => boolean,
  cancel: () => Promise<ApiResult<null>>,
): Promise<ApiResult<null>> {
  return new Promise((resolve) => {
    const subscription = api.onDidChangeStatus((status) => {
      if (!when(status)) return;
      subscription.dispose();
      resolve(cancel());
    });
  });
}

const generationFiles = (folder: string) =>
  readdirSync(folder)
    .filter((n) => n !== 'tutti-schluessel.age')
    .sort();

async function clubWithBackup(members: number) {
  createSampleClub(api, (work) => profile.store.transaction(work), { members, instruments: 50 });
  const folder = join(temp.dir, 'stick');
  value(await api.configureBackup(folder, PASSPHRASE, true));
  const first = value(await api.backupNow());
  return { folder, first };
}

describe('the import preview', () => {
  it('reports records checked so far, stops when cancelled with the file still open, and previews anew', async () => {
    const file = readFileSync(fixture('legacy', 'verein-gross.mdb')).toString('base64');
    const opened = value(await api.importOpen('verein-gross.mdb', file, null));
    const before = everything();

    const cancelled = cancelWhen(
      (s) => s.import.running && s.import.preview && s.import.done > 0,
      () => api.cancelWork('importPreview'),
    );
    const preview = await api.importPreview(opened.mapping);
    expect((await cancelled).ok).toBe(true);
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.error).toMatchObject({ reason: 'work_cancelled', key: 'import.cancelled' });
    expect(translate(preview.error, 'de')).toContain('abgebrochen');
    expect(translate(preview.error, 'en')).toContain('cancelled');
    const seen = statuses.filter((s) => s.import.running).map((s) => s.import);
    expect(seen.every((p) => p.preview && p.total > 0 && p.done < p.total)).toBe(true);
    expect(everything()).toBe(before);

    // The file stayed open: a new preview runs to its end, and its progress moves.
    statuses = [];
    const again = value(await api.importPreview(opened.mapping));
    expect(again.dryRun).toBe(true);
    expect(again.tables.find((t) => t.entity === 'members')?.created).toBe(6000);
    const done = statuses.filter((s) => s.import.running).map((s) => s.import.done);
    expect(done.length).toBeGreaterThanOrEqual(3);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
    await settled();
    expect(statuses.at(-1)?.import.running).toBe(false);
    // Still a preview: nothing was saved.
    expect(everything()).toBe(before);
  }, 120_000);

  it('refuses to cancel an import run: it writes into the live data chunk by chunk', async () => {
    const csv = `Vorname;Nachname\n${Array.from({ length: 3000 }, (_, i) => `Ida;Import${i}`).join('\n')}\n`;
    const opened = value(
      await api.importOpen('liste.csv', Buffer.from(csv).toString('base64'), null),
    );
    const refused = cancelWhen(
      (s) => s.import.running && !s.import.preview,
      () => api.cancelWork('importPreview'),
    );
    const run = value(await api.importRun(opened.mapping));
    expect(run.tables[0]!.created).toBe(3000);
    const answer = await refused;
    expect(answer.ok).toBe(false);
    if (!answer.ok)
      expect(answer.error).toMatchObject({
        reason: 'work_not_cancellable',
        key: 'import.runNotCancellable',
      });
  });
});

describe('a backup', () => {
  it('reports its progress, and when cancelled leaves no file and the last backup as it was', async () => {
    const { folder, first } = await clubWithBackup(3000);
    const filesBefore = generationFiles(folder);
    expect(filesBefore).toHaveLength(1);
    statuses = [];

    const cancelled = cancelWhen(
      (s) => (workIn(s, 'backup')?.progress ?? 0) >= 0.25,
      () => api.cancelWork('backup'),
    );
    const answer = await api.backupNow();
    expect((await cancelled).ok).toBe(true);
    expect(answer.ok).toBe(false);
    if (!answer.ok)
      expect(answer.error).toMatchObject({
        reason: 'work_cancelled',
        key: 'errors.backup.cancelled',
      });
    expect(generationFiles(folder)).toEqual(filesBefore);
    const status = value(await api.backupStatus());
    expect(status.lastBackupAt).toBe(first.lastBackupAt);
    expect(status.progress).toBeNull();
    await settled();
    expect(statuses.at(-1)?.backup).toEqual({
      progress: null,
      lastBackupAt: first.lastBackupAt,
      works: [],
    });
    // The backup before is whole.
    expect(
      value(await api.verifyBackup(first.generations[0]!.name, PASSPHRASE)).counts.members,
    ).toBe(3000);
  }, 60_000);

  it('moves its progress through the status event when not cancelled', async () => {
    await clubWithBackup(3000);
    statuses = [];
    value(await api.backupNow());
    await settled();
    // The snapshot is one synchronous read; between the later stages the event loop runs.
    const shares = statuses.flatMap((s) => {
      const work = workIn(s, 'backup');
      return work ? [work.progress] : [];
    });
    expect(shares.some((share) => share > 0 && share < 1)).toBe(true);
    expect([...shares].sort((a, b) => a - b)).toEqual(shares);
    expect(statuses.at(-1)?.backup.works).toEqual([]);
    expect(statuses.at(-1)?.backup.progress).toBeNull();
  }, 60_000);
});

describe('a verification', () => {
  it('can be cancelled and says so', async () => {
    const { first } = await clubWithBackup(500);
    const cancelled = cancelWhen(
      (s) => workIn(s, 'verify') !== undefined,
      () => api.cancelWork('verify'),
    );
    const answer = await api.verifyBackup(first.generations[0]!.name, PASSPHRASE);
    expect((await cancelled).ok).toBe(true);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.key).toBe('errors.backup.verifyCancelled');
  }, 60_000);
});

describe('a restore', () => {
  it('cancelled before the data are replaced leaves every record as it was', async () => {
    const { folder, first } = await clubWithBackup(1000);
    value(
      await api.save('members', { firstName: 'Nora', lastName: 'Neu', status: 'aktiv' } as never),
    );
    const before = everything();
    const files = generationFiles(folder);
    statuses = [];

    const cancelled = cancelWhen(
      (s) => workIn(s, 'restore') !== undefined,
      () => api.cancelWork('restore'),
    );
    const answer = await api.restoreBackup(first.generations[0]!.name, PASSPHRASE);
    expect((await cancelled).ok).toBe(true);
    expect(answer.ok).toBe(false);
    if (!answer.ok)
      expect(answer.error).toMatchObject({
        reason: 'work_cancelled',
        key: 'errors.backup.restoreCancelled',
      });
    expect(everything()).toBe(before);
    expect(generationFiles(folder)).toEqual(files);
    const stages = statuses.flatMap((s) => (workIn(s, 'restore') ? [workIn(s, 'restore')!] : []));
    expect(stages.every((w) => w.cancellable && w.stage !== 'replace')).toBe(true);
  }, 60_000);

  it('refuses a cancel once it replaces the data, and goes on to the end', async () => {
    const { first } = await clubWithBackup(1000);
    const backedUp = everything();
    value(
      await api.save('members', { firstName: 'Nora', lastName: 'Neu', status: 'aktiv' } as never),
    );
    statuses = [];

    const refused = cancelWhen(
      (s) => workIn(s, 'restore')?.stage === 'replace',
      () => api.cancelWork('restore'),
    );
    const restored = value(await api.restoreBackup(first.generations[0]!.name, PASSPHRASE));
    expect(restored.safetyBackup).not.toBeNull();
    const answer = await refused;
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error).toMatchObject({
        reason: 'work_not_cancellable',
        key: 'errors.backup.restoreNotCancellable',
      });
      expect(translate(answer.error, 'de')).toBe(
        'Die Wiederherstellung ersetzt gerade die Daten und kann nicht mehr abgebrochen werden.',
      );
    }
    expect(everything()).toBe(backedUp);
    const stages = statuses.flatMap((s) =>
      workIn(s, 'restore') ? [workIn(s, 'restore')!.stage] : [],
    );
    expect(stages).toContain('replace');
    expect(stages.indexOf('replace')).toBe(stages.length - 1);
  }, 60_000);
});

describe('a restore and the work around it', () => {
  it('refuses saves while it runs, in words, so none is lost between its safety backup and the replace', async () => {
    const { first } = await clubWithBackup(1000);
    const backedUp = everything();
    const refusals: ApiResult<unknown>[] = [];
    const tried = new Promise<void>((resolve) => {
      // Any stage before the replace: the status event gathers 30 ms, so a quick stage such
      // as 'safety' may never be told on its own.
      const subscription = api.onDidChangeStatus((status) => {
        const restore = workIn(status, 'restore');
        if (!restore || restore.stage === 'replace') return;
        subscription.dispose();
        void (async () => {
          refusals.push(
            await api.save('members', {
              firstName: 'Nora',
              lastName: 'Neu',
              status: 'aktiv',
            } as never),
          );
          refusals.push(await api.remove('registers', profile.store.tables.registers.allIds()[0]!));
          resolve();
        })();
      });
    });
    value(await api.restoreBackup(first.generations[0]!.name, PASSPHRASE));
    await tried;
    expect(refusals).toHaveLength(2);
    for (const refused of refusals) {
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error).toMatchObject({ reason: 'restore_running' });
        expect(translate(refused.error, 'de')).toMatch(/Ihre Eingaben sind noch da/);
      }
    }
    expect(everything()).toBe(backedUp);
    // Once it has ended, the same save goes through.
    value(
      await api.save('members', { firstName: 'Nora', lastName: 'Neu', status: 'aktiv' } as never),
    );
  }, 60_000);

  it('honours a cancel asked for before its own work began (it waits for a sync round first)', async () => {
    const { folder, first } = await clubWithBackup(200);
    const before = everything();
    const files = generationFiles(folder);
    const restoring = api.restoreBackup(first.generations[0]!.name, PASSPHRASE);
    expect(await api.cancelWork('restore')).toEqual({ ok: true, value: null });
    const answer = await restoring;
    expect(answer).toMatchObject({
      ok: false,
      error: { reason: 'work_cancelled', key: 'errors.backup.restoreCancelled' },
    });
    expect(everything()).toBe(before);
    expect(generationFiles(folder)).toEqual(files);
  }, 60_000);
});

describe('a cancel when nothing runs', () => {
  it('answers a clear refusal for every kind of work', async () => {
    for (const work of ['importPreview', 'backup', 'verify', 'restore'] as const) {
      const answer = await api.cancelWork(work);
      expect(answer.ok).toBe(false);
      if (answer.ok) continue;
      expect(answer.error).toMatchObject({
        reason: 'no_work_to_cancel',
        key: 'errors.work.nothingToCancel',
      });
      expect(translate(answer.error, 'de')).toBe('Es läuft nichts, das abgebrochen werden könnte.');
    }
  });
});
