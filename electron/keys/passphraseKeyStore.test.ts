import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/appError.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { PassphraseKeyStore } from './passphraseKeyStore.ts';

// Cheap scrypt for tests; the product uses N = 2^17.
const FAST = { N: 2 ** 10, r: 8, p: 1 };
let temp: ReturnType<typeof makeTempDir>;
let keyFile: string;
beforeEach(() => {
  temp = makeTempDir();
  keyFile = join(temp.dir, 'key.json');
});
afterEach(() => temp.cleanup());

const store = (passphrase: string) => new PassphraseKeyStore(keyFile, async () => passphrase, FAST);

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? error.code : `unexpected: ${error}`;
  }
  return undefined;
}

describe('passphrase key store', () => {
  it('wraps a random 32-byte key and unwraps the same key with the passphrase', async () => {
    const created = await store('richtig-lange-passphrase').createKey();
    expect(created).toHaveLength(32);
    expect(await store('richtig-lange-passphrase').unlockKey()).toEqual(created);
    // The file holds neither the key nor the passphrase in the clear.
    const file = readFileSync(keyFile);
    expect(file.includes(created)).toBe(false);
    expect(file.includes(Buffer.from(created.toString('base64')))).toBe(false);
    expect(file.includes(Buffer.from('richtig-lange-passphrase'))).toBe(false);
  });

  it('tells a wrong passphrase apart', async () => {
    await store('richtig-lange-passphrase').createKey();
    expect(await codeOf(store('falsche-passphrase').unlockKey())).toBe('wrong_passphrase');
  });

  it('refuses a short passphrase and writes nothing', async () => {
    expect(await codeOf(store('kurz').createKey())).toBe('weak_passphrase');
    expect(store('kurz').hasKey()).toBe(false);
  });

  it('never overwrites an existing key', async () => {
    await store('richtig-lange-passphrase').createKey();
    await expect(store('richtig-lange-passphrase').createKey()).rejects.toThrow(/overwrite/);
  });

  it('reports a damaged key file instead of guessing', async () => {
    writeFileSync(keyFile, '{"format":"tutti-key/1"');
    expect(await codeOf(store('richtig-lange-passphrase').unlockKey())).toBe('key_file_damaged');
  });
});
