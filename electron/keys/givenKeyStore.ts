/**
 * The key the window's process unlocked and handed to the core host (issue #26): Electron's
 * safeStorage, and a terminal asking for the passphrase, belong to that process. The host
 * only opens the profile with it; it never creates or stores a key.
 */
import { DATABASE_KEY_BYTES, type KeyStore, type NewKey } from './keyStore.ts';

export class GivenKeyStore implements KeyStore {
  private key: Buffer | null;

  constructor(
    readonly keyFilePath: string,
    key: Uint8Array,
  ) {
    if (key.length !== DATABASE_KEY_BYTES)
      throw new Error(`The database key must be ${DATABASE_KEY_BYTES} bytes.`);
    this.key = Buffer.from(key); // a copy: the caller wipes its own
  }

  hasKey(): boolean {
    return true;
  }

  createKey(): Promise<Buffer> {
    return Promise.reject(new Error('The core host never creates a key.'));
  }

  prepareKey(): Promise<NewKey> {
    return Promise.reject(new Error('The core host never creates a key.'));
  }

  /** Hands the key over once; the profile wipes it after opening the database. */
  async unlockKey(): Promise<Buffer> {
    const key = this.key;
    this.key = null;
    if (!key) throw new Error('The given key was used already.');
    return key;
  }
}
