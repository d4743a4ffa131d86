/**
 * The planner's statistics follow the club's growth: after a big batch of writes the database
 * is analysed, and a pull page is then read through the version index instead of sorting the
 * whole club (on PGlite, which has no autovacuum).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateServer } from './migrateServer.ts';
import { PgliteDatabase } from './pgliteDatabase.ts';
import { StatisticsUpkeep } from './statisticsUpkeep.ts';

describe('statistics upkeep', () => {
  it('analyses once the writes reach a tenth of the rows, never two at a time', async () => {
    const runs: number[] = [];
    let finish: (rows: number) => void = () => {};
    const upkeep = new StatisticsUpkeep(
      () =>
        new Promise<number>((resolve) => {
          runs.push(runs.length);
          finish = resolve;
        }),
    );
    upkeep.noteWrites(499);
    expect(runs).toHaveLength(0);
    upkeep.noteWrites(1); // 500: the first analysis
    upkeep.noteWrites(5_000); // while it runs: counted, not started
    expect(runs).toHaveLength(1);
    finish(10_000);
    await upkeep.idle();
    upkeep.noteWrites(999); // 5,999 since: a tenth of 10,000 reached
    expect(runs).toHaveLength(2);
    finish(16_000);
    await upkeep.idle();
    upkeep.noteWrites(1_000); // below a tenth of 16,000
    expect(runs).toHaveLength(2);
  });

  describe('on PGlite', () => {
    let db: PgliteDatabase;
    const clubId = randomUUID();

    beforeAll(async () => {
      db = await PgliteDatabase.open('memory://');
      await migrateServer(db);
      await db.asOwner(async (sql) => {
        await sql.query("INSERT INTO clubs (id, name) VALUES ($1, 'Statistik')", [clubId]);
        await sql.query('INSERT INTO club_versions (club_id) VALUES ($1)', [clubId]);
      });
    });
    afterAll(() => db?.close());

    it('pages a pull through the version index once the writes are noted', async () => {
      const count = 20_000;
      await db.asOwner((sql) =>
        sql.query(
          `INSERT INTO records (club_id, entity, id, fields, stamps, deleted, version)
           SELECT $1, 'attendance', gen_random_uuid(), '{"status":"present"}', '{}', false, g
           FROM generate_series(1, $2::int) g`,
          [clubId, count],
        ),
      );
      const plan = () =>
        db.withClub(clubId, async (sql) =>
          (
            await sql.query<{ 'QUERY PLAN': string }>(
              'EXPLAIN SELECT id FROM records WHERE version > 10 ORDER BY version LIMIT 1001',
            )
          ).rows
            .map((row) => row['QUERY PLAN'])
            .join('\n'),
        );
      expect(await plan()).toContain('Sort'); // no statistics: the planner guesses a few rows
      db.noteWrites(count);
      await vi.waitFor(async () => expect(await plan()).not.toContain('Sort'), {
        timeout: 10_000,
      });
      expect(await plan()).toContain('Index Scan using records_by_version');
    });
  });
});
