/**
 * A profile is a folder with the encrypted database, its wrapped key and a lock file.
 * Opening one checks, in this order, what a person could fix: the folder is writable, no other
 * Tutti has it open, the key unlocks, the database reads. Nothing is changed before all pass.
 */
import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../shared/api/appError.ts';
import type { KeyStore, NewKey } from '../keys/keyStore.ts';
import { PassphraseKeyStore } from '../keys/passphraseKeyStore.ts';
import { passphraseFromEnvironmentOrTerminal } from '../keys/passphraseSource.ts';
import { openReadable, type ReadableDB } from '../store/database.ts';
import { repairFutureStamps } from '../store/futureStamps.ts';
import { LocalStore } from '../store/localStore.ts';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index.ts';
import { ProfileLock } from './profileLock.ts';

export const DATABASE_FILE = 'tutti.db';
export const KEY_FILE = 'key.json';
const LOCK_FILE = 'tutti.lock';

export interface ProfilePaths {
  dir: string;
  database: string;
  keyFile: string;
  lock: string;
}

export function profilePaths(dir: string): ProfilePaths {
  return {
    dir,
    database: join(dir, DATABASE_FILE),
    keyFile: join(dir, KEY_FILE),
    lock: join(dir, LOCK_FILE),
  };
}

/** The user's data folder, where `npm start` keeps its default profile. */
export function defaultProfileDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Tutti', 'profile');
  if (platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Tutti', 'profile');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'tutti', 'profile');
}

function notWritable(dir: string, cause: unknown): AppError {
  return new AppError('profile_not_writable', 'core.profile.notWritable', { dir }, { cause });
}

/** Creates the folder if needed and proves it writable by writing a probe file. */
function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const probe = join(dir, `.write-probe-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (cause) {
    throw notWritable(dir, cause);
  }
  for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, KEY_FILE]) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    try {
      accessSync(path, constants.R_OK | constants.W_OK);
    } catch (cause) {
      throw notWritable(dir, cause);
    }
  }
}

export interface OpenedProfile {
  paths: ProfilePaths;
  store: LocalStore;
  close(): void;
}

export function passphraseKeyStore(dir: string, env: NodeJS.ProcessEnv = process.env): KeyStore {
  return new PassphraseKeyStore(
    profilePaths(dir).keyFile,
    passphraseFromEnvironmentOrTerminal(env),
  );
}

/**
 * Opens (or creates) a profile. `newKey`, prepared ahead by `beginOpenProfile`, is the key a
 * profile without one is created with.
 */
export async function openProfile(
  dir: string,
  keyStore: KeyStore = passphraseKeyStore(dir),
  newKey?: NewKey,
): Promise<OpenedProfile> {
  const paths = profilePaths(dir);
  ensureWritableDir(dir);
  const lock = ProfileLock.acquire(paths.lock);
  try {
    const databaseExists = existsSync(paths.database);
    let key: Buffer;
    if (keyStore.hasKey()) {
      newKey?.key.fill(0); // another Tutti created the profile meanwhile: its key counts
      key = await keyStore.unlockKey();
    } else if (databaseExists) {
      throw new AppError('key_file_missing', 'core.profile.keyFileMissing', {
        database: paths.database,
        keyFile: keyStore.keyFilePath,
      });
    } else if (newKey) {
      newKey.save();
      key = newKey.key;
    } else key = await keyStore.createKey();
    const store = LocalStore.open(paths.database, key);
    key.fill(0);
    try {
      repairFutureStamps(store);
    } catch (error) {
      store.close();
      throw error;
    }
    return {
      paths,
      store,
      close() {
        store.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * The profile's database key, for a core host that opens the profile in another process
 * (issue #26): unlocked here, where safeStorage or the terminal is, or — for a new profile —
 * created. The same checks as `openProfile`, in its order, so the same message comes first.
 */
export async function unlockProfileKey(dir: string, keyStore: KeyStore): Promise<Buffer> {
  const paths = profilePaths(dir);
  ensureWritableDir(dir);
  if (ProfileLock.isHeld(paths.lock)) ProfileLock.acquire(paths.lock).release(); // says who
  if (keyStore.hasKey()) return keyStore.unlockKey();
  if (existsSync(paths.database)) {
    throw new AppError('key_file_missing', 'core.profile.keyFileMissing', {
      database: paths.database,
      keyFile: keyStore.keyFilePath,
    });
  }
  return keyStore.createKey();
}

/** A profile being opened while the caller does other work; see `beginOpenProfile`. */
export interface PendingProfile {
  /** The opened profile; a new one is written to disk only now. */
  open(): Promise<OpenedProfile>;
  /** The caller's work failed: nothing is created, an opened profile is closed again. */
  discard(): Promise<void>;
}

/**
 * Starts unlocking a profile's key — or, for a new profile, creating and wrapping one — on
 * libuv's thread pool, so that scrypt's half second overlaps with the caller's own work (an
 * import reads its file meanwhile). A new profile touches the disk only in `open()`: a command
 * that fails before leaves no empty profile behind.
 *
 * Resolves once scrypt is running (or the terminal is asking for the passphrase): the key work
 * gets there through a few promise steps, which would otherwise wait behind the caller's next
 * stretch of synchronous work — reading an Access file is one long one.
 */
export async function beginOpenProfile(
  dir: string,
  keyStore: KeyStore = passphraseKeyStore(dir),
): Promise<PendingProfile> {
  const pending = startOpening(dir, keyStore);
  await new Promise((resolve) => setImmediate(resolve));
  return pending;
}

function startOpening(dir: string, keyStore: KeyStore): PendingProfile {
  if (existsSync(profilePaths(dir).database) || keyStore.hasKey()) {
    const opening = openProfile(dir, keyStore);
    opening.catch(() => {}); // reported by open(); discard() must not leave it unhandled
    return {
      open: () => opening,
      discard: () => opening.then((profile) => profile.close()).catch(() => {}),
    };
  }
  const preparing = keyStore.prepareKey();
  preparing.catch(() => {});
  return {
    open: async () => openProfile(dir, keyStore, await preparing),
    discard: () =>
      preparing
        .then((prepared) => {
          prepared.key.fill(0);
        })
        .catch(() => {}),
  };
}

/**
 * Opens a profile's database read-only, without the profile lock: exports and reports work
 * while Tutti itself is running.
 */
export async function openProfileReadOnly(
  dir: string,
  keyStore: KeyStore = passphraseKeyStore(dir),
): Promise<{ db: ReadableDB; close(): void }> {
  const paths = profilePaths(dir);
  if (!existsSync(paths.database)) {
    throw new AppError('not_found', 'core.profile.notFound', { dir });
  }
  if (!keyStore.hasKey()) {
    throw new AppError('key_file_missing', 'core.profile.keyFileMissing', {
      database: paths.database,
      keyFile: keyStore.keyFilePath,
    });
  }
  const key = await keyStore.unlockKey();
  const db = openReadable(paths.database, key);
  key.fill(0);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== LATEST_SCHEMA_VERSION) {
    db.close();
    throw new AppError(
      version > LATEST_SCHEMA_VERSION ? 'database_from_future' : 'bad_arguments',
      version > LATEST_SCHEMA_VERSION ? 'core.profile.fromFuture' : 'core.profile.notMigrated',
      { version },
    );
  }
  return { db, close: () => db.close() };
}
