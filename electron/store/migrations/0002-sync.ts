import type { Migration } from './migration.ts';

/**
 * What the sync client keeps beside the records: outbox entries the server has acknowledged
 * (kept until the pull of the same round has rebased on them, so a lost value is recognised as
 * this device's own), fields where a later remote value replaced one of this device's, and
 * mutations the server rejected — both shown in "Konflikte & Ablehnungen" until dismissed.
 */
export const migration0002Sync: Migration = {
  version: 2,
  name: 'sync',
  up: `
    ALTER TABLE outbox ADD COLUMN acked INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE sync_conflicts (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      entity TEXT NOT NULL,
      record_id TEXT NOT NULL,
      field TEXT NOT NULL,
      local_value TEXT,
      local_stamp TEXT NOT NULL,
      remote_value TEXT,
      remote_stamp TEXT NOT NULL,
      dismissed INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE sync_rejections (
      mutation_id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      reason TEXT NOT NULL,
      fields TEXT NOT NULL,
      mutation TEXT NOT NULL,
      dismissed INTEGER NOT NULL DEFAULT 0
    ) STRICT;
  `,
};
