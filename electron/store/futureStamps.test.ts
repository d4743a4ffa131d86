import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { CLAMPED_STAMP, repairFutureStamps } from './futureStamps.ts';
import { LocalStore } from './localStore.ts';

const NOW = Date.UTC(2026, 11, 4);
const TODAY = '019aeb4d8000-0000-laptop'; // 2026-12-04T00:00:00Z

describe('stamps from the far future in a replica', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: LocalStore;
  const put = (id: string, firstName: string, lastName: string) =>
    store.tables.members.put({
      record: {
        id,
        firstName: 'Eva',
        lastName: 'Echo',
        status: 'aktiv',
        country: 'DE',
        registerIds: [],
        consentPhotos: false,
        consentNewsletter: false,
        feeExempt: false,
      } as never,
      deleted: false,
      stamps: { firstName, lastName, status: TODAY, country: TODAY, deleted: TODAY },
    });

  beforeEach(() => {
    temp = makeTempDir();
    store = LocalStore.open(join(temp.dir, 'tutti.db'), randomBytes(32));
  });
  afterEach(() => {
    store.close();
    temp.cleanup();
  });

  it('are set to the lowest stamp, once; the values and honest stamps stay', () => {
    const frozen = '0190a7e4-0000-7000-8000-000000000001';
    const honest = '0190a7e4-0000-7000-8000-000000000002';
    put(frozen, 'ffffffffffff-ffff-wildeuhr', '1000000000000-0000-restore');
    put(honest, TODAY, TODAY);
    expect(repairFutureStamps(store, NOW)).toBe(1);
    const repaired = store.tables.members.get(frozen)!;
    expect(repaired.stamps).toMatchObject({
      firstName: CLAMPED_STAMP,
      lastName: CLAMPED_STAMP,
      status: TODAY,
    });
    expect(repaired.record).toMatchObject({ firstName: 'Eva', lastName: 'Echo' });
    expect(store.tables.members.get(honest)!.stamps.firstName).toBe(TODAY);
    // Once per profile.
    put(frozen, 'ffffffffffff-ffff-wildeuhr', TODAY);
    expect(repairFutureStamps(store, NOW)).toBe(0);
  });
});
