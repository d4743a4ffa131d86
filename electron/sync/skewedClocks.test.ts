/**
 * Desktops whose clocks are wrong, against a running club server over mutual TLS: the later
 * edit in real time wins, a clock far ahead cannot overrule anyone, and what the server did
 * not take is shown on the device instead of differing silently.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../shared/messages/translate.ts';
import {
  enrolUser,
  listAsClubAdmin,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { ClubService } from '../core/clubService.ts';
import { LocalStore } from '../store/localStore.ts';
import { SyncClient } from './syncClient.ts';
import { SyncJournal } from './syncJournal.ts';
import { SyncSettings } from './syncSettings.ts';

const MINUTE = 60_000;

interface Desktop {
  store: LocalStore;
  api: ClubService;
  sync: SyncClient;
}

describe('desktops with clocks that are off', () => {
  const temp = makeTempDir('tutti-skew-');
  let t: TestClubServer;
  let clubId = '';
  const opened: LocalStore[] = [];

  /** An administrator's desktop whose clock is `offsetMs` off. */
  const desktop = async (name: string, offsetMs: number): Promise<Desktop> => {
    const user = await t.server.services.clubs.addUser(clubId, { name, role: 'administrator' });
    const device = await enrolUser(t, clubId, user.id);
    const store = LocalStore.open(join(temp.dir, `${name}.db`), randomBytes(32), {
      now: () => Date.now() + offsetMs,
    });
    opened.push(store);
    new SyncSettings(store.meta).connect(device.syncUrl, device);
    return { store, api: new ClubService(store, name), sync: new SyncClient(store) };
  };

  const edit = async (d: Desktop, id: string, change: Record<string, unknown>) => {
    const saved = await d.api.save('members', {
      ...d.store.tables.members.get(id)!.record,
      ...change,
    } as never);
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  };

  const onServer = async (id: string) =>
    (await listAsClubAdmin(t, clubId, 'members')).find((m) => m.id === id);

  beforeAll(async () => {
    t = await startTestClubServer();
    clubId = (await t.server.services.clubs.createClub('Kapelle Zeitzone')).id;
  }, 60_000);
  afterAll(async () => {
    for (const store of opened) store.close();
    await t?.stop();
    temp.cleanup();
  });

  it('refuses the edit of a clock ten minutes fast, saying so; the later honest correction stands', async () => {
    const honest = await desktop('ehrlich', 0);
    const fast = await desktop('vorgehend', 10 * MINUTE);
    const created = await honest.api.save('members', {
      firstName: 'Zita',
      lastName: 'Zeit',
      status: 'aktiv',
    } as never);
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const id = created.value.id;
    await honest.sync.round();
    await fast.sync.round();

    await edit(fast, id, { city: 'Falschstadt' });
    const refused = await fast.sync.round();
    expect(refused.rejected).toBe(1);
    const [rejection] = new SyncJournal(fast.store).rejections();
    expect(rejection?.reason).toBe(
      'Die Uhr des Geräts, auf dem diese Änderung gemacht wurde, ging um 10 Minuten vor. Bitte Datum und Uhrzeit des Computers richtig stellen und die Änderung dann erneut senden.',
    );

    await edit(honest, id, { city: 'Richtigstadt' });
    await honest.sync.round();
    expect((await onServer(id))?.city).toBe('Richtigstadt');
    await fast.sync.round();
    expect(fast.store.tables.members.get(id)?.record.city).toBe('Richtigstadt');
  });

  it('refuses the changes of a clock ten minutes fast even once real time has caught up with their stamps', async () => {
    // Offline, a clock 10 min fast stamps an edit; pushed 10 min later (in real time), the
    // stamps are no longer ahead of the server's clock — but the device's clock still is.
    let offset = 0;
    const user = await t.server.services.clubs.addUser(clubId, {
      name: 'spaet',
      role: 'administrator',
    });
    const device = await enrolUser(t, clubId, user.id);
    const store = LocalStore.open(join(temp.dir, 'spaet.db'), randomBytes(32), {
      now: () => Date.now() + offset,
    });
    opened.push(store);
    new SyncSettings(store.meta).connect(device.syncUrl, device);
    const late: Desktop = {
      store,
      api: new ClubService(store, 'spaet'),
      sync: new SyncClient(store),
    };
    const created = await late.api.save('members', {
      firstName: 'Paul',
      lastName: 'Pünktlich',
      status: 'aktiv',
    } as never);
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    offset = 10 * MINUTE;
    const report = await late.sync.round();
    expect(report.rejected).toBe(1);
    const [rejection] = new SyncJournal(store).rejections();
    expect(translate({ key: rejection!.reasonKey!, params: rejection!.reasonParams })).toMatch(
      /ging um 10 Minuten vor/,
    );
  });

  it('sorts its next edit after every stamp it received, from a clock ahead within the bound', async () => {
    const ahead = await desktop('knappvor', 50_000);
    const behind = await desktop('genau', 0);
    const created = await ahead.api.save('members', {
      firstName: 'Otto',
      lastName: 'Ordnung',
      status: 'aktiv',
    } as never);
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const id = created.value.id;
    await edit(ahead, id, { phone: '+49 7000 1' });
    await ahead.sync.round();
    // One second later in real time, the other device changes the same field.
    await behind.sync.round();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await edit(behind, id, { phone: '+49 7000 2' });
    const report = await behind.sync.round();
    expect(report.conflicts).toBe(0);
    expect((await onServer(id))?.phone).toBe('+49 7000 2');
  });

  it('shows a value the server did not take as a conflict instead of keeping it silently', async () => {
    const slow = await desktop('nachgehend', -5 * MINUTE);
    const office = await desktop('buero', 0);
    const created = await office.api.save('members', {
      firstName: 'Lena',
      lastName: 'Langsam',
      status: 'aktiv',
    } as never);
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const id = created.value.id;
    await office.sync.round();
    // The office's stamps lie five minutes ahead of this clock: not followed, and said.
    expect((await slow.sync.round()).ignoredStamps).toBeGreaterThan(0);
    // Offline, both change the last name; the office first, in real time.
    await edit(office, id, { lastName: 'Büro' });
    await edit(slow, id, { lastName: 'Langsam-Neu' });
    await office.sync.round();
    const report = await slow.sync.round();
    expect(report.conflicts).toBe(1);
    // The device shows what the server holds, and keeps its own value for review.
    expect(slow.store.tables.members.get(id)?.record.lastName).toBe('Büro');
    expect(new SyncJournal(slow.store).conflicts()).toEqual([
      expect.objectContaining({
        id,
        field: 'lastName',
        localValue: 'Langsam-Neu',
        remoteValue: 'Büro',
      }),
    ]);
  });
});
