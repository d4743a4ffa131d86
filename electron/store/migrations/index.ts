import { migration0001Initial } from './0001-initial.ts';
import type { Migration } from './migration.ts';

/** Every migration, in order. Add new ones at the end; never change or remove a shipped one. */
export const MIGRATIONS: readonly Migration[] = [migration0001Initial];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
