/**
 * Backups of the clubs on this server: each club's data (clubSnapshot.ts) in the backup format
 * of shared/node/backup, encrypted to the server's backup key (and further recipients), written
 * to every configured target folder independently — a failing target is reported and never
 * keeps the others from being written — with the same grandfather-father-son retention as the
 * desktop. Verify and restore need the backup key's secret half.
 */
import { readFileSync } from 'node:fs';
import type { Message } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';
import { APP_VERSION } from '../../shared/node/appVersion.ts';
import { openBackup, sealBackup } from '../../shared/node/backup/backupArchive.ts';
import { BackupError } from '../../shared/node/backup/backupError.ts';
import {
  BackupFolder,
  listGenerations,
  type StoredGeneration,
} from '../../shared/node/backup/backupFolder.ts';
import type { BackupManifest } from '../../shared/node/backup/backupManifest.ts';
import { inspectSnapshot } from '../../shared/node/backup/sqliteSnapshot.ts';
import type { BackupConfig } from '../app/dataDirectory.ts';
import { OPERATOR, writeAudit } from '../audit/auditLog.ts';
import { announceChange } from '../data/recordStore.ts';
import { AppError, messageOf, requireUuid } from '../errors.ts';
import type { Logger } from '../log/logger.ts';
import { SERVER_MIGRATIONS } from '../storage/migrations/index.ts';
import type { ServerDatabase } from '../storage/serverDatabase.ts';
import { ServerClock } from '../sync/serverClock.ts';
import type { BackupHealth } from './backupHealth.ts';
import { dumpClub, type RestoredClub, restoreClub } from './clubSnapshot.ts';

export const clubPrefix = (clubId: string) => `club-${clubId}`;

export interface TargetOutcome {
  target: string;
  file: string | null;
  /** What went wrong, in German (for the log), and as a message. */
  error: string | null;
  problem: Message | null;
  removed: number;
}

export interface ClubBackupOutcome {
  clubId: string;
  clubName: string;
  bytes: number;
  targets: TargetOutcome[];
}

/** A club's backup file, sealed but not yet written anywhere (also what is e-mailed). */
export interface SealedClubBackup {
  file: Uint8Array;
  manifest: BackupManifest;
  version: number;
}

/** What went wrong with a target or a file, as a message. */
function problemOf(error: unknown): Message {
  if (error instanceof AppError) return error.text;
  // Backup files are described by shared/node/backup, in German for now.
  if (error instanceof BackupError) return messageOf(error.message);
  const code = (error as NodeJS.ErrnoException).code;
  return code
    ? { key: 'server.backup.systemError', params: { code, detail: (error as Error).message } }
    : messageOf(String(error));
}

