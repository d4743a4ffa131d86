/**
 * Sealing a secret under a passphrase: AES-256-GCM with a key derived by scrypt, the purpose
 * bound in as additional data. A wrong passphrase fails the GCM tag, so it is told apart from a
 * damaged file. Used by the desktop's passphrase key store and the server's key vault.
 *
 * `shared/node/` is the Node-only part of shared/: the desktop core and the server may import
 * it, the renderer and the rest of shared/ may not (checked by `npm run layers`).
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';

/** OWASP's scrypt floor is N=2^17, r=8, p=1; it costs ~128 MiB and a few hundred ms. */
export const SCRYPT_DEFAULTS = { N: 2 ** 17, r: 8, p: 1 };
export type ScryptParams = typeof SCRYPT_DEFAULTS;

export const sealSchema = z.object({
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
});
export type Seal = z.output<typeof sealSchema>;

export class WrongPassphraseError extends Error {
  constructor(options?: ErrorOptions) {
    super('wrong passphrase or damaged sealed data', options);
  }
}

function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
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

export async function sealWithPassphrase(
  secret: Buffer,
  passphrase: string,
  purpose: string,
  params: ScryptParams = SCRYPT_DEFAULTS,
): Promise<{ seal: Seal; sealed: Buffer }> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, params), iv);
  cipher.setAAD(Buffer.from(purpose));
  const sealed = Buffer.concat([cipher.update(secret), cipher.final()]);
  return {
    seal: {
      kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
    sealed,
  };
}

/** Opens what `sealWithPassphrase` sealed; throws `WrongPassphraseError` otherwise. */
export async function openWithPassphrase(
  seal: Seal,
  sealed: Buffer,
  passphrase: string,
  purpose: string,
): Promise<Buffer> {
  const key = await deriveKey(passphrase, Buffer.from(seal.kdf.salt, 'base64'), seal.kdf);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(seal.iv, 'base64'));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(Buffer.from(seal.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(sealed), decipher.final()]);
  } catch (cause) {
    throw new WrongPassphraseError({ cause });
  }
}
