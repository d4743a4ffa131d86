import type { Migration } from './migration.ts';

/**
 * The honour rules a club follows, in its own record: the federations' rule sets it chose and
 * its own honours (shared/domain/honours/). Both start empty, without a stamp, so whatever a
 * device or the server sets wins.
 */
export const migration0007HonourRules: Migration = {
  version: 7,
  name: 'honour-rules',
  up: `
    ALTER TABLE club ADD COLUMN honour_rule_sets TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE club ADD COLUMN own_honours TEXT NOT NULL DEFAULT '[]';
  `,
};
