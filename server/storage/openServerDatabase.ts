import { PgliteDatabase } from './pgliteDatabase.ts';
import { PostgresDatabase } from './postgresDatabase.ts';
import type { ConnectionEvents, ServerDatabase } from './serverDatabase.ts';

/** A `postgres://` URL opens a PostgreSQL server; anything else is a PGlite data directory. */
export function openServerDatabase(
  target: string,
  events?: ConnectionEvents,
): Promise<ServerDatabase> {
  return /^postgres(ql)?:\/\//.test(target)
    ? PostgresDatabase.open(target, events)
    : PgliteDatabase.open(target);
}
