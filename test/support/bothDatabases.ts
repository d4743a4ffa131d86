/**
 * The club server's two databases for a test file that runs the same tests on each: PGlite in
 * memory and a throw-away PostgreSQL server (test/support/postgres.ts), opened before the
 * file's tests, closed after them. Call at the top of the file; the record is filled in by the
 * time the first test runs.
 */
import { afterAll, beforeAll } from 'vitest';
import { migrateServer } from '../../server/storage/migrateServer.ts';
import { PgliteDatabase } from '../../server/storage/pgliteDatabase.ts';
import { PostgresDatabase } from '../../server/storage/postgresDatabase.ts';
import type { ServerDatabase } from '../../server/storage/serverDatabase.ts';
import { startTestPostgres, type TestPostgres } from './postgres.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface BothDatabases {
  databases: Record<DatabaseKind, ServerDatabase>;
  /** The PostgreSQL server's address (its superuser), for a test that connects otherwise. */
  postgresUrl(): string;
}

export function bothDatabases(options: { migrate: boolean }): BothDatabases {
  const databases = {} as Record<DatabaseKind, ServerDatabase>;
  let postgres: TestPostgres | undefined;
  beforeAll(async () => {
    postgres = await startTestPostgres();
    databases.pglite = await PgliteDatabase.open('memory://');
    databases.postgres = await PostgresDatabase.open(postgres.url);
    if (options.migrate) for (const db of Object.values(databases)) await migrateServer(db);
  }, 60_000);
  afterAll(async () => {
    for (const db of Object.values(databases)) await db.close();
    postgres?.stop();
  });
  return {
    databases,
    postgresUrl: () => {
      if (!postgres) throw new Error('PostgreSQL is not started yet');
      return postgres.url;
    },
  };
}
