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
  /** Creates and wraps a new random key without storing it yet (see NewKey). */
  prepareKey(): Promise<NewKey>;
  /** Unwraps the stored key; throws an AppError a person can act on. */
  unlockKey(): Promise<Buffer>;
}

/**
 * A new key, wrapped but not yet written: a command can prepare it (scrypt takes half a second)
 * while it does other work, and create the profile only once that work has succeeded.
 */
export interface NewKey {
  readonly key: Buffer;
  /** Writes the wrapped key to the key file; refuses to overwrite an existing one. */
  save(): void;
}

export const DATABASE_KEY_BYTES = 32;
