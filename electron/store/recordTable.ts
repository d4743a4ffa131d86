/**
 * Rows of one entity table as records: `{ id, ...fields }` plus per-field HLC stamps and the
 * `deleted` flag the sync treats as one more field.
 */

import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { FieldStamps } from '../../shared/sync/merge.ts';
import { compactRecordStamps, expandRecordStamps } from './compactStamps.ts';
import type { ReadableDB, WritableDB } from './database.ts';
import { type ColumnKind, fromColumnValue, type TableDefinition, toColumnValue } from './tables.ts';

export interface StoredRecord {
  record: Record<string, unknown> & { id: string };
  stamps: FieldStamps;
  deleted: boolean;
}

/** Reads one entity table; works on a read-only connection. */
export class RecordReader {
  protected readonly fieldNames: string[];
  /** Only bool and JSON columns need converting; text and integers come back as they are. */
  private readonly converted: [string, ColumnKind][];
  private readonly selectById: Statement;
  private readonly selectLive: Statement;
  private readonly selectDeleted: Statement;

  constructor(
    db: ReadableDB | WritableDB,
    readonly definition: TableDefinition,
  ) {
    const { table, fields } = definition;
    this.fieldNames = Object.keys(fields);
    this.converted = Object.entries(fields)
      .filter(([, [, kind]]) => kind === 'bool' || kind === 'json' || kind === 'map')
      .map(([field, [, kind]]) => [field, kind]);
    const selectList = ['id', ...this.fieldNames.map((f) => `${fields[f]![0]} AS "${f}"`)].join(
      ', ',
    );
    this.selectById = db.prepare(
      `SELECT ${selectList}, deleted, stamps FROM ${table} WHERE id = ?`,
    );
    this.selectLive = db.prepare(`SELECT ${selectList} FROM ${table} WHERE deleted = 0`);
    this.selectDeleted = db.prepare(`SELECT deleted FROM ${table} WHERE id = ?`).pluck();
  }

  /** The record exists and is not deleted; reads one column (references are checked often). */
  isLive(id: string): boolean {
    return this.selectDeleted.get(id) === 0;
  }

  get(id: string): StoredRecord | undefined {
    const row = this.selectById.get(id) as Record<string, unknown> | undefined;
    if (!row) return undefined;
    const { deleted, stamps, ...record } = row;
    return {
      record: this.convert(record) as StoredRecord['record'],
      stamps: expandRecordStamps(JSON.parse(stamps as string), this.fieldNames),
      deleted: deleted === 1,
    };
  }

  /** Every record that is not deleted, fields only. */
  listLive(): StoredRecord['record'][] {
    const rows = this.selectLive.all() as Record<string, unknown>[];
    if (this.converted.length > 0) for (const row of rows) this.convert(row);
    return rows as StoredRecord['record'][];
  }

  private convert(row: Record<string, unknown>): Record<string, unknown> {
    for (const [field, kind] of this.converted) row[field] = fromColumnValue(kind, row[field]);
    return row;
  }
}

/** Reads and writes one entity table. */
export class RecordTable extends RecordReader {
  /** Field name and kind per column, in the order of the upsert's parameters. */
  private readonly columnFields: [string, ColumnKind][];
  private readonly upsertRow: Statement;
  private readonly deleteRow: Statement;
  private readonly selectIds: Statement;
  private readonly selectAny: Statement;

  constructor(db: WritableDB, definition: TableDefinition) {
    super(db, definition);
    const { table, fields } = definition;
    this.columnFields = this.fieldNames.map((f) => [f, fields[f]![1]]);
    const columns = ['id', ...this.fieldNames.map((f) => fields[f]![0]), 'deleted', 'stamps'];
    const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
    // Positional parameters: a pull writes tens of thousands of rows, and building a named
    // parameter object per row cost more than SQLite's insert.
    this.upsertRow = db.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
    );
    this.deleteRow = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
    this.selectIds = db.prepare(`SELECT id FROM ${table}`);
    this.selectAny = db.prepare(`SELECT 1 FROM ${table} LIMIT 1`);
  }

  /** Removes the row from this replica only (no mutation): what the user may no longer see. */
  purge(id: string): void {
    this.deleteRow.run(id);
  }

  /** No row at all, deleted or not. */
  isEmpty(): boolean {
    return this.selectAny.get() === undefined;
  }

  /** Ids of every row, deleted or not: for the sweep after a full resync. */
  allIds(): string[] {
    return (this.selectIds.all() as { id: string }[]).map((row) => row.id);
  }

  put(stored: StoredRecord): void {
    const { record } = stored;
    const params: unknown[] = [record.id];
    for (const [field, kind] of this.columnFields) params.push(toColumnValue(kind, record[field]));
    params.push(
      stored.deleted ? 1 : 0,
      JSON.stringify(compactRecordStamps(stored.stamps, this.fieldNames)),
    );
    this.upsertRow.run(params);
  }
}
