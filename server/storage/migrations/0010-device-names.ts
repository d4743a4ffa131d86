import type { ServerMigration } from './serverMigration.ts';

/**
 * The computer's name a device gave at enrolment ("LAPTOP-SCHRIFTFUEHRER"): an operator and a
 * secretary recognise it where a device id says nothing. Devices enrolled before have none.
 */
export const migration0010DeviceNames: ServerMigration = {
  version: 10,
  name: 'device-names',
  up: `
    ALTER TABLE devices ADD COLUMN name text;
    ALTER TABLE support_devices ADD COLUMN name text;
  `,
};
