import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateRecord } from '../../../shared/domain/entities.ts';
import { encodeStamp } from '../../../shared/sync/hlc.ts';
import { makeTempDir } from '../../../test/support/tempDir.ts';
import { compactRecordStamps } from '../compactStamps.ts';
import { openWritable } from '../database.ts';
import { LocalStore } from '../localStore.ts';
import { migrate } from '../migrate.ts';
import { TABLES } from '../tables.ts';
import { MIGRATIONS } from './index.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const columnsOf = (db: { prepare(sql: string): { all(): unknown[] } }) =>
  db.prepare('PRAGMA table_info(instruments)').all() as {
    name: string;
    type: string;
    notnull: number;
  }[];

describe('migration 8: the maintenance interval of instruments', () => {
  it('adds an empty interval and leaves a profile’s instruments and their stamps as they were', () => {
    const path = join(temp.dir, 'tutti.db');
    const key = randomBytes(32);
    const db = openWritable(path, key);
    migrate(db, MIGRATIONS.slice(0, 7));
    expect(columnsOf(db).map((c) => c.name)).not.toContain('maintenance_interval_months');
    // The row as Tutti before this migration wrote it: its stamps cover the fields it knew.
    const fieldsBefore = Object.keys(TABLES.instruments.fields).filter(
      (f) => f !== 'maintenanceIntervalMonths',
    );
    const stamp = encodeStamp({ wall: Date.UTC(2025, 0, 1), counter: 0, deviceId: 'aa' });
    const stamps = Object.fromEntries(fieldsBefore.map((f) => [f, stamp]));
    const id = '01a21cde-db03-7000-935c-19f844ce6e50';
    db.prepare(
      `INSERT INTO instruments (id, inventory_number, kind, maker, purchase_date,
         purchase_price_cents, condition, deleted, stamps)
       VALUES (?, 'T-01', 'Trompete', 'Yamaha', '2019-04-02', 125050, 'gut', 0, ?)`,
    ).run(id, JSON.stringify(compactRecordStamps(stamps, fieldsBefore)));
    db.close();

    const store = LocalStore.open(path, key);
    try {
      expect(store.schemaVersion).toBeGreaterThanOrEqual(8);
      expect(columnsOf(store.db).find((c) => c.name === 'maintenance_interval_months')).toEqual(
        expect.objectContaining({ type: 'INTEGER', notnull: 0 }),
      );
      const stored = store.tables.instruments.get(id)!;
      expect(stored.record).toMatchObject({
        inventoryNumber: 'T-01',
        kind: 'Trompete',
        maker: 'Yamaha',
        purchaseDate: '2019-04-02',
        purchasePriceCents: 125050,
        condition: 'gut',
        maintenanceIntervalMonths: null,
      });
      // No stamp for the new field: whatever a device or the server sets wins over the empty one.
      expect(stored.stamps).toEqual(stamps);
      expect(validateRecord('instruments', stored.record).ok).toBe(true);
    } finally {
      store.close();
    }
  });
});
