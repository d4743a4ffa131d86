/**
 * The "Datensicherung" side of the desktop core: what the view asks (ClubApi), and the
 * automatic backups — daily while the program runs and once more when it closes, each only
 * when the data changed since the last backup. Automatic backups need no passphrase.
 */
import { join } from 'node:path';
import type {
  BackupStatus,
  RestoredBackupView,
  VerifiedBackupView,
} from '../../shared/api/backup.ts';
import { type ApiResult, fail, ok } from '../../shared/api/result.ts';
import { CoreError } from '../core/coreError.ts';
import type { LocalStore } from '../store/localStore.ts';
import { DesktopBackups } from './desktopBackups.ts';
import { restoreInPlace } from './restoreInPlace.ts';
import { verifyBackup } from './verifyBackup.ts';

const CHECK_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function failure<T>(error: unknown, field?: string): ApiResult<T> {
  if (!(error instanceof CoreError)) throw error;
  const code = error.code === 'not_found' ? 'not_found' : 'validation';
  return fail(code, error.message, field ? { [field]: error.message } : undefined);
}

export class BackupService {
  readonly backups: DesktopBackups;
  private progress: number | null = null;
  private running: Promise<unknown> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: LocalStore,
    private readonly now: () => Date = () => new Date(),
    private readonly log: (message: string, error?: unknown) => void = () => {},
  ) {
    this.backups = new DesktopBackups(store, now);
  }

  status(): BackupStatus {
    const overview = this.backups.overview();
    return {
      ...overview,
      generations: this.backups
        .list()
        .map((g) => ({ name: g.name, createdAt: g.createdAt.toISOString(), bytes: g.bytes })),
      progress: this.progress,
    };
  }

  async configure(folder: string, passphrase: string): Promise<ApiResult<BackupStatus>> {
    if (folder.trim() === '')
      return fail('validation', 'Bitte einen Ordner angeben.', {
        folder: 'Bitte einen Ordner angeben, z. B. den USB-Stick.',
      });
    try {
      await this.backups.configure(folder.trim(), passphrase);
      return ok(this.status());
    } catch (error) {
      const field =
        error instanceof CoreError && ['wrong_passphrase', 'weak_passphrase'].includes(error.code)
          ? 'passphrase'
          : 'folder';
      return failure(error, field);
    }
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

  async backupNow(): Promise<ApiResult<BackupStatus>> {
    try {
      await this.exclusive(() =>
        this.backups.create({ onProgress: (_phase, done) => (this.progress = done) }),
      );
      return ok(this.status());
    } catch (error) {
      return failure(error);
    } finally {
      this.progress = null;
    }
  }

  /** Only a generation listed in the configured folder: never a path the caller made up. */
  private generationPath(name: string): string | null {
    const folder = this.backups.overview().folder;
    return folder && this.backups.list().some((g) => g.name === name) ? join(folder, name) : null;
  }

  async verify(name: string, passphrase: string): Promise<ApiResult<VerifiedBackupView>> {
    const path = this.generationPath(name);
    if (!path) return fail('not_found', 'Diese Sicherung gibt es im Sicherungsordner nicht.');
    try {
      const { manifest } = await verifyBackup(path, passphrase);
      return ok({
        createdAt: manifest.createdAt,
        appVersion: manifest.app.version,
        counts: manifest.counts,
      });
    } catch (error) {
      return failure(error, 'passphrase');
    }
  }

  /**
   * Restores one generation of the configured folder into the open profile (see
   * restoreInPlace.ts); no backup runs meanwhile.
   */
  async restore(name: string, passphrase: string): Promise<ApiResult<RestoredBackupView>> {
    const path = this.generationPath(name);
    if (!path) return fail('not_found', 'Diese Sicherung gibt es im Sicherungsordner nicht.');
    try {
      const { manifest, previous } = await this.exclusive(() =>
        restoreInPlace(this.store, path, passphrase, this.now),
      );
      return ok({ createdAt: manifest.createdAt, previous });
    } catch (error) {
      return failure(error, 'passphrase');
    }
  }

  /** The automatic backup: when configured, the data changed, and (daily) a day has passed. */
  private async automatic(onlyIfDue: boolean): Promise<void> {
    const { configured, lastBackupAt } = this.backups.overview();
    if (!configured) return;
    if (onlyIfDue && lastBackupAt && this.now().getTime() - Date.parse(lastBackupAt) < DAY_MS)
      return;
    try {
      await this.exclusive(() => this.backups.createIfChanged());
    } catch (error) {
      // A missing USB stick must not stop the program; the view shows the reminder later.
      this.log('automatic backup failed', error);
    }
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
