import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The server's storage, PostgreSQL dialect everywhere: PGlite (PostgreSQL in WASM, a data
 * directory, no setup) by default, a PostgreSQL server with `--database-url`.
 *
 * Tenant isolation is enforced by the database, not by remembering a WHERE clause: every row
 * carries `club_id`, row-level-security policies compare it with the transaction's
 * `tutti.club_id`, and club work runs as the role `tutti_app`, which is subject to them
 * (the owner role — a superuser in PGlite — would bypass them).
 */
export interface SqlClient {
  /** One statement, with $1… parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<unknown>;
}

export interface ServerDatabase {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction as `tutti_app`, seeing and writing only `clubId`'s rows. */
  withClub<T>(clubId: string, work: (sql: SqlClient) => Promise<T>): Promise<T>;
  /** Runs `work` in one transaction as the owner: migrations, creating clubs, operator tasks. */
  asOwner<T>(work: (sql: SqlClient) => Promise<T>): Promise<T>;
  /**
   * One statement as the owner, on its own (no transaction around it: one round trip instead
   * of three) — for a single read or write that needs no other statement's snapshot, such as
   * looking up a web session on every request.
   */
  ownerStatement<R = Record<string, unknown>>(
    text: string,
    params?: unknown[],
    /** Names a statement run on every request: PostgreSQL then plans it once per connection. */
    name?: string,
  ): Promise<{ rows: R[] }>;
  /**
   * Calls `onPayload` for every NOTIFY on `channel`, from any server node on the same database;
   * resolves to a function that stops listening.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** After a committed transaction that changed `count` records: keeps statistics current. */
  noteWrites(count: number): void;
  /** Connections of the pool right now, for the metrics (issue #28). */
  poolStats(): PoolStats;
  close(): Promise<void>;
}

export const APP_ROLE = 'tutti_app';

/**
 * What a database connection going away looks like to the operator (the server logs it): the
 * work goes on by itself — a new connection at the next query, LISTEN reopened — but a restart
 * or failover of PostgreSQL should be visible in the log, not only in its effects.
 */
export interface ConnectionEvents {
  connectionLost(where: 'pool' | 'listen', error: Error): void;
  listenRestored(channel: string): void;
}

export const QUIET_CONNECTION_EVENTS: ConnectionEvents = {
  connectionLost: () => {},
  listenRestored: () => {},
};

export interface PoolStats {
  total: number;
  /** null where the database does not say (PGlite: one connection, its queue not visible). */
  idle: number | null;
  /** Requests waiting for a free connection. */
  waiting: number | null;
  max: number;
}

const insideTransaction = new AsyncLocalStorage<true>();

/**
 * Runs a transaction body, refusing to open a second transaction from inside one: on PGlite
 * (one connection) that would wait for itself forever, on PostgreSQL it would read outside the
 * first one's snapshot. Work inside a transaction uses the `SqlClient` it was given.
 */
export function guardTransaction<T>(open: () => Promise<T>): Promise<T> {
  if (insideTransaction.getStore())
    return Promise.reject(new Error('nested database transaction: use the open SqlClient'));
  return insideTransaction.run(true, open);
}

/**
 * Runs `work` outside any transaction's context: a NOTIFY's listener may be called from within
 * the work that sent it (PGlite delivers it in that promise chain), and what it starts is new
 * work of its own, not a nested transaction.
 */
export function outsideTransaction<T>(work: () => T): T {
  return insideTransaction.exit(work);
}

/** Checks a club id before it is written into a statement (it is never a parameter there). */
export function checkedClubId(clubId: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(clubId)) throw new Error(`invalid club id: ${clubId}`);
  return clubId;
}

/**
 * The statement that puts a transaction into a club's scope, with the id written in (checked):
 * sent together with `BEGIN` in one round trip where the driver allows it.
 */
export function clubScopeStatement(clubId: string): string {
  return `SELECT set_config('role', '${APP_ROLE}', true), set_config('tutti.club_id', '${checkedClubId(clubId)}', true)`;
}

/** The statements that put a transaction into a club's scope. */
export async function enterClubScope(sql: SqlClient, clubId: string): Promise<void> {
  // One round trip: `set_config('role', …, true)` is `SET LOCAL ROLE`.
  await sql.query(clubScopeStatement(clubId));
}
