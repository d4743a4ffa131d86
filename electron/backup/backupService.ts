/**
 * The "Datensicherung" side of the desktop core: what the view asks (ClubApi), and the
 * automatic backups — daily while the program runs and once more when it closes, each only
 * when the data changed since the last backup. Automatic backups need no passphrase; neither
 * does the safety generation made before every import and restore.
 *
 * A backup, a verification and a restore asked for in the view report their stage through the
 * status event and can be cancelled (issue #26): a backup until its file is complete (no
 * partial file stays, the last backup stays the one before), a verification at any time, a
 * restore until it starts replacing the data — from then on a cancel is refused.
 */
import { join } from 'node:path';
import { AppError, failWith } from '../../shared/api/appError.ts';
import type {
  BackupStatus,
  RestoredBackupView,
  VerifiedBackupView,
} from '../../shared/api/backup.ts';
import { type ApiResult, fail, ok } from '../../shared/api/result.ts';
import type { BackupWork, BackupWorkView } from '../../shared/api/work.ts';
import { type Message, msg } from '../../shared/messages/message.ts';
import { LongWork, nothingToCancel } from '../core/longWork.ts';
import type { LocalStore } from '../store/localStore.ts';
import { DesktopBackups, type SafetyBackup } from './desktopBackups.ts';
import { restoreVerifiedInPlace } from './restoreInPlace.ts';
import { verifyBackup } from './verifyBackup.ts';

const CHECK_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const PASSPHRASE_CODES = ['wrong_passphrase', 'weak_passphrase'];

/** What a cancelled work answers, and a refused cancel (issue #26). */
const WORK_KEYS: Record<BackupWork, { cancelled: string; refused?: string }> = {
  backup: { cancelled: 'errors.backup.cancelled' },
  verify: { cancelled: 'errors.backup.verifyCancelled' },
  restore: {
    cancelled: 'errors.backup.restoreCancelled',
    refused: 'errors.backup.restoreNotCancellable',
  },
};

/**
 * An AppError as the view's answer, at the form field it belongs to (the API code comes from
 * errorCodes.ts: a missing folder is `not_found`, so the view asks whether to create it).
 */
function failure<T>(error: unknown, field?: string): ApiResult<T> {
  return failWith(field && error instanceof AppError ? error.at(field) : error);
}

/** The folder picker of the desktop program (Electron's dialog); none in the browser mode. */
export type FolderPicker = (current: string | null) => Promise<string | null>;

export interface BackupServiceOptions {
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
  pickFolder?: FolderPicker;
}

/** What the status event says of the backups: cheap to read (no folder listing). */
export interface BackupProgressView {
  progress: number | null;
  lastBackupAt: string | null;
  works: BackupWorkView[];
}

export class BackupService {
  readonly backups: DesktopBackups;
  private progress: number | null = null;
  private running: Promise<unknown> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => Date;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly pickFolder: FolderPicker | null;
  /** Why the last automatic backup failed; null after one that worked. */
  private automaticError: Message | null = null;

