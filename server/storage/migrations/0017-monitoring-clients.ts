import type { ServerMigration } from './serverMigration.ts';

/**
 * The monitoring locations' client certificates (issue #28): one current certificate per
 * location name. As for devices, a renewal keeps the previous certificate valid until the new
 * one is first used (an answer lost on the way must not lock the location out); then the
 * previous serial moves to `retired_certificates` (on the CRL until it expires). A revoked
 * location's serial is listed as revoked.
 */
export const migration0017MonitoringClients: ServerMigration = {
  version: 17,
  name: 'monitoring-clients',
  up: `
    CREATE TABLE monitoring_clients (
      name text PRIMARY KEY,
      certificate_serial text NOT NULL UNIQUE,
      not_after timestamptz NOT NULL,
      issued_at timestamptz NOT NULL,
      -- When the location last renewed itself (NULL since \`monitor issue\`): one per hour.
      renewed_at timestamptz,
      previous_serial text,
      previous_not_after timestamptz,
      revoked_at timestamptz
    );
    ALTER TABLE monitoring_clients ENABLE ROW LEVEL SECURITY;
  `,
};
