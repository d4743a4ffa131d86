/**
 * Property (issue #26): however a fresh device's first sync is paged and however often the
 * person stops it (after any page), the rounds that follow go on where it stopped: no change
 * is applied twice or lost (the changes pulled add up to the server's records), the progress
 * counts up across the rounds to the total the server told and ends exactly there, and the
 * device ends with exactly the office's records.
 *
 * Real parts: a running club server over mutual TLS, encrypted SQLite profiles, the desktop's
 * SyncClient. 12 schedules in CI; more with TUTTI_PROPERTY_RUNS.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullProgress } from '../../shared/api/sync.ts';
import { ENTITY_NAMES } from '../../shared/domain/entities.ts';
import {
  enrolUser,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { type SyncedDesktop, syncedDesktop } from '../../test/support/syncedDesktop.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { LocalStore } from '../store/localStore.ts';
import { SyncClient } from './syncClient.ts';
import { SyncSettings } from './syncSettings.ts';

const MEMBERS = 130;
const RUNS = Number(process.env.TUTTI_PROPERTY_RUNS ?? 12);

function everything(store: LocalStore) {
  return Object.fromEntries(
    ENTITY_NAMES.map((entity) => [
      entity,
      store.tables[entity].listLive().sort((a, b) => a.id.localeCompare(b.id)),
    ]),
  );
}

describe('a first sync stopped any number of times', () => {
  const temp = makeTempDir('tutti-initial-property-');
  let t: TestClubServer;
  let clubId = '';
  let office: SyncedDesktop;
  let records = 0;
  let devices = 0;

  beforeAll(async () => {
    t = await startTestClubServer();
    clubId = (await t.server.services.clubs.createClub('Kapelle Anhalten')).id;
    office = await syncedDesktop(t, clubId, temp.dir, 'office', 'administrator');
    office.store.transaction(() => {
      for (let i = 0; i < MEMBERS; i++) {
        const saved = office.api.saveNow('members', {
          firstName: `Vorname ${i}`,
          lastName: `Nachname ${i}`,
          status: i % 7 === 0 ? 'passiv' : 'aktiv',
        } as never);
        if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      }
    });
    records = (await office.sync.round()).pushed;
  }, 60_000);

  afterAll(async () => {
    office?.store.close();
    await t?.stop();
    temp.cleanup();
  });

  it('goes on where it stopped, applies every change once, and counts up to the total', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 7, max: 60 }),
        // After how many committed pages each round is stopped (the last round runs through).
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 4 }),
        async (pullPage, stops) => {
          const device = await enrolUser(t, clubId, office.userId);
          const store = LocalStore.open(join(temp.dir, `fresh-${devices++}.db`), randomBytes(32));
          try {
            const settings = new SyncSettings(store.meta);
            settings.connect(device.syncUrl, device);
            const told: PullProgress[] = [];
            let pulled = 0;
            let cursor = 0;
            for (let round = 0; ; round++) {
              let pages = 0;
              const stopAfter = stops[round];
              const report = await new SyncClient(store, undefined, { pullPage }).round(
                undefined,
                undefined,
                {
                  progress: (progress) => {
                    pages += 1;
                    told.push(progress);
                  },
                  stopRequested: () => stopAfter !== undefined && pages >= stopAfter,
                },
              );
              pulled += report.pulled;
              // What was applied is there, with its cursor: a prefix of the server's changes.
              expect(settings.cursor()).toBeGreaterThanOrEqual(cursor);
              cursor = settings.cursor();
              const shown = store.tables.members.listLive().length;
              expect(shown).toBeLessThanOrEqual(pulled);
              if (!report.stopped) break;
              expect(settings.lastSync()).toBeNull();
              expect(round).toBeLessThan(stops.length);
            }
            expect(pulled).toBe(records);
            if (records > pullPage) {
              const received = told.map((p) => p.received);
              expect(received).toEqual([...new Set(received)].sort((a, b) => a - b));
              expect(told.every((p) => p.total === records)).toBe(true);
              expect(told.at(-1)).toEqual({ received: records, total: records });
            } else expect(told).toEqual([]);
            expect(settings.pullProgress()).toBeNull();
            expect(everything(store)).toEqual(everything(office.store));
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});
