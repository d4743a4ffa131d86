import type { ServerMigration } from './serverMigration.ts';

/**
 * A refused mutation keeps its exact reason and the messages per field as keys with parameters
 * beside their German text, so that a device sending it again gets them again, to show in its
 * own language.
 */
export const migration0011RejectionFieldMessages: ServerMigration = {
  version: 11,
  name: 'rejection-field-messages',
  up: `
    ALTER TABLE rejected_mutations ADD COLUMN field_messages jsonb NOT NULL DEFAULT '{}';
    ALTER TABLE rejected_mutations ADD COLUMN reason_message jsonb;
  `,
};
