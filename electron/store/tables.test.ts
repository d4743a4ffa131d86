import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saidIn } from '../../test/support/saidIn.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { ClubService } from '../core/clubService.ts';
import { LocalStore } from './localStore.ts';
import { TABLES } from './tables.ts';

let temp: ReturnType<typeof makeTempDir>;
const key = randomBytes(32);
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('the instruments table', () => {
  it('keeps the maintenance interval last, so compact stamps of older rows stay right', () => {
    expect(Object.keys(TABLES.instruments.fields).at(-1)).toBe('maintenanceIntervalMonths');
  });

  it('stores an instrument’s maintenance interval, reads it back after a restart and syncs it', async () => {
    const path = join(temp.dir, 'tutti.db');
    let store = LocalStore.open(path, key);
    let api = new ClubService(store, temp.dir);
    const saved = await api.save('instruments', {
      inventoryNumber: 'T-01',
      kind: 'Trompete',
      maintenanceIntervalMonths: 24,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const id = saved.value.id;
    const [create] = store.outbox.pending();
    expect(create!.ops[0]!.set).toMatchObject({ maintenanceIntervalMonths: 24 });
    expect(create!.ops[0]!.stamps.maintenanceIntervalMonths).toBeTruthy();
    store.close();

    store = LocalStore.open(path, key);
    api = new ClubService(store, temp.dir);
    try {
      expect(store.tables.instruments.get(id)!.record.maintenanceIntervalMonths).toBe(24);
      expect(
        store.db
          .prepare('SELECT typeof(maintenance_interval_months) AS t FROM instruments WHERE id = ?')
          .get(id),
      ).toEqual({ t: 'integer' });

      // An emptied field is null, and only it travels.
      const cleared = await api.save('instruments', {
        ...saved.value,
        maintenanceIntervalMonths: '',
      });
      expect(cleared.ok).toBe(true);
      expect(store.tables.instruments.get(id)!.record.maintenanceIntervalMonths).toBeNull();
      expect(store.outbox.pending().at(-1)!.ops[0]!.set).toEqual({
        maintenanceIntervalMonths: null,
      });

      const pending = store.outbox.pendingCount();
      const refused = await api.save('instruments', {
        ...saved.value,
        maintenanceIntervalMonths: 0,
      });
      expect(saidIn(refused)).toMatchObject({
        ok: false,
        error: {
          code: 'validation',
          fields: {
            maintenanceIntervalMonths: 'Bitte eine ganze Zahl von 1 bis 120 Monaten eingeben.',
          },
        },
      });
      expect(store.outbox.pendingCount()).toBe(pending);
    } finally {
      store.close();
    }
  });
});
