/**
 * "Datensicherung" of a desktop profile: set up once with a folder and a passphrase, then back
 * up now, on close or daily when the data changed. Every backup is a complete, consistent,
 * age-encrypted copy of the profile's database (format: shared/node/backup); the folder keeps
 * automatic generations by grandfather-father-son retention, and a backup made by hand and the
 * safety generation before every import and restore for KEPT_DAYS (retention.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';

import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/api/appError.ts';
import type { ImportSafetyBackup } from '../../shared/api/import.ts';
import type { BackupKind } from '../../shared/domain/backupKinds.ts';
import { ENTITY_NAMES } from '../../shared/domain/entities.ts';
import { APP_VERSION } from '../../shared/node/appVersion.ts';
import { encryptBackup, manifestFor, packBackup } from '../../shared/node/backup/backupArchive.ts';
import { BackupError } from '../../shared/node/backup/backupError.ts';
import { BackupFolder, type StoredGeneration } from '../../shared/node/backup/backupFolder.ts';
import {
  KEY_FILE_NAME,
  newBackupKey,
  recipientOf,
  unwrapBackupKey,
  wrapBackupKey,
} from '../../shared/node/backup/backupKey.ts';
import type { BackupManifest } from '../../shared/node/backup/backupManifest.ts';
import { snapshotOf } from '../../shared/node/backup/sqliteSnapshot.ts';
import { type Checkpoint, noCheckpoint } from '../core/longWork.ts';
import type { LocalStore } from '../store/localStore.ts';
import { TABLES } from '../store/tables.ts';
import { CONNECTION_KEYS, SyncSettings } from '../sync/syncSettings.ts';
import {
  asAppError,
  assertBackupPassphrase,
  KEY_FILE_DAMAGED,
  withAppErrors,
} from './backupErrors.ts';
import { BackupSettings } from './backupSettings.ts';

/** Generations of desktop profiles start so; a folder may hold those of several devices. */
export const DESKTOP_PREFIX = 'tutti';
/** The tables whose rows a backup's manifest counts and a verification recounts. */
export const COUNTED_TABLES = [...ENTITY_NAMES.map((e) => TABLES[e].table), 'outbox'];
const REMIND_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export type BackupPhase = 'snapshot' | 'pack' | 'encrypt' | 'write';
export type ProgressListener = (phase: BackupPhase, done: number) => void;

export interface BackupTimings {
  snapshotMs: number;
  packMs: number;
  encryptMs: number;
  writeMs: number;
}

export interface CreatedBackup {
  generation: StoredGeneration;
  manifest: BackupManifest;
  removed: string[];
  /** Why older generations could not be deleted this time (they are tried again next time). */
  pruneError: string | null;
  timings: BackupTimings;
}

/** The safety generation before an import or a restore, or why there is none. */
export type SafetyBackup = { made: StoredGeneration } | { skipped: 'not_configured' | 'no_data' };

/** The safety generation as an import report states it. */
export function safetyBackupView(safety: SafetyBackup): ImportSafetyBackup {
  return 'made' in safety ? { createdAt: safety.made.createdAt.toISOString() } : safety;
}

export interface BackupOverview {
  configured: boolean;
  folder: string | null;
  lastBackupAt: string | null;
  /** No backup for more than 7 days (or never) while there is data to lose. */
  reminder: boolean;
}

/**
 * The snapshot without the device's certificate and private key: a backup may travel (a USB
 * stick, another device of the club) and the key never leaves the device (DESIGN.md). A
 * restore keeps the profile's current connection, or asks to connect again.
 */
function withoutDeviceKey(snapshot: Buffer): Buffer {
  const db = new Database(snapshot);
  try {
    const remove = db.prepare('DELETE FROM meta WHERE key = ?');
    for (const key of CONNECTION_KEYS) remove.run(key);
    // Deleted rows stay readable in free pages (also older keys from certificate renewals):
    // VACUUM writes the copy anew, without any free page.
    db.exec('VACUUM');
    return snapshotOf(db);
  } finally {
    db.close();
  }
}

/**
 * Runs a write into a backup folder; a failure of the file system becomes a message that says
 * where and what to check (an AppError passes unchanged).
 */
function writingTo<T>(dir: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw folderError(dir, error);
  }
}

/** The same for a write that takes its time (a backup in chunks). */
async function writingToInTime<T>(dir: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw folderError(dir, error);
  }
}

