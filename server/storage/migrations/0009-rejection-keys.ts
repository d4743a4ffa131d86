import type { ServerMigration } from './serverMigration.ts';

/**
 * A refused mutation keeps its reason's key and parameters: when a device sends it again
 * (its reply was lost), the server answers "rejected" again with the same reason, instead of
 * "skipped" — which had left the device holding a change nobody else has.
 */
export const migration0009RejectionKeys: ServerMigration = {
  version: 9,
  name: 'rejection-keys',
  up: `
    ALTER TABLE rejected_mutations
      ADD COLUMN reason_key text,
      ADD COLUMN reason_params jsonb NOT NULL DEFAULT '{}';
  `,
};
