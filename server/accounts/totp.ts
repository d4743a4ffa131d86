/**
 * TOTP (RFC 6238) as every authenticator app knows it: SHA-1, 6 digits, 30 s, accepted one step
 * early or late for clocks that drift. A code is accepted only for a time step after the last one
 * used (the caller stores it), so a code seen over someone's shoulder cannot be used again.
 */
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const PERIOD = 30;
const ISSUER = 'Tutti';

function totpOf(secretBase32: string, label = ''): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new 160-bit secret, base32 (for typing into an app by hand). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, loginName: string): string {
  return totpOf(secretBase32, loginName).toString();
}

/** The time step (30-s counter) a code is valid for, or null when it matches none of ±1 step. */
export function totpStepOf(secretBase32: string, code: string, nowMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: nowMs, window: 1 });
  if (delta === null) return null;
  return TOTP.counter({ period: PERIOD, timestamp: nowMs }) + delta;
}

/**
 * The QR code of the otpauth URI as an SVG document: paths only — no script, no foreignObject,
 * no external reference — so the page may show it inline under its strict CSP.
 */
export async function totpQrSvg(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  if (/<script|foreignObject|href|on\w+=/i.test(svg)) throw new Error('unexpected QR code SVG');
  return svg;
}
