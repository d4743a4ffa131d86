import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { LocalStore } from './localStore.ts';

const temp = makeTempDir('tutti-store-');
afterAll(() => temp.cleanup());

const register = (id: string, name: string) => ({
  record: { id, name, sortOrder: 0, leaderIds: [], notes: null },
  deleted: false,
});

describe('the clock a store keeps', () => {
  it('saves its last reading with the changes it stamped, so a restart never stamps below them', () => {
    const path = join(temp.dir, 'tutti.db');
    const key = randomBytes(32);
    let store = LocalStore.open(path, key);
    const ids = ['01a21cde-db03-7000-935c-19f844ce6e50', '01a21cde-db03-7000-935c-19f844ce6e51'];
    store.transaction(() => {
      for (const [index, id] of ids.entries()) {
        store.applyLocalChange('registers', register(id, `Register ${index}`), undefined, ['name']);
      }
    });
    const lastStamp = store.tables.registers.get(ids[1]!)!.stamps.name!;
    store.close();

    store = LocalStore.open(path, key);
    try {
      expect(store.meta.get('hlc_last')).toBe(lastStamp);
      const next = store.applyLocalChange(
        'registers',
        register(ids[0]!, 'Holz'),
        store.tables.registers.get(ids[0]!),
        ['name'],
      );
      expect(next.ops[0]!.stamps.name! > lastStamp).toBe(true);
      // Outside a transaction of the store, the reading is saved at once.
      expect(store.meta.get('hlc_last')).toBe(next.ops[0]!.stamps.name);
    } finally {
      store.close();
    }
  });
});
