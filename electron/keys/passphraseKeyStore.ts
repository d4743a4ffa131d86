/**
 * Passphrase key store: the random database key is wrapped with AES-256-GCM under a key
 * derived from the passphrase by scrypt. A wrong passphrase fails the GCM tag, so it is told
 * apart from a damaged database. The key file holds no secret in the clear.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../shared/api/appError.ts';
import {
  openWithPassphrase,
  SCRYPT_DEFAULTS,
  sealSchema,
  sealWithPassphrase,
} from '../../shared/node/passphraseSeal.ts';
import { newKeyWithFile, readKeyFile } from './keyFile.ts';
import { DATABASE_KEY_BYTES, type KeyStore, type NewKey } from './keyStore.ts';

export const MIN_PASSPHRASE_LENGTH = 10;
const FORMAT = 'tutti-key/1';

const keyFileSchema = sealSchema.extend({ format: z.literal(FORMAT), wrappedKey: z.string() });
type KeyFile = z.output<typeof keyFileSchema>;

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
    const prepared = await this.prepareKey();
    prepared.save();
    return prepared.key;
  }

  async prepareKey(): Promise<NewKey> {
    if (this.hasKey()) throw new Error('Refusing to overwrite an existing key file');
    const passphrase = await this.askPassphrase('create');
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new AppError('weak_passphrase', 'errors.keys.passphraseTooShort', {
        min: MIN_PASSPHRASE_LENGTH,
      });
    }
    const databaseKey = randomBytes(DATABASE_KEY_BYTES);
    const { seal, sealed } = await sealWithPassphrase(
      databaseKey,
      passphrase,
      FORMAT,
      this.scryptParams,
    );
    const file: KeyFile = { format: FORMAT, ...seal, wrappedKey: sealed.toString('base64') };
    return newKeyWithFile(databaseKey, this.keyFilePath, file);
  }

  async unlockKey(): Promise<Buffer> {
    const file = readKeyFile(this.keyFilePath, keyFileSchema);
    const passphrase = await this.askPassphrase('unlock');
    try {
      const key = await openWithPassphrase(
        file,
        Buffer.from(file.wrappedKey, 'base64'),
        passphrase,
        FORMAT,
      );
      if (key.length !== DATABASE_KEY_BYTES) throw new Error('unexpected key length');
      return key;
    } catch (cause) {
      throw new AppError('wrong_passphrase', 'errors.keys.wrongPassphrase', {}, { cause });
    }
  }
}
