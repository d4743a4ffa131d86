import { AppError } from '../../shared/api/appError.ts';
import type { WritableDB } from './database.ts';
import type { Migration } from './migrations/migration.ts';

export function schemaVersion(db: WritableDB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to date, one migration per transaction. A database written by a newer
 * Tutti is refused untouched: an older program must not guess at tables it does not know.
 */
export function migrate(db: WritableDB, migrations: readonly Migration[]): number {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new Error(`Migration ${m.name} has version ${m.version}, expected ${index + 1}`);
    }
  });
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new AppError('database_from_future', 'errors.store.fromFuture', {
      version: current,
      known: migrations.length,
    });
  }
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}
