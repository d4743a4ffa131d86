import type { ServerMigration } from './serverMigration.ts';

/**
 * An invitation taken up with the password of an existing account that has a second factor
 * links the club only once that factor is confirmed: until then the session (stage
 * `secondFactor`) carries the invitation's token hash, and the invitation stays unused.
 */
export const migration0016SessionInvitation: ServerMigration = {
  version: 16,
  name: 'session-invitation',
  up: `
    ALTER TABLE web_sessions ADD COLUMN invitation_hash text;
  `,
};
