/**
 * The local replica of one club: typed tables, the outbox and the device's clock over one
 * encrypted SQLite connection. Every change goes through `applyLocalChange`, which writes the
 * row, its stamps and the outbox entry in one transaction.
 */
import { randomBytes } from 'node:crypto';
import Database, { type Statement } from 'better-sqlite3-multiple-ciphers';
import { ENTITY_NAMES, type EntityName } from '../../shared/domain/entities.ts';
import { uniqueKey } from '../../shared/domain/recordRules.ts';
import { snapshotOf } from '../../shared/node/backup/sqliteSnapshot.ts';
import { beyondDrift, HybridLogicalClock } from '../../shared/sync/hlc.ts';
import type { Mutation, Op } from '../../shared/sync/protocol.ts';
import { openWritable, type WritableDB } from './database.ts';
import { MetaTable } from './meta.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { Outbox } from './outbox.ts';
import { RecordTable, type StoredRecord } from './recordTable.ts';
import { TABLES } from './tables.ts';

const DEVICE_ID = 'device_id';
const HLC_LAST = 'hlc_last';

export class LocalStore {
  readonly tables: Record<EntityName, RecordTable>;
  readonly meta: MetaTable;
  readonly outbox: Outbox;
  readonly deviceId: string;
  readonly schemaVersion: number;
  private readonly clock: HybridLogicalClock;
  private readonly statements = new Map<string, Statement>();
  /** How deep in `transaction` we are, and a clock reading not yet written to `meta`. */
  private transactionDepth = 0;
  private unsavedClock: string | null = null;

  private constructor(
    readonly db: WritableDB,
    /** This computer's clock (tests give a device a clock that is off). */
    private readonly now: () => number,
  ) {
    // Unique keys (register names, inventory numbers) compare as the server compares them.
    db.function('tutti_key', { deterministic: true }, (value: unknown) => uniqueKey(value));
    this.schemaVersion = migrate(db, MIGRATIONS);
    this.meta = new MetaTable(db);
    this.outbox = new Outbox(db, this.meta);
    this.tables = Object.fromEntries(
      ENTITY_NAMES.map((name) => [name, new RecordTable(db, TABLES[name])]),
    ) as Record<EntityName, RecordTable>;
    this.deviceId = this.ensureDeviceId();
    this.clock = new HybridLogicalClock(this.deviceId, now, this.meta.get(HLC_LAST));
  }

  /** This computer's clock as the store reads it (ms since 1970). */
  wallClock(): number {
    return this.now();
  }

