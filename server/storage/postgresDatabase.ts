import pg from 'pg';
import { AppError } from '../errors.ts';
import {
  type ConnectionEvents,
  clubScopeStatement,
  guardTransaction,
  outsideTransaction,
  type PoolStats,
  QUIET_CONNECTION_EVENTS,
  type ServerDatabase,
  type SqlClient,
} from './serverDatabase.ts';
import { statisticsUpkeepOf } from './statisticsUpkeep.ts';

/** How often a LISTEN connection proves it is still there. */
const LISTEN_HEARTBEAT_MS = 30_000;

/** Connections one server node holds at most (PostgreSQL's default allows 100 in all). */
const POOL_MAX = 10;

/** A PostgreSQL server (`--database-url`), through a connection pool. */
export class PostgresDatabase implements ServerDatabase {
  readonly kind = 'postgres' as const;

  private readonly listeners = new Set<() => Promise<void>>();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly connectionString: string,
    private readonly events: ConnectionEvents,
  ) {}

  static async open(
    url: string,
    events: ConnectionEvents = QUIET_CONNECTION_EVENTS,
  ): Promise<PostgresDatabase> {
    const pool = new pg.Pool({ connectionString: url, max: POOL_MAX });
    // An idle connection PostgreSQL dropped (restart, failover) is an 'error' on the pool; pg
    // discards that connection itself and the next query opens a new one. Unheard, the event
    // would end the process.
    pool.on('error', (error) => events.connectionLost('pool', error));
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
    return new PostgresDatabase(pool, url, events);
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

  poolStats(): PoolStats {
    const { totalCount, idleCount, waitingCount } = this.pool;
    return { total: totalCount, idle: idleCount, waiting: waitingCount, max: POOL_MAX };
  }

  /** A connection of its own, outside the pool: LISTEN holds it for as long as it listens. */
  /**
   * LISTEN on a connection of its own. When PostgreSQL goes away (restart, failover, network)
   * the connection is opened again by itself, with growing pauses up to 30 s; notifications
   * sent while it was gone are lost, which the listeners tolerate (devices and pages pull).
   */
  async listen(
    channel: string,
    onPayload: (payload: string) => void,
  ): Promise<() => Promise<void>> {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`invalid channel name: ${channel}`);
    let client: pg.Client | null = null;
    let stopped = false;
    let pause = 500;
    let retry: NodeJS.Timeout | null = null;
    const connect = async () => {
      // Keepalive and a heartbeat: a LISTEN connection is idle by nature, and one whose state
      // a firewall dropped would otherwise never report an error and hear nothing for good.
      const next = new pg.Client({ connectionString: this.connectionString, keepAlive: true });
      next.on('error', (error) => reconnectLater(next, error));
      next.on('notification', (message) => {
        if (message.channel === channel) outsideTransaction(() => onPayload(message.payload ?? ''));
      });
      client = next;
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      pause = 500;
      if (lost) this.events.listenRestored(channel);
      lost = false;
    };
    let lost = false;
    const reconnectLater = (broken: pg.Client, error?: Error) => {
      if (stopped || client !== broken || retry) return;
      if (!lost) this.events.connectionLost('listen', error ?? new Error('no answer'));
      lost = true;
      broken.end().catch(() => {});
      retry = setTimeout(() => {
        retry = null;
        connect().catch((error: Error) => reconnectLater(client!, error));
      }, pause);
      retry.unref();
      pause = Math.min(pause * 2, 30_000);
    };
    try {
      await connect();
    } catch (error) {
      stopped = true;
      await (client as pg.Client | null)?.end().catch(() => {});
      throw error;
    }
    const heartbeat = setInterval(() => {
      const alive = client;
      if (!alive || retry) return;
      const silence = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no answer')), LISTEN_HEARTBEAT_MS / 3).unref(),
      );
      Promise.race([alive.query('SELECT 1'), silence]).catch(() => reconnectLater(alive));
    }, LISTEN_HEARTBEAT_MS);
    heartbeat.unref();
    const stop = async () => {
      stopped = true;
      clearInterval(heartbeat);
      if (retry) clearTimeout(retry);
      this.listeners.delete(stop);
      await client?.end().catch(() => {});
    };
    this.listeners.add(stop);
    return stop;
  }

  async close(): Promise<void> {
    await this.statistics.idle();
    await Promise.all([...this.listeners].map((stop) => stop()));
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
    // While checked out, a connection PostgreSQL drops reports it as an 'error' event (the
    // pool only listens while it is idle): heard here, the next query fails instead, and the
    // process goes on.
    let lost: Error | undefined;
    const onLost = (error: Error) => {
      lost = error;
      this.events.connectionLost('pool', error);
    };
    client.on('error', onLost);
    const release = (error?: Error) => {
      client.off('error', onLost);
      client.release(error ?? lost);
    };
    try {
      await client.query(begin);
      const sql: SqlClient = {
        query: (text, params) => client.query(text, params) as never,
        exec: (text) => client.query(text),
      };
      const result = await work(sql);
      await client.query('COMMIT');
      release();
      return result;
    } catch (error) {
      // A connection whose rollback failed is broken: destroy it rather than pool it.
      const rollbackFailed = await client.query('ROLLBACK').then(
        () => false,
        () => true,
      );
      release(rollbackFailed ? (error as Error) : undefined);
      throw error;
    }
  }
}
