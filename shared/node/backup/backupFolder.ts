/**
 * One place where backups are kept: a folder (a USB stick, a second disk, a mounted share).
 * Files are named by their UTC moment and, unless automatic, by why they were made
 * (`tutti-1a2b3c4d-20261206T080000000Z-manual.tar.gz.age`), so listing and retention never
 * need to decrypt anything; a file is written under a temporary name, flushed to the disk and renamed, so a
 * pulled stick or a crash leaves either the whole generation or none.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_KINDS, type BackupKind } from '../../domain/backupKinds.ts';
import { BACKUP_SUFFIX } from './backupArchive.ts';
import { BackupError } from './backupError.ts';
import { KEY_FILE_NAME } from './backupKey.ts';
import {
  DEFAULT_RETENTION,
  generationsToKeep,
  keptUntil,
  type RetentionPolicy,
} from './retention.ts';

export interface StoredGeneration {
  name: string;
  path: string;
  createdAt: Date;
  bytes: number;
  kind: BackupKind;
  /** Until when a manual or safety generation is kept; null for automatic ones (they rotate). */
  keptUntil: Date | null;
}

const KIND_SUFFIXES = BACKUP_KINDS.filter((k) => k !== 'automatic').join('|');
/** Prefix, moment, and the kind unless automatic (names of older versions have none). */
const GENERATION_NAME = new RegExp(`^(.+)-(\\d{8}T\\d{9}Z)(?:-(${KIND_SUFFIXES}))?$`);

const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/;

function stampOf(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace('.', '');
}

function dateOfStamp(stamp: string): Date | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!));
}