/** A failure of the file system as a message that says where and what to check. */
function folderError(dir: string, error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof BackupError && error.code === 'wrong_key')
    return new AppError(
      'backup_unusable',
      'errors.backup.folderHasOtherKey',
      { dir },
      { cause: error },
    );
  if (error instanceof BackupError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return code
    ? new AppError(
        'backup_folder_unavailable',
        'errors.backup.folderUnwritable',
        { dir, code },
        { cause: error },
      )
    : new AppError(
        'backup_folder_unavailable',
        'errors.backup.folderUnwritableUnknown',
        { dir },
        { cause: error },
      );
}

/**
 * A folder a person typed or picked: a full path, and either there as a folder or to be
 * created because the person said so — a mistyped path must not silently become a new folder.
 */
function assertUsableFolder(folder: string, createFolder: boolean): void {
  if (!isAbsolute(folder))
    throw new AppError('folder_not_absolute', 'errors.backup.folderNotAbsolute');
  if (!existsSync(folder)) {
    const parent = dirname(folder);
    if (parent !== folder && !existsSync(parent))
      throw new AppError('folder_missing_parent', 'errors.backup.folderMissingParent', { parent });
    if (!createFolder)
      throw new AppError('folder_missing', 'errors.backup.folderMissing', { folder });
    return;
  }
  if (!statSync(folder).isDirectory())
    throw new AppError('not_a_folder', 'errors.backup.notAFolder', { folder });
}

export class DesktopBackups {
  private readonly settings: BackupSettings;

  constructor(
    private readonly store: LocalStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.settings = new BackupSettings(store.meta);
  }

  private folderOf(dir: string): BackupFolder {
    return new BackupFolder(dir, `${DESKTOP_PREFIX}-${this.store.deviceId.slice(0, 8)}`);
  }

  /** True once a backup key has been set up for this profile. */
  hasKey(): boolean {
    return this.settings.key() !== null;
  }

  /** When this profile was last backed up (ISO), read from the settings alone. */
  lastBackupAt(): string | null {
    return this.settings.last()?.at ?? null;
  }

  overview(): BackupOverview {
    const last = this.settings.last();
    const old = !last || this.now().getTime() - Date.parse(last.at) > REMIND_AFTER_MS;
    return {
      configured: this.settings.isConfigured(),
      folder: this.settings.folder(),
      lastBackupAt: last?.at ?? null,
      reminder: this.hasData() && old,
    };
  }

  /**
   * Sets up (or moves) the backups: the folder and the passphrase that protects the key file.
   * A folder that already holds a key file (another device of the club, an earlier profile)
   * is joined when the passphrase opens it; the profile's own key is kept otherwise, and a
   * first set-up makes a new key. A missing folder is created only with `createFolder`.
   */
  async configure(folder: string, passphrase: string, createFolder = false): Promise<void> {
    await withAppErrors(async () => {
      // A passphrase too short is said before the folder question: it needs no answer.
      assertBackupPassphrase(passphrase);
      assertUsableFolder(folder, createFolder);
      const target = this.folderOf(folder);
      const existing = target.keyFile();
      let identity: string;
      let wrapped: Uint8Array;
      if (existing) {
        wrapped = existing;
        identity = await unwrapBackupKey(existing, passphrase).catch((error: unknown) => {
          if (error instanceof BackupError && error.code === 'wrong_passphrase')
            throw new AppError(
              'wrong_passphrase',
              'errors.backup.folderKeyNotOpened',
              {},
              { cause: error },
            );
          throw asAppError(error, KEY_FILE_DAMAGED);
        });
      } else {
        const own = this.settings.key();
        identity = own
          ? await withAppErrors(() => unwrapBackupKey(own.wrapped, passphrase), KEY_FILE_DAMAGED)
          : (await newBackupKey()).identity;
        wrapped = own ? own.wrapped : await wrapBackupKey(identity, passphrase);
        writingTo(folder, () => target.ensureKeyFile(wrapped));
      }
      const recipient = await recipientOf(identity);
      this.store.transaction(() => {
        this.settings.setKey(wrapped, recipient);
        this.settings.setFolder(folder);
      });
    });
  }

