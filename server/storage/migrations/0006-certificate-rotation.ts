import type { ServerMigration } from './serverMigration.ts';

/**
 * A renewed device certificate replaces the previous one only once the device has used it: until
 * then both are accepted. A renewal whose answer was lost on the way (a cut connection, a
 * deadline) would otherwise have locked the device out for good — the server had already
 * retired the only certificate the device holds. `previous_retired` is set by the first request
 * with the new certificate; from then on the previous one is refused and listed in the CRL.
 */
export const migration0006CertificateRotation: ServerMigration = {
  version: 6,
  name: 'certificate-rotation',
  up: `
    ALTER TABLE devices
      ADD COLUMN previous_serial text,
      ADD COLUMN previous_not_after timestamptz,
      ADD COLUMN previous_retired boolean NOT NULL DEFAULT false;
    ALTER TABLE support_devices
      ADD COLUMN previous_serial text,
      ADD COLUMN previous_not_after timestamptz,
      ADD COLUMN previous_retired boolean NOT NULL DEFAULT false;
  `,
};
