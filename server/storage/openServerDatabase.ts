import { PgliteDatabase } from './pgliteDatabase.ts';
import { PostgresDatabase } from './postgresDatabase.ts';
import type { ServerDatabase } from './serverDatabase.ts';

/** A `postgres://` URL opens a PostgreSQL server; anything else is a PGlite data directory. */
export function openServerDatabase(target: string): Promise<ServerDatabase> {
  return /^postgres(ql)?:\/\//.test(target)
    ? PostgresDatabase.open(target)
    : PgliteDatabase.open(target);
}