  constructor(store: LocalStore, options: BackupServiceOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => {});
    this.pickFolder = options.pickFolder ?? null;
    this.store = store;
    this.backups = new DesktopBackups(store, this.now);
  }

  private readonly store: LocalStore;
  private readonly changeListeners = new Set<(now: boolean) => void>();
  /** Work asked for in the view that runs now: one of each kind at a time. */
  private readonly works = new Map<BackupWork, LongWork>();

  /**
   * Called when a backup's progress moves or one ends (issue #25: no polling for it); `now`
   * when the news must leave at once (a restore begins to replace the data).
   */
  onDidChange(listener: (now: boolean) => void): { dispose(): void } {
    this.changeListeners.add(listener);
    return { dispose: () => this.changeListeners.delete(listener) };
  }

  private changed(now = false): void {
    for (const listener of this.changeListeners) {
      try {
        listener(now);
      } catch (error) {
        this.log('A backup listener failed', error);
      }
    }
  }

  progressView(): BackupProgressView {
    return {
      progress: this.progress,
      lastBackupAt: this.backups.lastBackupAt(),
      works: [...this.works.values()].map((w) => ({
        work: w.work as BackupWork,
        stage: w.stage,
        progress: w.progress,
        cancellable: w.isCancellable,
      })),
    };
  }

  /** Asks a backup, verification or restore under way to stop where that is safe. */
  cancel(work: BackupWork): ApiResult<null> {
    return this.works.get(work)?.cancel() ?? nothingToCancel();
  }

  /**
   * Runs `task` as the view's `work` of its kind, told in the status while it runs; a second
   * one of the same kind meanwhile is refused (a cancel would not know which is meant).
   */
  private async asWork<T>(
    kind: BackupWork,
    task: (work: LongWork) => Promise<ApiResult<T>>,
  ): Promise<ApiResult<T>> {
    if (this.works.has(kind)) return fail('conflict', 'errors.backup.alreadyRunning');
    const work = new LongWork(
      kind,
      kind === 'backup' ? 'snapshot' : 'key',
      (now) => this.changed(now),
      WORK_KEYS[kind],
    );
    this.works.set(kind, work);
    this.changed();
    try {
      return await task(work);
    } finally {
      this.works.delete(kind);
      this.changed();
    }
  }

  status(): BackupStatus {
    const overview = this.backups.overview();
    return {
      ...overview,
      generations: this.backups.list().map((g) => ({
        name: g.name,
        createdAt: g.createdAt.toISOString(),
        bytes: g.bytes,
        kind: g.kind,
        keptUntil: g.keptUntil?.toISOString() ?? null,
      })),
      progress: this.progress,
      folderPicker: this.pickFolder !== null,
      automaticError: this.automaticError,
    };
  }

  /**
   * Sets up the backups or moves them to another folder. A folder that does not exist is
   * created only when `createFolder` says the person was asked.
   */
  async configure(
    folder: string,
    passphrase: string,
    createFolder = false,
  ): Promise<ApiResult<BackupStatus>> {
    if (folder.trim() === '')
      return fail('validation', 'errors.backup.noFolder', undefined, {
        folder: msg('errors.backup.noFolderHint'),
      });
    try {
      await this.exclusive(() => this.backups.configure(folder.trim(), passphrase, createFolder));
      return ok(this.status());
    } catch (error) {
      const field =
        error instanceof AppError && PASSPHRASE_CODES.includes(error.code)
          ? 'passphrase'
          : 'folder';
      return failure(error, field);
    }
  }

  /** A new passphrase for the backup key; older backups open with the new one too. */
  async changePassphrase(
    oldPassphrase: string,
    newPassphrase: string,
  ): Promise<ApiResult<BackupStatus>> {
    try {
      await this.exclusive(() => this.backups.changePassphrase(oldPassphrase, newPassphrase));
      return ok(this.status());
    } catch (error) {
      const field =
        error instanceof AppError && error.code === 'wrong_passphrase'
          ? 'oldPassphrase'
          : error instanceof AppError && error.code === 'weak_passphrase'
            ? 'newPassphrase'
            : undefined;
      return failure(error, field);
    }
  }

  /** The desktop program's folder picker; null when the person cancelled it. */
  async chooseFolder(): Promise<ApiResult<string | null>> {
    if (!this.pickFolder) return fail('unavailable', 'errors.backup.noFolderPicker');
    return ok(await this.pickFolder(this.backups.overview().folder));
  }

  /** Deletes a backup made by hand or a safety generation. */
  async remove(name: string): Promise<ApiResult<BackupStatus>> {
    try {
      await this.exclusive(async () => this.backups.remove(name));
      return ok(this.status());
    } catch (error) {
      return failure(error);
    }
  }

  /** The safety generation before an import (see DesktopBackups.createSafety). */
  safetyBeforeImport(): Promise<SafetyBackup> {
    return this.exclusive(() => this.backups.createSafety('before-import'));
  }

  /** One backup at a time: a second request waits for the one under way. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.running ?? Promise.resolve();
    const next = previous.then(work);
    // The queue itself never rejects: the caller of `work` gets its failure, nobody else.
    const settled: Promise<unknown> = next.then(
      () => {},
      () => {},
    );
    this.running = settled;
    void settled.then(() => {
      if (this.running === settled) this.running = null;
    });
    return next;
  }

  backupNow(): Promise<ApiResult<BackupStatus>> {
    return this.asWork('backup', async (work) => {
      try {
        await this.exclusive(() =>
          this.backups.create({
            onProgress: (_phase, done) => {
              this.progress = done;
              this.changed();
            },
            checkpoint: work.checkpoint,
          }),
        );
        return ok(this.status());
      } catch (error) {
        return failure(error);
      } finally {
        this.progress = null;
        this.changed();
      }
    });
  }

  /** Only a generation listed in the configured folder: never a path the caller made up. */
  private generationPath(name: string): string | null {
    const folder = this.backups.overview().folder;
    return folder && this.backups.list().some((g) => g.name === name) ? join(folder, name) : null;
  }

  async verify(name: string, passphrase: string): Promise<ApiResult<VerifiedBackupView>> {
    const path = this.generationPath(name);
    if (!path) return failure(new AppError('not_found', 'errors.backup.generationNotFound'));
    return this.asWork('verify', async (work) => {
      try {
        const { manifest } = await verifyBackup(path, passphrase, undefined, work.checkpoint);
        return ok({
          createdAt: manifest.createdAt,
          appVersion: manifest.app.version,
          counts: manifest.counts,
        });
      } catch (error) {
        return failure(error, 'passphrase');
      }
    });
  }

  /**
   * Restores one generation of the configured folder into the open profile (see
   * restoreInPlace.ts); no backup runs meanwhile.
   */
  async restore(name: string, passphrase: string): Promise<ApiResult<RestoredBackupView>> {
    const path = this.generationPath(name);
    if (!path) return failure(new AppError('not_found', 'errors.backup.generationNotFound'));
    return this.asWork('restore', async (work) => {
      try {
        const { manifest, previous, safety } = await this.exclusive(async () => {
          // The passphrase is checked before the safety generation is written, so a mistyped
          // one does not leave a backup behind each time.
          const verified = await verifyBackup(path, passphrase, undefined, work.checkpoint);
          await work.checkpoint('safety', 0.8);
          const safety = await this.backups.createSafety('before-restore', {
            checkpoint: (_phase, done) => work.checkpoint('safety', 0.8 + 0.15 * done),
          });
          // Until here nothing of the data has changed, and a cancel ends the restore (the
          // safety generation's last checkpoint comes just before its rename, with nothing
          // awaited after it). From here on a cancel is refused.
          await work.pointOfNoReturn('replace', 0.95);
          return { ...restoreVerifiedInPlace(this.store, verified, this.now), safety };
        });
        return ok({
          createdAt: manifest.createdAt,
          previous,
          safetyBackup: 'made' in safety ? safety.made.createdAt.toISOString() : null,
        });
      } catch (error) {
        const atPassphrase = error instanceof AppError && error.code === 'wrong_passphrase';
        return failure(error, atPassphrase ? 'passphrase' : undefined);
      }
    });
  }

  /** The automatic backup: when configured, the data changed, and (daily) a day has passed. */
  private async automatic(onlyIfDue: boolean): Promise<void> {
    const { configured, lastBackupAt } = this.backups.overview();
    if (!configured) return;
    if (onlyIfDue && lastBackupAt && this.now().getTime() - Date.parse(lastBackupAt) < DAY_MS)
      return;
    try {
      const created = await this.exclusive(() => this.backups.createIfChanged());
      this.automaticError = null;
      if (created?.pruneError) this.log(`old backups not deleted: ${created.pruneError}`);
    } catch (error) {
      // A missing USB stick must not stop the program; the view says why at once.
      this.automaticError =
        error instanceof AppError ? error.text : msg('errors.backup.automaticFailed');
      this.log('automatic backup failed', error);
    }
    this.changed();
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.automatic(true), CHECK_EVERY_MS);
    this.timer.unref();
    void this.automatic(true);
  }

  /** Stops the daily check and backs up once more if the data changed (the program closes). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.automatic(false);
  }
}
