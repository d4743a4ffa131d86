/**
 * Which certificates of a device are accepted. A renewal replaces the current certificate, but
 * the previous one stays valid until the new one is first used — the renewal's answer may have
 * been lost on the way (see migration 0006). The first request with the new certificate
 * promotes it; the previous one is refused from then on and goes into the revocation list.
 */
import { normalSerial } from '../pki/serial.ts';

export interface CertificateState {
  certificate_serial: string;
  revoked_at: Date | null;
  previous_serial: string | null;
  previous_not_after: Date | null;
  previous_retired: boolean;
}

/** `promote`: the current certificate, used for the first time since its renewal. */
export type CertificateVerdict = 'current' | 'promote' | 'previous' | 'refused';

export function certificateVerdict(
  device: CertificateState | undefined,
  presentedSerial: string,
  now: Date,
): CertificateVerdict {
  if (!device || device.revoked_at) return 'refused';
  const serial = normalSerial(presentedSerial);
  const previousValid =
    device.previous_serial !== null &&
    !device.previous_retired &&
    device.previous_not_after !== null &&
    device.previous_not_after > now;
  if (serial === device.certificate_serial) return previousValid ? 'promote' : 'current';
  if (previousValid && serial === device.previous_serial) return 'previous';
  return 'refused';
}
