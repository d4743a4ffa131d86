import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/appError.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { SafeStorageKeyStore, type SafeStorageLike } from './safeStorageKeyStore.ts';

/**
 * Behaves like Electron's safeStorage: real authenticated encryption under a secret of the
 * "OS user"; another user's secret cannot decrypt; it can be unavailable (locked keyring) and
 * report its Linux backend. `withAsync` adds the async API of newer Electrons.
 */
class SafeStorageDouble implements SafeStorageLike {
  available = true;
  constructor(
    public backend: string,
    private readonly userSecret = randomBytes(32),
  ) {}
  isEncryptionAvailable() {
    return this.available;
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.userSecret, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from('v10'), iv, cipher.getAuthTag(), body]);
  }
  decryptString(encrypted: Buffer): string {
    if (!this.available) throw new Error('Decryption is not available.');
    const decipher = createDecipheriv('aes-256-gcm', this.userSecret, encrypted.subarray(3, 15));
    decipher.setAuthTag(encrypted.subarray(15, 31));
    return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString(
      'utf8',
    );
  }
  withAsync(): SafeStorageLike {
    return Object.assign(Object.create(this), {
      isAsyncEncryptionAvailable: async () => this.available,
      encryptStringAsync: async (text: string) => this.encryptString(text),
      decryptStringAsync: async (data: Buffer) => ({
        result: this.decryptString(data),
        shouldReEncrypt: false,
      }),
    });
  }
}

let temp: ReturnType<typeof makeTempDir>;
let keyFilePath: string;
let asked: number;
beforeEach(() => {
  temp = makeTempDir();
  keyFilePath = join(temp.dir, 'key.safe.json');
  asked = 0;
});
afterEach(() => temp.cleanup());

function store(safeStorage: SafeStorageLike, platform: NodeJS.Platform = 'linux', agree = false) {
  return new SafeStorageKeyStore({
    keyFilePath,
    safeStorage,
    platform,
    randomKey: () => randomBytes(32),
    confirmUnprotectedStorage: async () => {
      asked += 1;
      return agree;
    },
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('safeStorage key store', () => {
  it('round-trips the key through the OS store and records the backend', async () => {
    const os = new SafeStorageDouble('gnome_libsecret');
    const key = await store(os).createKey();
    expect(await store(os).unlockKey()).toEqual(key);
    const file = JSON.parse(readFileSync(keyFilePath, 'utf8'));
    expect(file).toMatchObject({ format: 'tutti-safe-key/1', backend: 'gnome_libsecret' });
    expect(readFileSync(keyFilePath, 'utf8')).not.toContain(key.toString('base64'));
    expect(asked).toBe(0);
  });

  it('uses the async API where Electron has it', async () => {
    const os = new SafeStorageDouble('kwallet6');
    const asyncOs = os.withAsync();
    const key = await store(asyncOs).createKey();
    expect(await store(asyncOs).unlockKey()).toEqual(key);
    // Data written by the async API reads back with the sync one, as Electron promises.
    expect(await store(os).unlockKey()).toEqual(key);
  });

  it('records dpapi on Windows', async () => {
    await store(new SafeStorageDouble('unknown'), 'win32').createKey();
    expect(JSON.parse(readFileSync(keyFilePath, 'utf8')).backend).toBe('dpapi');
  });

  it('refuses when the OS store is unavailable, and stores nothing', async () => {
    const os = new SafeStorageDouble('gnome_libsecret');
    os.available = false;
    const error = await failure(store(os).createKey());
    expect(error.code).toBe('key_store_unavailable');
    expect(error.message).toMatch(/nicht erreichbar/);
    expect(store(os).hasKey()).toBe(false);
  });

  it('asks before storing the key with basic_text, and stores nothing without consent', async () => {
    const os = new SafeStorageDouble('basic_text');
    const error = await failure(store(os, 'linux', false).createKey());
    expect(asked).toBe(1);
    expect(error.code).toBe('key_store_refused');
    expect(store(os).hasKey()).toBe(false);
    const key = await store(os, 'linux', true).createKey();
    expect(asked).toBe(2);
    expect(await store(os).unlockKey()).toEqual(key);
  });

  it('explains a change of the Linux backend instead of failing blindly', async () => {
    const os = new SafeStorageDouble('gnome_libsecret');
    await store(os).createKey();
    os.backend = 'basic_text';
    const error = await failure(store(os).unlockKey());
    expect(error.code).toBe('key_store_changed');
    expect(error.message).toMatch(
      /„gnome_libsecret“, jetzt „basic_text“.*--password-store=gnome-libsecret/,
    );
  });

  it('tells when another user (another OS secret) cannot decrypt the key', async () => {
    await store(new SafeStorageDouble('kwallet5')).createKey();
    const error = await failure(store(new SafeStorageDouble('kwallet5')).unlockKey());
    expect(error.code).toBe('key_file_damaged');
    expect(error.message).toMatch(/anderer Benutzer oder anderer Computer/);
  });
});
