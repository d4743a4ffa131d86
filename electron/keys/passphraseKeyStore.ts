/**
 * Passphrase key store: the random database key is wrapped with AES-256-GCM under a key
 * derived from the passphrase by scrypt. A wrong passphrase fails the GCM tag, so it is told
 * apart from a damaged database. The key file holds no secret in the clear.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { CoreError } from '../core/coreError.ts';
import { writeFileAtomic } from '../core/files.ts';
import { readKeyFile } from './keyFile.ts';
import { DATABASE_KEY_BYTES, type KeyStore } from './keyStore.ts';

/** OWASP's scrypt floor is N=2^17, r=8, p=1; it costs ~128 MiB and a few hundred ms once per start. */
const SCRYPT_DEFAULTS = { N: 2 ** 17, r: 8, p: 1 };
export const MIN_PASSPHRASE_LENGTH = 10;

const keyFileSchema = z.object({
  format: z.literal('tutti-key/1'),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().positive(),
    r: z.number().int().positive(),
    p: z.number().int().positive(),
    salt: z.string(),
  }),
  cipher: z.literal('aes-256-gcm'),
  iv: z.string(),
  tag: z.string(),
  wrappedKey: z.string(),
});
type KeyFile = z.output<typeof keyFileSchema>;

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      32,
      { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export class PassphraseKeyStore implements KeyStore {
  constructor(
    readonly keyFilePath: string,
    private readonly askPassphrase: (purpose: 'create' | 'unlock') => Promise<string>,
    private readonly scryptParams = SCRYPT_DEFAULTS,
  ) {}

  hasKey(): boolean {
    return existsSync(this.keyFilePath);
  }

  async createKey(): Promise<Buffer> {
    if (this.hasKey()) throw new Error('Refusing to overwrite an existing key file');
    const passphrase = await this.askPassphrase('create');
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new CoreError(
        'weak_passphrase',
        `Die Passphrase ist zu kurz: bitte mindestens ${MIN_PASSPHRASE_LENGTH} Zeichen wählen.`,
      );
    }
    const databaseKey = randomBytes(DATABASE_KEY_BYTES);
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const wrappingKey = await deriveKey(passphrase, salt, this.scryptParams);
    const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
    cipher.setAAD(Buffer.from('tutti-key/1'));
    const wrapped = Buffer.concat([cipher.update(databaseKey), cipher.final()]);
    const file: KeyFile = {
      format: 'tutti-key/1',
      kdf: { name: 'scrypt', ...this.scryptParams, salt: salt.toString('base64') },
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      wrappedKey: wrapped.toString('base64'),
    };
    writeFileAtomic(this.keyFilePath, `${JSON.stringify(file, null, 2)}\n`, 0o600);
    return databaseKey;
  }

  async unlockKey(): Promise<Buffer> {
    const file = readKeyFile(this.keyFilePath, keyFileSchema);
    const passphrase = await this.askPassphrase('unlock');
    const wrappingKey = await deriveKey(passphrase, Buffer.from(file.kdf.salt, 'base64'), file.kdf);
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(file.iv, 'base64'));
    decipher.setAAD(Buffer.from('tutti-key/1'));
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
    try {
      const key = Buffer.concat([
        decipher.update(Buffer.from(file.wrappedKey, 'base64')),
        decipher.final(),
      ]);
      if (key.length !== DATABASE_KEY_BYTES) throw new Error('unexpected key length');
      return key;
    } catch (cause) {
      throw new CoreError(
        'wrong_passphrase',
        'Die Passphrase ist falsch. Bitte erneut versuchen (Groß- und Kleinschreibung beachten).',
        { cause },
      );
    }
  }
}
