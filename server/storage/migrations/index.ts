import { migration0001Tenants } from './0001-tenants.ts';
import type { ServerMigration } from './serverMigration.ts';

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [migration0001Tenants];
