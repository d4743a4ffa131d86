/**
 * age's passphrase recipient (`scrypt` stanza, age-encryption.org/v1) with Node's native scrypt
 * and ChaCha20-Poly1305 instead of the library's JavaScript ones: the same file format, read
 * and written by the `age` tool alike, about twice as fast, and off the event loop — a desktop
 * core that opens a key file keeps answering its window meanwhile.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { type Identity, type Recipient, Stanza } from 'age-encryption';

const LABEL = 'age-encryption.org/v1/scrypt';
/** Tutti's scrypt cost everywhere (passphraseSeal.ts): N = 2^17, OWASP's floor. */
export const BACKUP_KEY_LOG_N = 17;
/** What a file may ask for when read; the age tool's own limit. */
const MAX_LOG_N = 22;

function derive(passphrase: string, salt: Buffer, logN: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase,
      Buffer.concat([Buffer.from(LABEL), salt]),
      32,
      { N: 2 ** logN, r: 8, p: 1, maxmem: 2 ** logN * 8 * 128 * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

const NONCE = Buffer.alloc(12);
const base64NoPad = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

export class NativeScryptRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN = BACKUP_KEY_LOG_N,
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await derive(this.passphrase, salt, this.logN);
    const cipher = createCipheriv('chacha20-poly1305', key, NONCE, { authTagLength: 16 });
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
    return [new Stanza(['scrypt', base64NoPad(salt), String(this.logN)], body)];
  }
}

export class NativeScryptIdentity implements Identity {
  constructor(private readonly passphrase: string) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    for (const stanza of stanzas) {
      if (stanza.args[0] !== 'scrypt') continue;
      if (stanzas.length !== 1)
        throw new Error('scrypt recipient is not the only one in the header');
      const [, saltText, logNText] = stanza.args;
      if (stanza.args.length !== 3 || !/^[1-9][0-9]*$/.test(logNText ?? ''))
        throw new Error('invalid scrypt stanza');
      // Canonical unpadded base64 of 16 bytes, as age requires.
      if (!/^[A-Za-z0-9+/]{21}[AQgw]$/.test(saltText ?? ''))
        throw new Error('invalid scrypt stanza');
      const salt = Buffer.from(saltText!, 'base64');
      const logN = Number(logNText);
      if (salt.length !== 16 || stanza.body.length !== 32) throw new Error('invalid scrypt stanza');
      if (logN > MAX_LOG_N) throw new Error('scrypt work factor is too high');
      const key = await derive(this.passphrase, salt, logN);
      const decipher = createDecipheriv('chacha20-poly1305', key, NONCE, { authTagLength: 16 });
      decipher.setAuthTag(stanza.body.subarray(16));
      try {
        return Buffer.concat([decipher.update(stanza.body.subarray(0, 16)), decipher.final()]);
      } catch {
        return null; // another passphrase
      }
    }
    return null;
  }
}
