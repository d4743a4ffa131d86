/**
 * Key store of the Electron app: the database key wrapped by the operating system through
 * Electron's safeStorage (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux).
 *
 * - The async API is used where Electron has it (it is non-blocking and survives key
 *   rotation); older Electrons only have the sync one.
 * - On Linux without a secret store, safeStorage falls back to `basic_text`: a hard-coded
 *   password, i.e. no protection. The user is told so plainly and must agree first.
 * - The backend in use is recorded beside the wrapped key, so that a later change (another
 *   desktop, a missing keyring) is explained instead of failing as "cannot decrypt".
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../shared/api/appError.ts';
import { newKeyWithFile, readKeyFile } from './keyFile.ts';
import { DATABASE_KEY_BYTES, type KeyStore, type NewKey } from './keyStore.ts';

/** Electron's safeStorage as far as this store uses it; injected, so tests use a double. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  isAsyncEncryptionAvailable?(): Promise<boolean>;
  encryptStringAsync?(plainText: string): Promise<Buffer>;
  decryptStringAsync?(
    encrypted: Buffer,
  ): Promise<string | { result: string; shouldReEncrypt?: boolean }>;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

export interface SafeStorageKeyStoreOptions {
  keyFilePath: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  /** Asks the user whether to store the key without OS protection (Linux `basic_text`). */
  confirmUnprotectedStorage(): Promise<boolean>;
  randomKey(): Buffer;
}

const safeKeyFileSchema = z.object({
  format: z.literal('tutti-safe-key/1'),
  backend: z.string(),
  wrappedKey: z.string(),
});

const UNPROTECTED_BACKEND = 'basic_text';

export class SafeStorageKeyStore implements KeyStore {
  constructor(private readonly options: SafeStorageKeyStoreOptions) {}

  get keyFilePath(): string {
    return this.options.keyFilePath;
  }

  hasKey(): boolean {
    return existsSync(this.options.keyFilePath);
  }

  /** The name of the OS store in use: `dpapi`, `keychain`, or the Linux backend. */
  backend(): string {
    const { platform, safeStorage } = this.options;
    if (platform === 'win32') return 'dpapi';
    if (platform === 'darwin') return 'keychain';
    return safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  }

  async createKey(): Promise<Buffer> {
    const prepared = await this.prepareKey();
    prepared.save();
    return prepared.key;
  }

  async prepareKey(): Promise<NewKey> {
    if (this.hasKey()) throw new Error('Refusing to overwrite an existing key file');
    await this.ensureAvailable();
    const backend = this.backend();
    if (backend === UNPROTECTED_BACKEND && !(await this.options.confirmUnprotectedStorage())) {
      throw new AppError('key_store_refused', 'errors.keys.storeRefused');
    }
    const key = this.options.randomKey();
    if (key.length !== DATABASE_KEY_BYTES) throw new Error('random key of wrong length');
    const wrapped = await this.encrypt(key.toString('base64'));
    const file = { format: 'tutti-safe-key/1', backend, wrappedKey: wrapped.toString('base64') };
    return newKeyWithFile(key, this.options.keyFilePath, file);
  }

  async unlockKey(): Promise<Buffer> {
    const file = readKeyFile(this.options.keyFilePath, safeKeyFileSchema);
    await this.ensureAvailable();
    const backend = this.backend();
    if (file.backend !== backend) {
      throw new AppError('key_store_changed', 'errors.keys.storeChanged', {
        before: file.backend,
        now: backend,
        flag: linuxStoreFlag(file.backend),
      });
    }
    let text: string;
    try {
      text = await this.decrypt(Buffer.from(file.wrappedKey, 'base64'));
    } catch (cause) {
      throw new AppError('key_file_damaged', 'errors.keys.notDecryptable', {}, { cause });
    }
    const key = Buffer.from(text, 'base64');
    if (key.length !== DATABASE_KEY_BYTES) {
      throw new AppError('key_file_damaged', 'errors.keys.wrappedKeyDamaged');
    }
    return key;
  }

  private async ensureAvailable(): Promise<void> {
    const { safeStorage } = this.options;
    const available = safeStorage.isAsyncEncryptionAvailable
      ? await safeStorage.isAsyncEncryptionAvailable()
      : safeStorage.isEncryptionAvailable();
    if (!available) {
      throw new AppError('key_store_unavailable', 'errors.keys.storeUnavailable');
    }
  }

  private encrypt(plainText: string): Promise<Buffer> {
    const { safeStorage } = this.options;
    return safeStorage.encryptStringAsync
      ? safeStorage.encryptStringAsync(plainText)
      : Promise.resolve(safeStorage.encryptString(plainText));
  }

  private async decrypt(encrypted: Buffer): Promise<string> {
    const { safeStorage } = this.options;
    if (!safeStorage.decryptStringAsync) return safeStorage.decryptString(encrypted);
    const result = await safeStorage.decryptStringAsync(encrypted);
    return typeof result === 'string' ? result : result.result;
  }
}

function linuxStoreFlag(backend: string): string {
  if (backend === 'gnome_libsecret') return 'gnome-libsecret';
  if (backend === UNPROTECTED_BACKEND) return 'basic';
  return backend;
}
