import type { Migration } from './migration.ts';

/**
 * How many months may pass between two services of an instrument (the start page lists it when
 * one is due). Empty for every instrument a club had: no interval was ever kept, and with no
 * stamp whatever a device or the server sets wins.
 */
export const migration0008MaintenanceInterval: Migration = {
  version: 8,
  name: 'maintenance-interval',
  up: `
    ALTER TABLE instruments ADD COLUMN maintenance_interval_months INTEGER;
  `,
};
