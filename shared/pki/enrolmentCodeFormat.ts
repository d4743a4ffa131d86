/**
 * The format of enrolment codes, `tutti1.<id>.<secret>.<CA fingerprint>`, as both sides read
 * it: the server (which makes and checks codes) and the device (which takes the CA fingerprint
 * from it to verify the server before sending anything).
 */
export const ENROLMENT_CODE_PREFIX = 'tutti1';

export interface ParsedEnrolmentCode {
  id: string;
  secret: string;
  caFingerprint: string;
}

/** Reads a code as pasted (spaces and line breaks removed); null when it is not one. */
export function parseEnrolmentCode(input: string): ParsedEnrolmentCode | null {
  const parts = input.replace(/\s+/g, '').split('.');
  if (parts.length !== 4 || parts[0] !== ENROLMENT_CODE_PREFIX) return null;
  const [, id, secret, caFingerprint] = parts as [string, string, string, string];
  if (
    !/^[A-Z2-7]{8}$/i.test(id) ||
    !/^[A-Z2-7]{32}$/i.test(secret) ||
    !/^[0-9a-f]{64}$/i.test(caFingerprint)
  )
    return null;
  return {
    id: id.toUpperCase(),
    secret: secret.toUpperCase(),
    caFingerprint: caFingerprint.toLowerCase(),
  };
}
