import { PGlite } from '@electric-sql/pglite';
import {
  enterClubScope,
  guardTransaction,
  outsideTransaction,
  type PoolStats,
  type ServerDatabase,
  type SqlClient,
} from './serverDatabase.ts';
import { statisticsUpkeepOf } from './statisticsUpkeep.ts';

/** PGlite in a data directory (or in memory for `memory://`). One process at a time. */
export class PgliteDatabase implements ServerDatabase {
  readonly kind = 'pglite' as const;

  private constructor(private readonly db: PGlite) {}

  static async open(dataDir: string): Promise<PgliteDatabase> {
    const db = new PGlite(dataDir);
    await db.waitReady;
    return new PgliteDatabase(db);
  }

  withClub<T>(clubId: string, work: (sql: SqlClient) => Promise<T>): Promise<T> {
    return guardTransaction(() =>
      this.db.transaction(async (tx) => {
        await enterClubScope(tx, clubId);
        return work(tx);
      }),
    );
  }

  private readonly statistics = statisticsUpkeepOf(this);

  noteWrites(count: number): void {
    this.statistics.noteWrites(count);
  }

  /** PGlite is one connection in this process; its queue is not visible from outside. */
  poolStats(): PoolStats {
    return { total: 1, idle: null, waiting: null, max: 1 };
  }

  asOwner<T>(work: (sql: SqlClient) => Promise<T>): Promise<T> {
    return guardTransaction(() => this.db.transaction((tx) => work(tx)));
  }

  ownerStatement<R = Record<string, unknown>>(
    text: string,
    params: unknown[] = [],
  ): Promise<{ rows: R[] }> {
    return guardTransaction(() => this.db.query<R>(text, params));
  }

  async listen(
    channel: string,
    onPayload: (payload: string) => void,
  ): Promise<() => Promise<void>> {
    const stop = await this.db.listen(channel, (payload) =>
      outsideTransaction(() => onPayload(payload)),
    );
    return () => stop();
  }

  async close(): Promise<void> {
    await this.statistics.idle();
    // Closing twice (a failed start's cleanup after a close) is no error.
    if (!this.db.closed) await this.db.close();
  }
}
