import { migration0001Initial } from './0001-initial.ts';
import { migration0002Sync } from './0002-sync.ts';
import { migration0003ImportKeys } from './0003-import-keys.ts';
import { migration0004RejectionDetails } from './0004-rejection-details.ts';
import { migration0005ImportedValues } from './0005-imported-values.ts';
import { migration0006ClubAndMemberHistory } from './0006-club-and-member-history.ts';
import { migration0007HonourRules } from './0007-honour-rules.ts';
import { migration0008MaintenanceInterval } from './0008-maintenance-interval.ts';
import type { Migration } from './migration.ts';

/** Every migration, in order. Add new ones at the end; never change or remove a shipped one. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001Initial,
  migration0002Sync,
  migration0003ImportKeys,
  migration0004RejectionDetails,
  migration0005ImportedValues,
  migration0006ClubAndMemberHistory,
  migration0007HonourRules,
  migration0008MaintenanceInterval,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