/** Writes the whole file or nothing: temporary name, fsync, rename, fsync of the folder. */
export function writeFileAtomically(path: string, bytes: Uint8Array): void {
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  try {
    let written = 0;
    while (written < bytes.byteLength) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  fsyncFolder(join(path, '..'));
}

/** Bytes written between two calls of `between`: a slow USB stick still shows progress. */
const WRITE_CHUNK = 1024 * 1024;

/**
 * The same, written in chunks with `between(shareWritten)` awaited after each: it may report
 * progress and let the event loop run, and it may throw to stop — the partial file is then
 * removed, and nothing under `path` has changed.
 */
export async function writeFileAtomicallyInChunks(
  path: string,
  bytes: Uint8Array,
  between: (share: number) => Promise<void>,
): Promise<void> {
  const partial = `${path}.partial`;
  const handle = await open(partial, 'w', 0o600);
  try {
    try {
      let written = 0;
      while (written < bytes.byteLength) {
        const end = Math.min(written + WRITE_CHUNK, bytes.byteLength);
        while (written < end)
          written += (await handle.write(bytes, written, end - written)).bytesWritten;
        if (written < bytes.byteLength) await between(written / bytes.byteLength);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The last word before the rename, with no await after it: a stop asked for while the
    // file was flushed still leaves nothing.
    await between(1);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, path);
  fsyncFolder(join(path, '..'));
}

/** Makes a rename in `dir` durable. */
export function fsyncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; its rename is durable enough there.
  }
}

/**
 * Generations in `dir`, newest first: of one prefix, or of every prefix when none is given.
 * Anything else in the folder is ignored.
 */
export function listGenerations(dir: string, prefix?: string): StoredGeneration[] {
  if (!existsSync(dir)) return [];
  const generations: StoredGeneration[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(BACKUP_SUFFIX)) continue;
    const match = GENERATION_NAME.exec(name.slice(0, -BACKUP_SUFFIX.length));
    if (!match || (prefix !== undefined && match[1] !== prefix)) continue;
    const createdAt = dateOfStamp(match[2]!);
    if (!createdAt) continue;
    const path = join(dir, name);
    const kind = (match[3] as BackupKind | undefined) ?? 'automatic';
    generations.push({
      name,
      path,
      createdAt,
      bytes: statSync(path).size,
      kind,
      keptUntil: keptUntil(kind, createdAt),
    });
  }
  return generations.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export class BackupFolder {
  constructor(
    readonly dir: string,
    /** What every generation's name starts with: "tutti" on a desktop, the club on a server. */
    private readonly prefix: string,
  ) {}

  get keyFilePath(): string {
    return join(this.dir, KEY_FILE_NAME);
  }

  /** The key file's bytes, or null when the folder has none. */
  keyFile(): Buffer | null {
    return existsSync(this.keyFilePath) ? readFileSync(this.keyFilePath) : null;
  }

  /**
   * Writes the key file unless it is there with the same bytes. A different key file is never
   * overwritten — it may be the only key to other backups in this folder — unless it is
   * `replaces` (the same key under the old passphrase).
   */
  ensureKeyFile(wrappedKey: Uint8Array, replaces?: Uint8Array): void {
    mkdirSync(this.dir, { recursive: true });
    const existing = this.keyFile();
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
    if (existing && same(existing, wrappedKey)) return;
    if (existing && !(replaces && same(existing, replaces)))
      throw new BackupError(
        'wrong_key',
        `Im Ordner ${this.dir} liegt schon der Schlüssel einer anderen Datensicherung. Bitte einen eigenen Ordner wählen oder die Datensicherung mit der Passphrase jenes Schlüssels einrichten.`,
      );
    writeFileAtomically(this.keyFilePath, wrappedKey);
  }

  write(createdAt: Date, file: Uint8Array, kind: BackupKind = 'automatic'): StoredGeneration {
    const { name, path } = this.target(createdAt, kind);
    writeFileAtomically(path, file);
    return this.stored(name, path, createdAt, file, kind);
  }

  /**
   * The same in chunks (see writeFileAtomicallyInChunks): `between` may report progress and
   * throw to stop, leaving no file behind.
   */
  async writeInChunks(
    createdAt: Date,
    file: Uint8Array,
    kind: BackupKind,
    between: (share: number) => Promise<void>,
  ): Promise<StoredGeneration> {
    const { name, path } = this.target(createdAt, kind);
    await writeFileAtomicallyInChunks(path, file, between);
    return this.stored(name, path, createdAt, file, kind);
  }

  private target(createdAt: Date, kind: BackupKind): { name: string; path: string } {
    mkdirSync(this.dir, { recursive: true });
    const suffix = kind === 'automatic' ? '' : `-${kind}`;
    const name = `${this.prefix}-${stampOf(createdAt)}${suffix}${BACKUP_SUFFIX}`;
    return { name, path: join(this.dir, name) };
  }

  private stored(
    name: string,
    path: string,
    createdAt: Date,
    file: Uint8Array,
    kind: BackupKind,
  ): StoredGeneration {
    return {
      name,
      path,
      createdAt,
      bytes: file.byteLength,
      kind,
      keptUntil: keptUntil(kind, createdAt),
    };
  }

  /** This prefix's generations, newest first. */
  list(): StoredGeneration[] {
    return listGenerations(this.dir, this.prefix);
  }

  /**
   * Deletes one generation of this prefix by its listed name (a person deleting a backup by
   * hand); false when there is none of that name.
   */
  remove(name: string): boolean {
    const generation = this.list().find((g) => g.name === name);
    if (!generation) return false;
    rmSync(generation.path, { force: true });
    fsyncFolder(this.dir);
    return true;
  }

  /**
   * Deletes what is no longer kept and returns the names. The rotation runs over every
   * generation, so whoever only backs up by hand still keeps 7 daily, 4 weekly and 12 monthly
   * ones, and a clock that is wrong once cannot empty the folder; on top, a manual or safety
   * generation is kept for KEPT_DAYS, so an automatic backup of the same day never replaces it.
   */
  prune(policy: RetentionPolicy = DEFAULT_RETENTION, now: Date = new Date()): string[] {
    // Leftovers of writes a crash or a pulled stick interrupted.
    for (const name of readdirSync(this.dir))
      if (name.startsWith(`${this.prefix}-`) && name.endsWith(`${BACKUP_SUFFIX}.partial`))
        rmSync(join(this.dir, name), { force: true });
    const generations = this.list();
    const rotated = generationsToKeep(generations, policy);
    const keptOnPurpose = (g: StoredGeneration) => g.keptUntil !== null && g.keptUntil > now;
    const removed: string[] = [];
    for (const generation of generations)
      if (!rotated.has(generation.name) && !keptOnPurpose(generation)) {
        rmSync(generation.path, { force: true });
        removed.push(generation.name);
      }
    return removed;
  }
}
