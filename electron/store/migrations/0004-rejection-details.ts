import type { Migration } from './migration.ts';

/**
 * A rejected change now stays on the device until the person resends or discards it: the
 * rejection keeps the server's state of its records (what "verwerfen" goes back to) and the
 * reason's key and parameters (the reason in the UI's language).
 */
export const migration0004RejectionDetails: Migration = {
  version: 4,
  name: 'rejection-details',
  up: `
    ALTER TABLE sync_rejections ADD COLUMN reason_key TEXT;
    ALTER TABLE sync_rejections ADD COLUMN reason_params TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE sync_rejections ADD COLUMN current TEXT NOT NULL DEFAULT '[]';
  `,
};
