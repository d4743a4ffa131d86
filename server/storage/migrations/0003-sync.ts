import { isolateClubTable } from './rowLevelSecurity.ts';
import type { ServerMigration } from './serverMigration.ts';

/**
 * Sync protocol v1 (DESIGN.md "Sync protocol"): per device the last processed mutation id
 * (advanced in the transaction that applies the mutation), the mutations the server rejected
 * with their reason, and per user a scope epoch that a change of role or registers raises.
 */
export const migration0003Sync: ServerMigration = {
  version: 3,
  name: 'sync',
  up: `
    CREATE TABLE device_mutations (
      club_id uuid NOT NULL REFERENCES clubs (id),
      device_id text NOT NULL,
      last_mutation_id bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (club_id, device_id)
    );

    CREATE TABLE rejected_mutations (
      club_id uuid NOT NULL REFERENCES clubs (id),
      device_id text NOT NULL,
      mutation_id bigint NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      reason text NOT NULL,
      fields jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (club_id, device_id, mutation_id)
    );

    ALTER TABLE users ADD COLUMN scope_epoch integer NOT NULL DEFAULT 1;

    GRANT SELECT, INSERT, UPDATE ON device_mutations, rejected_mutations TO tutti_app;
    ${['device_mutations', 'rejected_mutations'].map(isolateClubTable).join('\n')}
  `,
};