  /** A new passphrase for the same key: every older backup opens with the new passphrase. */
  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    await withAppErrors(async () => {
      const own = this.requireKey();
      // The old passphrase first: a person who mistyped it should hear that before anything.
      const identity = await withAppErrors(
        () => unwrapBackupKey(own.wrapped, oldPassphrase),
        KEY_FILE_DAMAGED,
      );
      assertBackupPassphrase(newPassphrase);
      const wrapped = await wrapBackupKey(identity, newPassphrase);
      // The folder's key file first, and only into the folder that is there: with the stick
      // pulled, nothing changes, rather than a key file on the empty mount point and a stored
      // key that no longer matches the stick's.
      const folder = this.settings.folder();
      if (folder) {
        this.assertFolderPresent(folder);
        writingTo(folder, () => this.folderOf(folder).ensureKeyFile(wrapped, own.wrapped));
      }
      this.store.transaction(() => this.settings.setKey(wrapped, own.recipient));
    });
  }

  /**
   * The configured folder as it was set up: there, and holding a key file (set-up always
   * writes one). Otherwise the stick is most likely not plugged in, and a folder written in its
   * place (on Linux, the empty mount point) would only look like a backup.
   */
  private assertFolderPresent(dir: string): void {
    if (existsSync(this.folderOf(dir).keyFilePath)) return;
    if (existsSync(dir))
      throw new AppError('backup_folder_unavailable', 'errors.backup.folderKeyFileMissing', {
        dir,
        keyFile: KEY_FILE_NAME,
      });
    throw new AppError('backup_folder_unavailable', 'errors.backup.folderGone', { dir });
  }

  private requireKey(): { wrapped: Uint8Array; recipient: string } {
    const key = this.settings.key();
    if (!key) throw new AppError('backup_not_configured', 'errors.backup.notConfigured');
    return key;
  }

  /**
   * Backs up now into `folder` (the configured one by default) and applies the retention.
   * `kind` says why: by hand (the default), automatic, or the safety generation before an
   * import or a restore. The configured folder is never created anew: when it is gone, the
   * USB stick is most likely not plugged in, and a folder made in its place (on Linux, on the
   * empty mount point) would only look like a backup.
   */
  async create(
    options: {
      folder?: string;
      kind?: BackupKind;
      onProgress?: ProgressListener;
      /**
       * Awaited between the phases and the written chunks (issue #26): lets the status event
       * leave, and throws to stop — before the file is complete nothing is kept, and the last
       * backup stays the one before.
       */
      checkpoint?: Checkpoint;
      /** False: the database is left exactly as it is (it is about to be replaced). */
      recordAsLast?: boolean;
    } = {},
  ): Promise<CreatedBackup> {
    const key = this.requireKey();
    const dir = options.folder ?? this.settings.folder();
    if (!dir) throw new AppError('backup_not_configured', 'errors.backup.chooseFolder');
    if (options.folder === undefined) this.assertFolderPresent(dir);
    const onProgress = options.onProgress ?? (() => {});
    const checkpoint = options.checkpoint ?? noCheckpoint;
    const progress = async (phase: BackupPhase, done: number) => {
      onProgress(phase, done);
      await checkpoint(phase, done);
    };
    const createdAt = this.now();

    let started = performance.now();
    await progress('snapshot', 0);
    // One read transaction: the snapshot and the counts in its manifest are the same moment.
    const { snapshot, counts, fingerprint } = this.store.db.transaction(() => ({
      fingerprint: this.dataFingerprint(),
      snapshot: withoutDeviceKey(snapshotOf(this.store.db)),
      counts: Object.fromEntries(
        COUNTED_TABLES.map((table) => [
          table,
          (this.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
        ]),
      ),
    }))();
    const snapshotMs = performance.now() - started;

    started = performance.now();
    await progress('pack', 0.25);
    const manifest = manifestFor(
      {
        appVersion: APP_VERSION,
        origin: 'desktop',
        club: null,
        createdAt: createdAt.toISOString(),
        schemaVersion: this.store.schemaVersion,
        counts,
      },
      snapshot,
    );
    const archive = await packBackup(manifest, snapshot);
    const packMs = performance.now() - started;

    started = performance.now();
    await progress('encrypt', 0.4);
    const file = await encryptBackup(archive, [key.recipient]);
    const encryptMs = performance.now() - started;

    started = performance.now();
    await progress('write', 0.8);
    const folder = this.folderOf(dir);
    const generation = await withAppErrors(async () => {
      writingTo(dir, () => {
        try {
          folder.ensureKeyFile(key.wrapped);
        } catch (error) {
          if (error instanceof BackupError && error.code === 'wrong_key')
            throw new AppError(
              'backup_key_changed',
              'errors.backup.keyChanged',
              { dir },
              { cause: error },
            );
          throw error;
        }
      });
      // In chunks: a cancel stops it with the partial file removed (writeFileAtomicallyInChunks).
      return writingToInTime(dir, () =>
        folder.writeInChunks(createdAt, file, options.kind ?? 'manual', (share) =>
          progress('write', 0.8 + 0.15 * share),
        ),
      );
    });
    if (options.recordAsLast !== false)
      this.store.transaction(() => this.settings.setLast(createdAt.toISOString(), fingerprint));
    // The backup is written and recorded; a file the retention could not delete (locked on
    // Windows, say) stays until the next backup tries again, and is reported, not fatal.
    let removed: string[] = [];
    let pruneError: string | null = null;
    try {
      removed = folder.prune(undefined, createdAt);
    } catch (error) {
      pruneError = (error as NodeJS.ErrnoException).code ?? String(error);
    }
    const writeMs = performance.now() - started;
    onProgress('write', 1);
    return {
      generation,
      manifest,
      removed,
      pruneError,
      timings: { snapshotMs, packMs, encryptMs, writeMs },
    };
  }

  /**
   * The automatic backup (on close, daily): only when configured and only when the database
   * differs from the last backup's snapshot. Returns null when nothing was written.
   */
  async createIfChanged(): Promise<CreatedBackup | null> {
    if (!this.overview().configured) return null;
    const last = this.settings.last();
    if (last && last.fingerprint === this.dataFingerprint()) return null;
    return this.create({ kind: 'automatic' });
  }

  /**
   * The safety generation before an import or a restore: always when set up and there is
   * data to lose, whether or not it changed since the last backup (that one may rotate away).
   * When set up but the folder cannot be written, this throws: the import or restore must not
   * go ahead believing it is covered.
   */
  async createSafety(
    kind: 'before-import' | 'before-restore',
    options: { recordAsLast?: boolean; checkpoint?: Checkpoint } = {},
  ): Promise<SafetyBackup> {
    if (!this.overview().configured) return { skipped: 'not_configured' };
    if (!this.hasData()) return { skipped: 'no_data' };
    try {
      return { made: (await this.create({ kind, ...options })).generation };
    } catch (error) {
      // A cancel (issue #26) is no failure: it is said as the cancelled work's own.
      if (!(error instanceof AppError) || error.code === 'work_cancelled') throw error;
      throw new AppError(
        'safety_backup_failed',
        kind === 'before-import' ? 'errors.backup.beforeImport' : 'errors.backup.beforeRestore',
        { reason: error.text },
        { cause: error },
      );
    }
  }

  /**
   * Deletes a backup made by hand or a safety generation; automatic generations belong to
   * the rotation and are not deleted one by one.
   */
  remove(name: string): void {
    const dir = this.settings.folder();
    const generation = this.list().find((g) => g.name === name);
    if (!dir || !generation) throw new AppError('not_found', 'errors.backup.generationNotFound');
    if (generation.kind === 'automatic')
      throw new AppError('automatic_generation', 'errors.backup.automaticGeneration');
    try {
      this.folderOf(dir).remove(name);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw code
        ? new AppError(
            'backup_folder_unavailable',
            'errors.backup.notDeleted',
            { code },
            { cause: error },
          )
        : new AppError(
            'backup_folder_unavailable',
            'errors.backup.notDeletedUnknown',
            {},
            { cause: error },
          );
    }
  }

  private hasData(): boolean {
    return ENTITY_NAMES.some((e) => !this.store.tables[e].isEmpty());
  }

  /**
   * Changes whenever the records can have changed: every local edit takes the next mutation
   * id, and everything from the server moves the pull cursor. (A hash of the snapshot would
   * not do: recording the backup changes the database itself.)
   */
  private dataFingerprint(): string {
    return `m${this.store.outbox.lastMutationId()}-c${new SyncSettings(this.store.meta).cursor()}`;
  }

  /** This profile's generations in `folder` (the configured one by default), newest first. */
  list(folder?: string): StoredGeneration[] {
    const dir = folder ?? this.settings.folder();
    return dir ? this.folderOf(dir).list() : [];
  }
}
