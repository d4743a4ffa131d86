import pg from 'pg';
import { AppError } from '../errors.ts';
import {
  clubScopeStatement,
  guardTransaction,
  outsideTransaction,
  type ServerDatabase,
  type SqlClient,
} from './serverDatabase.ts';
import { statisticsUpkeepOf } from './statisticsUpkeep.ts';

/** A PostgreSQL server (`--database-url`), through a connection pool. */
export class PostgresDatabase implements ServerDatabase {
  readonly kind = 'postgres' as const;

  private readonly listeners = new Set<pg.Client>();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly connectionString: string,
  ) {}

  static async open(url: string): Promise<PostgresDatabase> {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // Fails early with the server's own message when the URL or the server is wrong.
    const { rows } = await pool.query<{ ok: boolean }>(
      'SELECT rolsuper OR rolbypassrls AS ok FROM pg_roles WHERE rolname = current_user',
    );
    // Club work runs as `tutti_app` under row-level security; the connecting role creates clubs
    // and runs migrations across all clubs, which needs BYPASSRLS (or superuser).
    if (!rows[0]?.ok) {
      await pool.end();
      throw new AppError('unavailable', 'server.database.bypassRls');
    }
    return new PostgresDatabase(pool, url);
  }

  withClub<T>(clubId: string, work: (sql: SqlClient) => Promise<T>): Promise<T> {
    // BEGIN and the club's scope in one round trip (a simple query of two statements).
    return guardTransaction(async () =>
      this.runTransaction(work, `BEGIN; ${clubScopeStatement(clubId)}`),
    );
  }

  private readonly statistics = statisticsUpkeepOf(this);

  noteWrites(count: number): void {
    this.statistics.noteWrites(count);
  }

  asOwner<T>(work: (sql: SqlClient) => Promise<T>): Promise<T> {
    return this.transaction(work);
  }

  ownerStatement<R = Record<string, unknown>>(
    text: string,
    params: unknown[] = [],
    name?: string,
  ): Promise<{ rows: R[] }> {
    const query = name ? { name, text, values: params } : { text, values: params };
    return guardTransaction(() => this.pool.query(query) as unknown as Promise<{ rows: R[] }>);
  }

  /** A connection of its own, outside the pool: LISTEN holds it for as long as it listens. */
  async listen(
    channel: string,
    onPayload: (payload: string) => void,
  ): Promise<() => Promise<void>> {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`invalid channel name: ${channel}`);
    const client = new pg.Client(this.connectionString);
    await client.connect();
    client.on('notification', (message) => {
      if (message.channel === channel) outsideTransaction(() => onPayload(message.payload ?? ''));
    });
    await client.query(`LISTEN ${channel}`);
    this.listeners.add(client);
    return async () => {
      this.listeners.delete(client);
      await client.end();
    };
  }

  async close(): Promise<void> {
    await this.statistics.idle();
    await Promise.all([...this.listeners].map((client) => client.end()));
    this.listeners.clear();
    await this.pool.end();
  }

  private transaction<T>(work: (sql: SqlClient) => Promise<T>): Promise<T> {
    return guardTransaction(() => this.runTransaction(work));
  }

  private async runTransaction<T>(
    work: (sql: SqlClient) => Promise<T>,
    begin = 'BEGIN',
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(begin);
      const sql: SqlClient = {
        query: (text, params) => client.query(text, params) as never,
        exec: (text) => client.query(text),
      };
      const result = await work(sql);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      // A connection whose rollback failed is broken: destroy it rather than pool it.
      const rollbackFailed = await client.query('ROLLBACK').then(
        () => false,
        () => true,
      );
      client.release(rollbackFailed ? (error as Error) : undefined);
      throw error;
    }
  }
}
