/**
 * The random values of sign-in: cookie and invitation tokens (256 bits, base64url), CSRF tokens,
 * and recovery codes. Only hashes of tokens and codes are stored: a copy of the database opens
 * no session and redeems no invitation. SHA-256 suffices for these (unlike passwords): they are
 * random and long, so there is nothing to guess from a hash.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '../../shared/web/webProtocol.ts';

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Lower-case letters and digits without the look-alikes 0/o, 1/l/i: read off paper, typed in. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_CODE = /^[a-z0-9]{5}-?[a-z0-9]{5}$/;

function recoveryCode(): string {
  const part = () =>
    Array.from({ length: 5 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join(
      '',
    );
  return `${part()}-${part()}`;
}

/** Ten new codes `xxxxx-xxxxx` (≈ 49 bits each), shown once. */
export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(recoveryCode());
  return [...codes];
}

/** A typed recovery code in its stored form (case and the dash forgiven), or null. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.trim().toLowerCase().replace(/\s+/g, '');
  if (!RECOVERY_CODE.test(code)) return null;
  const plain = code.replace('-', '');
  return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}

/** Salted by the account: the same code of two accounts has two hashes. */
export function recoveryCodeHash(accountId: string, code: string): string {
  return sha256Hex(`${accountId}:${code}`);
}
