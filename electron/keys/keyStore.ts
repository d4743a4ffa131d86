/**
 * Where the 32-byte database key comes from. In the Electron app the key is wrapped with
 * `safeStorage` (a later issue); without Electron it is wrapped by a passphrase.
 */
export interface KeyStore {
  /** The file that holds the wrapped key, for messages a person can act on. */
  readonly keyFilePath: string;
  /** True when a wrapped key exists for this profile. */
  hasKey(): boolean;
  /** Creates, wraps and stores a new random key; refuses to overwrite an existing one. */
  createKey(): Promise<Buffer>;
  /** Unwraps the stored key; throws a CoreError a person can act on. */
  unlockKey(): Promise<Buffer>;
}

export const DATABASE_KEY_BYTES = 32;
