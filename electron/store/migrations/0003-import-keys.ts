import type { Migration } from './migration.ts';

/**
 * Which record each imported source row became, and the values the import wrote: importing the
 * same file again finds its records instead of creating them twice, and a changed source
 * updates only the fields whose source value changed, leaving later edits in Tutti alone.
 * `source` is the source table's name, `source_key` its key value(s) for the row.
 */
export const migration0003ImportKeys: Migration = {
  version: 3,
  name: 'import-keys',
  up: `
    CREATE TABLE import_keys (
      source TEXT NOT NULL,
      entity TEXT NOT NULL,
      source_key TEXT NOT NULL,
      record_id TEXT NOT NULL,
      imported TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      PRIMARY KEY (source, entity, source_key)
    ) STRICT;
  `,
};