export class ServerBackups {
  constructor(
    private readonly db: ServerDatabase,
    private readonly config: () => BackupConfig | undefined,
    /** The bytes of the server's backup key file, copied into every target. */
    private readonly keyFile: () => Uint8Array,
    readonly health: BackupHealth,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** True when backup targets are set up (`tutti-server backup setup`). */
  configured(): boolean {
    return this.config() !== undefined;
  }

  private requireConfig(): BackupConfig {
    const config = this.config();
    if (!config) throw new AppError('unavailable', 'server.backup.notConfigured');
    return config;
  }

  async clubIds(): Promise<string[]> {
    return this.db.asOwner(async (sql) => {
      const { rows } = await sql.query<{ id: string }>('SELECT id FROM clubs ORDER BY created_at');
      return rows.map((r) => r.id);
    });
  }

  /** One club's data, as one consistent snapshot, sealed to `recipients`. */
  async seal(clubId: string, recipients: readonly string[]): Promise<SealedClubBackup> {
    requireUuid(clubId, 'club');
    const createdAt = this.now();
    const dump = await this.db.asOwner((sql) => dumpClub(sql, clubId));
    const { file, manifest } = await sealBackup(
      {
        appVersion: APP_VERSION,
        origin: 'server',
        club: { id: clubId, name: dump.clubName },
        createdAt: createdAt.toISOString(),
        schemaVersion: SERVER_MIGRATIONS.length,
        counts: dump.counts,
      },
      dump.snapshot,
      recipients,
    );
    return { file, manifest, version: dump.version };
  }

  /** Backs up one club (or every club) to every target. Never throws for a failing target. */
  async run(clubId?: string): Promise<ClubBackupOutcome[]> {
    const config = this.requireConfig();
    const outcomes: ClubBackupOutcome[] = [];
    for (const id of clubId ? [clubId] : await this.clubIds()) {
      const sealed = await this.seal(id, [config.recipient, ...config.extraRecipients]);
      const createdAt = new Date(sealed.manifest.createdAt);
      const targets: TargetOutcome[] = [];
      for (const target of config.targets) {
        const key = `target:${target}:${id}`;
        try {
          const folder = new BackupFolder(target, clubPrefix(id));
          folder.ensureKeyFile(this.keyFile());
          const written = folder.write(createdAt, sealed.file);
          const removed = folder.prune().length;
          this.health.clear(key);
          targets.push({ target, file: written.path, error: null, problem: null, removed });
        } catch (error) {
          const problem = problemOf(error);
          this.health.warn(key, {
            key: 'server.backup.targetFailed',
            params: { clubId: id, target, problem },
          });
          this.log.warn({ clubId: id, target, err: error }, 'backup target failed');
          targets.push({
            target,
            file: null,
            error: translate(problem, 'de'),
            problem,
            removed: 0,
          });
        }
      }
      await this.db.withClub(id, (sql) =>
        writeAudit(sql, id, OPERATOR, {
          action: 'backup.run',
          fields: targets.filter((t) => t.file).map((t) => t.target),
        }),
      );
      this.log.info(
        {
          clubId: id,
          bytes: sealed.file.byteLength,
          failed: targets.filter((t) => t.error).length,
        },
        'club backed up',
      );
      outcomes.push({
        clubId: id,
        clubName: sealed.manifest.club?.name ?? '',
        bytes: sealed.file.byteLength,
        targets,
      });
    }
    return outcomes;
  }

  /**
   * A club's generations per target, newest first. A target that cannot be read (a missing
   * mount) lists none and says why, so that it counts as stale and is written — or reported.
   */
  list(
    clubId: string,
  ): { target: string; generations: StoredGeneration[]; error: string | null }[] {
    requireUuid(clubId, 'club');
    return this.requireConfig().targets.map((target) => {
      try {
        return { target, generations: listGenerations(target, clubPrefix(clubId)), error: null };
      } catch (error) {
        return { target, generations: [], error: translate(problemOf(error), 'de') };
      }
    });
  }

  /** The newest generation of a club on any target. */
  newest(clubId: string): StoredGeneration | null {
    const all = this.list(clubId).flatMap((t) => t.generations);
    all.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return all[0] ?? null;
  }

  /** Decrypts and checks one file completely: checksum, SQLite integrity, counts. */
  async verifyFile(
    clubId: string,
    path: string,
    identity: string,
  ): Promise<{ manifest: BackupManifest; snapshot: Buffer }> {
    const { manifest, snapshot } = await openBackup(readFileSync(path), identity);
    if (manifest.origin !== 'server' || manifest.club?.id !== clubId)
      throw new AppError('bad_request', 'server.backup.notOfClub', { path, clubId });
    if (manifest.schemaVersion > SERVER_MIGRATIONS.length)
      throw new AppError('bad_request', 'server.backup.tooNew');
    const inspection = inspectSnapshot(snapshot, Object.keys(manifest.counts));
    for (const [table, expected] of Object.entries(manifest.counts))
      if (inspection.counts[table] !== expected)
        throw new AppError('bad_request', 'server.backup.incomplete', {
          table,
          count: inspection.counts[table] ?? 0,
          expected,
        });
    return { manifest, snapshot };
  }

  /** Verifies the newest generation of a club on every target (or one file). */
  async verify(
    clubId: string,
    identity: string,
    file?: string,
  ): Promise<
    {
      path: string;
      manifest: BackupManifest | null;
      error: string | null;
      problem: Message | null;
    }[]
  > {
    const paths = file
      ? [file]
      : this.list(clubId)
          .map((t) => t.generations[0]?.path)
          .filter((p): p is string => p !== undefined);
    if (paths.length === 0) throw new AppError('not_found', 'server.backup.noneYet', { clubId });
    const results = [];
    for (const path of paths) {
      const key = `verify:${path.slice(0, path.lastIndexOf('/'))}:${clubId}`;
      try {
        const { manifest } = await this.verifyFile(clubId, path, identity);
        this.health.clear(key);
        results.push({ path, manifest, error: null, problem: null });
      } catch (error) {
        const problem = problemOf(error);
        this.health.warn(key, { key: 'server.backup.verifyFailed', params: { path, problem } });
        results.push({ path, manifest: null, error: translate(problem, 'de'), problem });
      }
    }
    return results;
  }

  /**
   * Restores one club from a file (the newest generation on any target by default), after
   * checking it completely; the other clubs are not touched. Devices are poked and pull the
   * restored state.
   */
  async restore(
    clubId: string,
    identity: string,
    file?: string,
  ): Promise<RestoredClub & { file: string; createdAt: string }> {
    requireUuid(clubId, 'club');
    const path = file ?? this.newest(clubId)?.path;
    if (!path) throw new AppError('not_found', 'server.backup.none', { clubId });
    let verified: { manifest: BackupManifest; snapshot: Buffer };
    try {
      verified = await this.verifyFile(clubId, path, identity);
    } catch (error) {
      if (error instanceof BackupError)
        throw new AppError(
          'bad_request',
          'server.detail',
          { detail: error.message },
          { cause: error },
        );
      throw error;
    }
    const restored = await this.db.asOwner(async (sql) => {
      // A clock of its own (a new id): it first observes the club's latest stamp.
      const clock = new ServerClock(() => this.now().getTime());
      const result = await restoreClub(sql, clubId, verified.snapshot, clock);
      await announceChange(sql, clubId);
      return result;
    });
    await this.db.withClub(clubId, (sql) =>
      writeAudit(sql, clubId, OPERATOR, {
        action: 'club.restore',
        fields: [verified.manifest.createdAt],
      }),
    );
    this.log.info({ clubId, file: path, ...restored }, 'club restored');
    return { ...restored, file: path, createdAt: verified.manifest.createdAt };
  }
}
