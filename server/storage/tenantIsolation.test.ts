/**
 * Tenant isolation by the database itself, on PGlite and on a real PostgreSQL server: a club's
 * transaction sees only its own rows, cannot write rows of another club, and cannot rewrite the
 * audit log.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bothDatabases } from '../../test/support/bothDatabases.ts';
import { migrateServer } from './migrateServer.ts';
import { SERVER_MIGRATIONS } from './migrations/index.ts';
import { PostgresDatabase } from './postgresDatabase.ts';
import type { ServerDatabase } from './serverDatabase.ts';

const { databases, postgresUrl } = bothDatabases({ migrate: false });

describe.each(['pglite', 'postgres'] as const)('storage on %s', (kind) => {
  const clubA = randomUUID();
  const clubB = randomUUID();
  const userA = randomUUID();
  const userB = randomUUID();
  let db: ServerDatabase;

  beforeAll(async () => {
    db = databases[kind]!;
    expect(await migrateServer(db)).toBe(SERVER_MIGRATIONS.length);
    expect(await migrateServer(db)).toBe(SERVER_MIGRATIONS.length); // a second run changes nothing
    await db.asOwner(async (sql) => {
      await sql.query('INSERT INTO clubs (id, name) VALUES ($1, $2), ($3, $4)', [
        clubA,
        'Musikverein A',
        clubB,
        'Stadtkapelle B',
      ]);
    });
    await db.withClub(clubA, (sql) =>
      sql.query(
        `INSERT INTO users (club_id, id, name, role) VALUES ($1, $2, 'Anna', 'Administrator')`,
        [clubA, userA],
      ),
    );
    await db.withClub(clubB, (sql) =>
      sql.query(
        `INSERT INTO users (club_id, id, name, role) VALUES ($1, $2, 'Bernd', 'Administrator')`,
        [clubB, userB],
      ),
    );
  });

  it('shows a club only its own rows, even without a WHERE clause', async () => {
    const names = await db.withClub(clubA, async (sql) =>
      (await sql.query<{ name: string }>('SELECT name FROM users')).rows.map((r) => r.name),
    );
    expect(names).toEqual(['Anna']);
    const clubs = await db.withClub(
      clubA,
      async (sql) => (await sql.query<{ name: string }>('SELECT name FROM clubs')).rows,
    );
    expect(clubs).toEqual([{ name: 'Musikverein A' }]);
  });

  it('refuses to write a row into another club', async () => {
    await expect(
      db.withClub(clubA, (sql) =>
        sql.query(
          `INSERT INTO users (club_id, id, name, role) VALUES ($1, $2, 'Eindringling', 'Administrator')`,
          [clubB, randomUUID()],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await db.withClub(
      clubA,
      async (sql) =>
        (await sql.query(`UPDATE users SET name = 'X' WHERE id = $1 RETURNING id`, [userB])).rows,
    );
    expect(updated).toEqual([]);
    const names = await db.withClub(
      clubB,
      async (sql) => (await sql.query<{ name: string }>('SELECT name FROM users')).rows,
    );
    expect(names).toEqual([{ name: 'Bernd' }]);
  });

  it('keeps the audit log append-only', async () => {
    await db.withClub(clubA, (sql) =>
      sql.query(
        `INSERT INTO audit_log (club_id, actor, action) VALUES ($1, 'user:Anna', 'login')`,
        [clubA],
      ),
    );
    await expect(db.withClub(clubA, (sql) => sql.query('DELETE FROM audit_log'))).rejects.toThrow(
      /permission denied/,
    );
  });

  it("isolates the club's records and keeps owner-only tables out of reach", async () => {
    const record = randomUUID();
    await db.withClub(clubA, (sql) =>
      sql.query(
        `INSERT INTO records (club_id, entity, id, fields, stamps, version) VALUES ($1, 'members', $2, '{}', '{}', 1)`,
        [clubA, record],
      ),
    );
    const seenByB = await db.withClub(
      clubB,
      async (sql) => (await sql.query('SELECT id FROM records')).rows,
    );
    expect(seenByB).toEqual([]);
    await expect(
      db.withClub(clubB, (sql) =>
        sql.query(
          `INSERT INTO records (club_id, entity, id, fields, stamps, version) VALUES ($1, 'members', $2, '{}', '{}', 1)`,
          [clubA, randomUUID()],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    for (const table of [
      'club_admin_passwords',
      'support_staff',
      'support_devices',
      'support_enrolment_codes',
    ])
      await expect(
        db.withClub(clubA, (sql) => sql.query(`SELECT * FROM ${table}`)),
      ).rejects.toThrow(/permission denied/);
  });

  it('refuses a transaction opened inside another instead of waiting for itself', async () => {
    await expect(
      db.withClub(clubA, () => db.withClub(clubB, (sql) => sql.query('SELECT 1'))),
    ).rejects.toThrow(/nested database transaction/);
    // The outer transaction was rolled back and the database still answers.
    await expect(db.asOwner((sql) => sql.query('SELECT 1'))).resolves.toBeDefined();
  });

  it('sees nothing outside a club scope', async () => {
    await expect(db.withClub('not-a-uuid', async () => {})).rejects.toThrow(/invalid club id/);
  });
});

describe('PostgreSQL connection role', () => {
  it('refuses a role that cannot bypass row-level security, with what to do', async () => {
    const owner = databases.postgres!;
    await owner.asOwner((sql) => sql.query('CREATE ROLE tutti_plain LOGIN'));
    const url = postgresUrl().replace('postgres@', 'tutti_plain@');
    await expect(PostgresDatabase.open(url)).rejects.toThrow(/BYPASSRLS/);
  });
});
