import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/appError.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { PassphraseKeyStore } from '../keys/passphraseKeyStore.ts';
import { beginOpenProfile, openProfile } from './profile.ts';
import { ProfileLock } from './profileLock.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const keyStore = (dir: string) =>
  new PassphraseKeyStore(join(dir, 'key.json'), async () => 'lange-passphrase-1', FAST);

describe('opening a profile', () => {
  it('creates a new profile, and reopens it after the lock was released', async () => {
    const dir = join(temp.dir, 'profile');
    const first = await openProfile(dir, keyStore(dir));
    expect(ProfileLock.isHeld(join(dir, 'tutti.lock'))).toBe(true);
    first.close();
    expect(ProfileLock.isHeld(join(dir, 'tutti.lock'))).toBe(false);
    (await openProfile(dir, keyStore(dir))).close();
  });

  it('names the missing key file instead of making a new key for an existing database', async () => {
    const dir = join(temp.dir, 'profile');
    (await openProfile(dir, keyStore(dir))).close();
    rmSync(join(dir, 'key.json'));
    const error = await openProfile(dir, keyStore(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('key_file_missing');
    expect((error as AppError).message).toContain(join(dir, 'key.json'));
    expect(existsSync(join(dir, 'key.json'))).toBe(false);
    expect(ProfileLock.isHeld(join(dir, 'tutti.lock'))).toBe(false);
  });

  it('opens a profile whose lock an older Tutti left naming a PID now used by another program', async () => {
    const dir = join(temp.dir, 'profile');
    (await openProfile(dir, keyStore(dir))).close();
    writeFileSync(join(dir, 'tutti.lock'), '1'); // PID 1 is alive, and it is not Tutti
    const reopened = await openProfile(dir, keyStore(dir));
    expect(ProfileLock.isHeld(join(dir, 'tutti.lock'))).toBe(true);
    reopened.close();
  });

  it('refuses a second core on an open profile, naming the process', async () => {
    const dir = join(temp.dir, 'profile');
    const first = await openProfile(dir, keyStore(dir));
    try {
      const error = await openProfile(dir, keyStore(dir)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toBe(
        `Dieses Profil ist bereits geöffnet (Tutti-Prozess ${process.pid}). Bitte das andere Tutti-Fenster verwenden oder schließen.`,
      );
    } finally {
      first.close();
    }
  });
});

describe('opening a profile while other work runs', () => {
  it('writes nothing for a new profile until it is opened, and nothing at all when discarded', async () => {
    const dir = join(temp.dir, 'profile');
    const discarded = await beginOpenProfile(dir, keyStore(dir));
    await discarded.discard();
    expect(existsSync(dir)).toBe(false);

    const pending = await beginOpenProfile(dir, keyStore(dir));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the key is ready meanwhile
    expect(existsSync(dir)).toBe(false);
    const opened = await pending.open();
    expect(existsSync(join(dir, 'key.json'))).toBe(true);
    opened.close();
    // The key written is the one the database was created with.
    (await openProfile(dir, keyStore(dir))).close();
  });

  it('opens an existing profile, and closes it again when the work failed', async () => {
    const dir = join(temp.dir, 'profile');
    (await openProfile(dir, keyStore(dir))).close();
    const failed = await beginOpenProfile(dir, keyStore(dir));
    await failed.discard();
    expect(ProfileLock.isHeld(join(dir, 'tutti.lock'))).toBe(false);
    const pending = await beginOpenProfile(dir, keyStore(dir));
    const opened = await pending.open();
    expect(ProfileLock.isHeld(join(dir, 'tutti.lock'))).toBe(true);
    opened.close();
  });

  it('reports a refused passphrase when the profile is opened, leaving nothing behind', async () => {
    const dir = join(temp.dir, 'profile');
    const weak = new PassphraseKeyStore(join(dir, 'key.json'), async () => 'kurz', FAST);
    const pending = await beginOpenProfile(dir, weak);
    const error = await pending.open().catch((e: unknown) => e);
    expect((error as AppError).code).toBe('weak_passphrase');
    expect(existsSync(dir)).toBe(false);
  });
});
