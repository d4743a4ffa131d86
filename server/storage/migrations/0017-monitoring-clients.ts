import type { ServerMigration } from './serverMigration.ts';

/**
 * The monitoring locations' client certificates (issue #28): one current certificate per
 * location name. A renewal moves the previous serial to `retired_certificates` (listed in the
 * CRL until it expires, as for devices); a revoked location's serial is listed as revoked.
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
      revoked_at timestamptz
    );
    ALTER TABLE monitoring_clients ENABLE ROW LEVEL SECURITY;
  `,
};
