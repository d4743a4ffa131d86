/**
 * Numbered migrations of the server database, each in its own transaction together with its
 * row in `schema_migrations`. A database migrated by a newer server is refused, untouched.
 */
import { SERVER_MIGRATIONS } from './migrations/index.ts';
import type { ServerMigration } from './migrations/serverMigration.ts';
import type { ServerDatabase } from './serverDatabase.ts';

export async function migrateServer(
  db: ServerDatabase,
  migrations: readonly ServerMigration[] = SERVER_MIGRATIONS,
): Promise<number> {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1)
      throw new Error(`Server migration ${m.name} has version ${m.version}, expected ${index + 1}`);
  });
  const current = await db.asOwner(async (sql) => {
    await sql.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await sql.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    return rows[0]?.version ?? 0;
  });
  if (current > migrations.length) {
    throw new Error(
      `Die Datenbank stammt von einem neueren Tutti-Server (Schema ${current}, dieser kennt bis ${migrations.length}). Bitte den Server aktualisieren.`,
    );
  }
  for (const m of migrations.slice(current)) {
    await db.asOwner(async (sql) => {
      await sql.exec(m.up);
      await sql.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
    });
  }
  return migrations.length;
}
