import type { ServerMigration } from './serverMigration.ts';

/**
 * Records created through sync were stored without `id` among their fields, so the record API
 * listed them without ids and rights by register (which compare a register's id) hid every
 * register from a register leader. The id is added to every stored record, and every user's
 * scope epoch is raised: their devices sync everything once more and receive what they may
 * see now.
 */
export const migration0007RecordIds: ServerMigration = {
  version: 7,
  name: 'record-ids',
  up: `
    UPDATE records SET fields = fields || jsonb_build_object('id', id)
      WHERE fields->>'id' IS DISTINCT FROM id::text;
    UPDATE users SET scope_epoch = scope_epoch + 1;
  `,
};
