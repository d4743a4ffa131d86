import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/appError.ts';
import { ENTITIES, ENTITY_NAMES } from '../../shared/domain/entities.ts';
import { translate } from '../../shared/messages/translate.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { openWritable } from './database.ts';
import { LocalStore } from './localStore.ts';
import { migrate } from './migrate.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';
import { TABLES } from './tables.ts';

let temp: ReturnType<typeof makeTempDir>;
const key = randomBytes(32);
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('migrations', () => {
  it('brings a new database to the latest schema with STRICT tables', () => {
    const store = LocalStore.open(join(temp.dir, 'tutti.db'), key);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const tables = store.db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
      .all() as { name: string; sql: string }[];
    for (const t of tables) expect(t.sql, t.name).toMatch(/\) STRICT$/);
    store.close();
  });

  it('refuses a database from a newer Tutti and leaves it untouched', () => {
    const path = join(temp.dir, 'tutti.db');
    LocalStore.open(path, key).close();
    const db = openWritable(path, key);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(path);
    let error: unknown;
    try {
      LocalStore.open(path, key);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('database_from_future');
    expect((error as AppError).message).toMatch(/neueren Tutti-Version.*Bitte Tutti aktualisieren/);
    expect(translate((error as AppError).text, 'en')).toBe(
      `This database comes from a newer version of Tutti (schema ${LATEST_SCHEMA_VERSION + 1}; this version knows up to ${LATEST_SCHEMA_VERSION}). Please update Tutti; the data stays unchanged.`,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a registry with a gap', () => {
    const db = openWritable(join(temp.dir, 'x.db'), key);
    expect(() => migrate(db, [{ version: 2, name: 'gap', up: '' }])).toThrow(/expected 1/);
    db.close();
  });

  it('rolls a failing migration back completely', () => {
    const db = openWritable(join(temp.dir, 'x.db'), key);
    expect(() =>
      migrate(db, [
        { version: 1, name: 'broken', up: 'CREATE TABLE a (x TEXT) STRICT; CREATE TABLE (' },
      ]),
    ).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({
      n: 0,
    });
    db.close();
  });
});

describe('tables', () => {
  it('map every schema field to an existing column', () => {
    const store = LocalStore.open(join(temp.dir, 'tutti.db'), key);
    for (const entity of ENTITY_NAMES) {
      const schemaFields = Object.keys(ENTITIES[entity].schema.shape).filter((f) => f !== 'id');
      expect(Object.keys(TABLES[entity].fields).sort(), entity).toEqual(schemaFields.sort());
      const columns = (
        store.db.prepare(`PRAGMA table_info(${TABLES[entity].table})`).all() as { name: string }[]
      ).map((c) => c.name);
      for (const [column] of Object.values(TABLES[entity].fields))
        expect(columns, entity).toContain(column);
    }
    store.close();
  });

  it('find the open loan of an instrument through its index', () => {
    const store = LocalStore.open(join(temp.dir, 'tutti.db'), key);
    const plan = store.db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT id FROM loans WHERE instrument_id = ? AND returned_on IS NULL AND deleted = 0 LIMIT 1',
      )
      .all('x') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX loans_open_by_instrument/);
    store.close();
  });
});
