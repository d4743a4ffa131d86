/**
 * A change the server refuses stays in view until the person decides: "erneut senden" once the
 * cause is fixed, or "verwerfen" to go back to the server's state. Against a running server
 * over mutual TLS, with a laptop whose clock runs ten minutes fast and is then set right.
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

describe('changes the server refused', () => {
  const temp = makeTempDir('tutti-rejections-');
  let t: TestClubServer;
  let clubId = '';
  let clockOffset = 10 * 60_000;
  const stores: LocalStore[] = [];

  const desktop = async (name: string, now?: () => number) => {
    const user = await t.server.services.clubs.addUser(clubId, { name, role: 'administrator' });
    const device = await enrolUser(t, clubId, user.id);
    const store = LocalStore.open(join(temp.dir, `${name}.db`), randomBytes(32), { now });
    stores.push(store);
    new SyncSettings(store.meta).connect(device.syncUrl, device);
    return {
      store,
      api: new ClubService(store, name),
      sync: new SyncClient(store),
      userId: user.id,
    };
  };

  beforeAll(async () => {
    t = await startTestClubServer();
    clubId = (await t.server.services.clubs.createClub('Kapelle Ablehnung')).id;
  }, 60_000);
  afterAll(async () => {
    for (const store of stores) store.close();
    await t?.stop();
    temp.cleanup();
  });

  it('keeps refused work in view, resends it once the clock is right, or discards it', async () => {
    const office = await desktop('buero');
    const laptop = await desktop('laptop', () => Date.now() + clockOffset);
    const mara = await office.api.save('members', {
      firstName: 'Mara',
      lastName: 'Marsch',
      status: 'aktiv',
      city: 'Nahheim',
    } as never);
    if (!mara.ok) throw new Error(JSON.stringify(mara.error));
    await office.sync.round();
    await laptop.sync.round();

    // With the clock ten minutes fast: an edit and a new member, both refused.
    const edited = await laptop.api.save('members', {
      ...laptop.store.tables.members.get(mara.value.id)!.record,
      city: 'Fernheim',
    } as never);
    expect(edited.ok).toBe(true);
    const nils = await laptop.api.save('members', {
      firstName: 'Nils',
      lastName: 'Neu',
      status: 'aktiv',
    } as never);
    if (!nils.ok) throw new Error(JSON.stringify(nils.error));
    expect((await laptop.sync.round()).rejected).toBe(2);

    // Nothing vanished: both are still on the laptop, and the journal says why.
    expect(laptop.store.tables.members.get(mara.value.id)?.record.city).toBe('Fernheim');
    expect(laptop.store.tables.members.get(nils.value.id)?.deleted).toBe(false);
    const journal = new SyncJournal(laptop.store);
    const [editRejection, createRejection] = journal.rejections();
    // The exact reason, said by the server as a key: the UI says it in its language.
    expect(
      translate({ key: editRejection!.reasonKey!, params: editRejection!.reasonParams }, 'en'),
    ).toMatch(/was 10 minutes fast/);

    // The clock is set right: the new member goes out again, stamped now, and is taken.
    clockOffset = 0;
    const resent = await laptop.api.resolveRejection(createRejection!.mutationId, 'resend');
    expect(resent).toEqual({ ok: true, value: null });
    expect((await laptop.sync.round()).rejected).toBe(0);
    const onServer = await listAsClubAdmin(t, clubId, 'members');
    expect(onServer.find((m) => m.id === nils.value.id)).toMatchObject({ firstName: 'Nils' });

    // The edit is discarded: the laptop shows the server's city again.
    const discarded = await laptop.api.resolveRejection(editRejection!.mutationId, 'discard');
    expect(discarded).toEqual({ ok: true, value: null });
    expect(laptop.store.tables.members.get(mara.value.id)?.record.city).toBe('Nahheim');
    expect(journal.rejections()).toEqual([]);
    expect(await laptop.api.resolveRejection(editRejection!.mutationId, 'discard')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await laptop.sync.round();
    await office.sync.round();
    for (const d of [office, laptop])
      expect(d.store.tables.members.get(mara.value.id)?.record.city).toBe('Nahheim');
    expect(office.store.tables.members.get(nils.value.id)?.record.firstName).toBe('Nils');
  });

  it('keeps a refused new record through the full resync that a change of role starts', async () => {
    clockOffset = 0;
    const keeper = await desktop('zeugwart');
    await keeper.sync.round();
    await t.server.services.clubs.updateUser(clubId, keeper.userId, { role: 'instrumentenwart' });
    const register = await keeper.api.save('registers', {
      name: 'Schlagwerk',
      sortOrder: 1,
    } as never);
    if (!register.ok) throw new Error(JSON.stringify(register.error));
    // The round starts over (what the user may see changed) and the server refuses the register.
    expect((await keeper.sync.round()).rejected).toBe(1);
    await keeper.sync.round();
    expect(keeper.store.tables.registers.get(register.value.id)?.record.name).toBe('Schlagwerk');
    const [rejection] = new SyncJournal(keeper.store).rejections();
    await keeper.api.resolveRejection(rejection!.mutationId, 'discard');
    expect(keeper.store.tables.registers.get(register.value.id)).toBeUndefined();
  });
});
