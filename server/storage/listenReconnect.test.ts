/**
 * A node's LISTEN connection to PostgreSQL is killed (a restart, a failover, an administrator's
 * pg_terminate_backend): the node opens it again by itself and hears the next NOTIFY — the
 * pokes to devices and the events to web pages go on without a restart of tutti-server, and
 * the loss and the recovery are said once each (for the log).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../test/support/postgres.ts';
import { PostgresDatabase } from './postgresDatabase.ts';

describe('LISTEN on PostgreSQL', () => {
  let pg: TestPostgres;
  let db: PostgresDatabase;
  const said: string[] = [];

  beforeAll(async () => {
    pg = await startTestPostgres();
    db = await PostgresDatabase.open(pg.url, {
      connectionLost: (where) => said.push(`lost:${where}`),
      listenRestored: (channel) => said.push(`restored:${channel}`),
    });
  }, 60_000);

  afterAll(async () => {
    await db?.close();
    pg?.stop();
  });

  it('hears notifications again after its connection was terminated', async () => {
    const heard: string[] = [];
    const stop = await db.listen('tutti_test_channel', (payload) => heard.push(payload));
    const notify = (payload: string) =>
      db.ownerStatement('SELECT pg_notify($1, $2)', ['tutti_test_channel', payload]);
    const until = async (ok: () => boolean) => {
      const deadline = Date.now() + 15_000;
      while (!ok() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    };

    await notify('before');
    await until(() => heard.includes('before'));
    expect(heard).toContain('before');

    const { rows } = await db.ownerStatement<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
       WHERE query LIKE 'LISTEN tutti_test_channel%'`,
    );
    expect(rows[0]!.n).toBe(1);

    // Notifications keep being sent; once the connection is back, they are heard.
    await until(() => {
      void notify('after');
      return heard.includes('after');
    });
    expect(heard).toContain('after');
    // The operator's log hears of it once each way.
    expect(said.filter((line) => line.startsWith('lost:listen'))).toHaveLength(1);
    expect(said).toContain('restored:tutti_test_channel');
    await stop();
  }, 30_000);
});