  static open(path: string, key: Buffer, options: { now?: () => number } = {}): LocalStore {
    const db = openWritable(path, key);
    try {
      return new LocalStore(db, options.now ?? Date.now);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * A private copy in memory, to try changes on and throw away (an import's preview). The
   * preview may then let the event loop run between chunks: a transaction held open on the
   * profile's own connection meanwhile would take in, and roll back, whatever else was saved.
   * Unencrypted, but only in this process's memory; close it when done.
   */
  scratchCopy(): LocalStore {
    const db = new Database(snapshotOf(this.db)) as WritableDB;
    try {
      // A large sort's scratch space stays in memory too, never an unencrypted temp file.
      db.pragma('temp_store = MEMORY');
      return new LocalStore(db, this.now);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** A prepared statement, prepared once per connection: checks on every save reuse it. */
  statement(sql: string): Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /**
   * Runs `work` in one IMMEDIATE transaction: all of it is written, or none of it. The clock's
   * last reading is written once at the end, with the changes it stamped (an import stamps
   * thousands of records in one transaction).
   */
  transaction<T>(work: () => T): T {
    return this.db
      .transaction(() => {
        this.transactionDepth++;
        try {
          const result = work();
          this.saveClock();
          return result;
        } finally {
          this.transactionDepth--;
        }
      })
      .immediate();
  }

  /**
   * Stamps the changed fields, writes the record and appends one mutation to the outbox.
   * Call inside `transaction`. `changed` lists the fields (and `deleted`) that differ.
   */
  applyLocalChange(
    entity: EntityName,
    next: Omit<StoredRecord, 'stamps'>,
    previous: StoredRecord | undefined,
    changed: string[],
  ): Mutation {
    return this.applyLocalChanges([{ entity, next, previous, changed }]);
  }

  /**
   * Several records changed together as one mutation (a register deleted together with its
   * place in its members and instruments): the server takes all of it or none.
   */
  applyLocalChanges(
    changes: readonly {
      entity: EntityName;
      next: Omit<StoredRecord, 'stamps'>;
      previous: StoredRecord | undefined;
      changed: string[];
    }[],
  ): Mutation {
    const stamp = this.clock.tick();
    // A restart must not stamp below what is stored: the reading is saved with the change
    // (at the end of the surrounding `transaction`, or at once when there is none).
    this.unsavedClock = stamp;
    if (this.transactionDepth === 0) this.saveClock();
    const ops: Op[] = [];
    for (const { entity, next, previous, changed } of changes) {
      const stamps = { ...(previous?.stamps ?? {}) };
      const set: Record<string, unknown> = {};
      const opStamps: Record<string, string> = {};
      for (const field of changed) {
        stamps[field] = stamp;
        opStamps[field] = stamp;
        set[field] = field === 'deleted' ? next.deleted : next.record[field];
      }
      this.tables[entity].put({ ...next, stamps });
      ops.push({ entity, id: next.record.id, set, stamps: opStamps });
    }
    return this.outbox.append(ops);
  }

  /**
   * Sends values again that the server refused (after their cause was fixed — a clock, a
   * right): one new mutation, stamped now, with the records' current values of `fields`; the
   * values stay, only their stamps are new. Call inside `transaction`.
   */
  resendFields(
    changes: readonly { entity: EntityName; id: string; fields: string[] }[],
  ): Mutation | null {
    const stamp = this.clock.tick();
    this.unsavedClock = stamp;
    if (this.transactionDepth === 0) this.saveClock();
    const ops: Op[] = [];
    for (const change of changes) {
      const stored = this.tables[change.entity].get(change.id);
      if (!stored || change.fields.length === 0) continue;
      const stamps = { ...stored.stamps };
      const set: Record<string, unknown> = {};
      const opStamps: Record<string, string> = {};
      for (const field of change.fields) {
        stamps[field] = stamp;
        opStamps[field] = stamp;
        set[field] = field === 'deleted' ? stored.deleted : stored.record[field];
      }
      this.tables[change.entity].put({ ...stored, stamps });
      ops.push({ entity: change.entity, id: change.id, set, stamps: opStamps });
    }
    return ops.length > 0 ? this.outbox.append(ops) : null;
  }

  /**
   * Kulkarni's receive rule for stamps that came from the server: the clock moves past the
   * latest of them, so every later edit here sorts after what this device has seen. Stamps
   * more than the drift bound ahead of this computer's clock are not followed (they come from
   * a wrong clock; the server refuses such stamps); their number is returned. Call inside
   * `transaction`: the new reading is saved with what was applied.
   */
  observe(stamps: Iterable<string>): number {
    const beyond = beyondDrift(this.now());
    let latest = '';
    let ignored = 0;
    for (const stamp of stamps) {
      if (stamp <= latest) continue;
      if (beyond(stamp)) ignored += 1;
      else latest = stamp;
    }
    if (latest && this.clock.observe(latest)) {
      this.unsavedClock = this.clock.last();
      if (this.transactionDepth === 0) this.saveClock();
    }
    return ignored;
  }

  private saveClock(): void {
    if (this.unsavedClock === null) return;
    this.meta.set(HLC_LAST, this.unsavedClock);
    this.unsavedClock = null;
  }

  /**
   * A transaction whose commit does not wait for the disk (synchronous = NORMAL): after a power
   * failure — not a crash of Tutti — its changes may be gone, the database stays whole. Only for
   * what can be had again: a pulled page together with its cursor. The next ordinary commit, or
   * the end of `deferCheckpoints`, makes it durable. No other commit can run meanwhile (this is
   * synchronous), so a person's save always waits for the disk.
   */
  transactionDurableLater<T>(work: () => T): T {
    this.db.pragma('synchronous = NORMAL');
    try {
      return this.transaction(work);
    } finally {
      this.db.pragma('synchronous = FULL');
    }
  }

  /**
   * For many commits in a row (a long pull): the WAL is copied into the database once at the
   * end instead of after every commit beyond SQLite's default 1,000 pages — a long pull writes
   * the same B-tree pages commit after commit, and each checkpoint wrote them again. Still
   * bounded (`maxPages`); a commit meanwhile stays as durable as ever. Answers how to end it,
   * told whether the last commit waited for the disk.
   */
  deferCheckpoints(maxPages = 16_384): (lastCommitDurable: boolean) => void {
    this.db.pragma(`wal_autocheckpoint = ${maxPages}`);
    return (lastCommitDurable) => {
      if (!this.db.open) return;
      this.db.pragma('wal_autocheckpoint = 1000');
      if (!lastCommitDurable) {
        this.db.pragma('wal_checkpoint(PASSIVE)'); // makes the pages durable now
        return;
      }
      // The last commit waited for the disk, and with it every page before it: copying the WAL
      // into the database file is upkeep, done on the next turn rather than inside the pull.
      setTimeout(() => {
        if (this.db.open) this.db.pragma('wal_checkpoint(PASSIVE)');
      }, 0).unref();
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private ensureDeviceId(): string {
    const existing = this.meta.get(DEVICE_ID);
    if (existing) return existing;
    // Short, URL-safe and sortable inside an HLC stamp; unique per profile, not per person.
    const id = randomBytes(8).toString('hex');
    this.meta.set(DEVICE_ID, id);
    return id;
  }
}
