/**
 * One-time enrolment codes. The club administrator hands a code to a device; the code carries
 * the SHA-256 fingerprint of the server's CA (as `kubeadm join` does), so the device can verify
 * the server before it sends anything, and pins that CA from then on.
 *
 * Format: `tutti1.<id>.<secret>.<fingerprint>` — id and secret in base32 (no 0/1/8/9, case-
 * insensitive, readable on the phone), fingerprint as 64 hex digits. The server stores only the
 * id, a SHA-256 of the secret, the expiry and whether it was used.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ENROLMENT_CODE_PREFIX } from '../../shared/pki/enrolmentCodeFormat.ts';

export {
  type ParsedEnrolmentCode,
  parseEnrolmentCode,
} from '../../shared/pki/enrolmentCodeFormat.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const ENROLMENT_CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret.toUpperCase()).digest('hex');
}

export interface StoredEnrolmentCode {
  id: string;
  secretHash: string;
  expiresAt: Date;
  usedAt: Date | null;
}

export function createEnrolmentCode(
  caFingerprint: string,
  now = new Date(),
): { code: string; stored: StoredEnrolmentCode } {
  if (!/^[0-9a-f]{64}$/.test(caFingerprint))
    throw new Error('CA fingerprint must be 64 lower-case hex digits');
  const id = base32(randomBytes(5)); // 8 characters
  const secret = base32(randomBytes(20)); // 160 bits: guessing is hopeless, rate limit or not
  return {
    code: `${ENROLMENT_CODE_PREFIX}.${id}.${secret}.${caFingerprint}`,
    stored: {
      id,
      secretHash: hashSecret(secret),
      expiresAt: new Date(now.getTime() + ENROLMENT_CODE_LIFETIME_MS),
      usedAt: null,
    },
  };
}

export type EnrolmentCheck = 'ok' | 'unknown' | 'wrong' | 'expired' | 'used';

/** The answers for a device (keys); 'unknown' and 'wrong' read alike, so ids cannot be probed. */
export const ENROLMENT_MESSAGES: Record<Exclude<EnrolmentCheck, 'ok'>, string> = {
  unknown: 'server.enrolment.invalid',
  wrong: 'server.enrolment.invalid',
  expired: 'server.enrolment.expired',
  used: 'server.enrolment.used',
};

export function checkEnrolmentCode(
  stored: StoredEnrolmentCode | undefined,
  secret: string,
  now = new Date(),
): EnrolmentCheck {
  if (!stored) return 'unknown';
  const given = Buffer.from(hashSecret(secret), 'hex');
  if (!timingSafeEqual(given, Buffer.from(stored.secretHash, 'hex'))) return 'wrong';
  if (stored.usedAt) return 'used';
  if (now.getTime() >= stored.expiresAt.getTime()) return 'expired';
  return 'ok';
}
