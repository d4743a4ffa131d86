/**
 * Keeps the planner's statistics of the club tables current. Without them the planner takes a
 * club of 57,000 records for a few hundred rows: a pull page is then found by sorting every
 * record after the cursor (90 ms a page instead of 4) and a push batch reads the whole club to
 * find its records. PostgreSQL's autovacuum analyses a table about a minute after a tenth of it
 * changed; PGlite has no autovacuum at all. So every database analyses itself as soon as the
 * writes since its last analysis reach a tenth of the rows (at least 500): a big import is
 * fast to sync right after it, and the cost stays a bounded share of the writing.
 */
import type { ServerDatabase } from './serverDatabase.ts';

export class StatisticsUpkeep {
  private writes = 0;
  private rows = 0;
  private running: Promise<void> | null = null;

  /** `analyze` runs ANALYZE (outside any transaction of the caller) and answers the row count. */
  constructor(private readonly analyze: () => Promise<number>) {}

  /** Called after a transaction that changed `count` records has committed. */
  noteWrites(count: number): void {
    this.writes += count;
    if (this.running || this.writes < Math.max(500, this.rows / 10)) return;
    this.writes = 0;
    this.running = this.analyze()
      .then((rows) => {
        this.rows = rows;
      })
      .catch(() => {
        // Statistics are an optimisation: a failed analysis (a closing database) is retried
        // with the next writes and never fails the write that triggered it.
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** Resolves when no analysis runs (before closing the database). */
  async idle(): Promise<void> {
    await this.running;
  }
}

/** A database's upkeep: ANALYZE as the owner, then the number of records it found. */
export function statisticsUpkeepOf(db: Pick<ServerDatabase, 'asOwner'>): StatisticsUpkeep {
  return new StatisticsUpkeep(() =>
    db.asOwner(async (sql) => {
      await sql.query('ANALYZE records');
      const { rows } = await sql.query<{ rows: string }>(
        `SELECT reltuples::bigint AS rows FROM pg_class WHERE relname = 'records'`,
      );
      return Number(rows[0]?.rows ?? 0);
    }),
  );
}
