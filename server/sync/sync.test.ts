/**
 * Sync protocol v1 on the server, over real mutual TLS against a running server: push with
 * field-level merge, retries, gaps, rejections; pull filtered by rights, paged, reset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolledDevice } from '../../electron/sync/enrolDevice.ts';
import { newId } from '../../shared/domain/ids.ts';
import { HybridLogicalClock } from '../../shared/sync/hlc.ts';
import type { Mutation, PullResponse, PushResponse } from '../../shared/sync/protocol.ts';
import {
  type Answer,
  asDevice,
  enrolUser,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';

const BRASS = newId();
const WOODWIND = newId();

/** A device as the protocol sees it: its certificate, its clock, its next mutation id. */
interface Device {
  cert: EnrolledDevice;
  clock: HybridLogicalClock;
  next: number;
}

describe('sync protocol v1 on the server', () => {
  let t: TestClubServer;
  let clubId: string;
  const devices: Record<string, Device> = {};

  const mutation = (
    d: Device,
    ops: { entity: string; id: string; set: Record<string, unknown> }[],
  ): Mutation => ({
    mutationId: d.next++,
    ops: ops.map((op) => {
      const stamps: Record<string, string> = {};
      for (const field of Object.keys(op.set)) stamps[field] = d.clock.tick();
      return { ...op, stamps } as Mutation['ops'][number];
    }),
  });
  const push = async (who: string, mutations: Mutation[]): Promise<Answer> =>
    asDevice(t, devices[who]!.cert, 'POST', '/sync/v1/push', { body: { mutations } });
  const pushed = (answer: Answer) => answer.body?.value as PushResponse;
  const pullAll = async (who: string, cursor = 0, limit?: number): Promise<PullResponse> => {
    const answer = await asDevice(
      t,
      devices[who]!.cert,
      'GET',
      `/sync/v1/pull?cursor=${cursor}${limit ? `&limit=${limit}` : ''}`,
    );
    expect(answer.status).toBe(200);
    return answer.body?.value as PullResponse;
  };
  const stateOf = async (who: string, id: string) =>
    (await pullAll(who)).changes.filter((c) => c.id === id).at(-1)?.state?.fields;

  beforeAll(async () => {
    t = await startTestClubServer();
    const { clubs } = t.server.services;
    clubId = (await clubs.createClub('Musikverein Sync')).id;
    const roles = {
      office: { role: 'administrator' },
      laptop: { role: 'administrator' },
      treasurer: { role: 'kassier' },
      leader: { role: 'registerfuehrer', registerIds: [BRASS] },
    };
    for (const [who, r] of Object.entries(roles)) {
      const user = await clubs.addUser(clubId, { name: who, ...r });
      const cert = await enrolUser(t, clubId, user.id);
      devices[who] = { cert, clock: new HybridLogicalClock(cert.deviceId), next: 1 };
    }
    // The registers members are linked to: a link to a record that does not exist is refused.
    await push('office', [
      mutation(devices.office!, [
        { entity: 'registers', id: BRASS, set: { name: 'Blech', sortOrder: 1 } },
        { entity: 'registers', id: WOODWIND, set: { name: 'Holz', sortOrder: 2 } },
      ]),
    ]);
  }, 60_000);
  afterAll(() => t?.stop());

  const anna = newId();
  const annaFields = {
    firstName: 'Anna',
    lastName: 'Huber',
    status: 'aktiv',
    registerIds: [BRASS],
    iban: 'DE89370400440532013000',
  };

  it('merges edits of different fields from two devices; both survive', async () => {
    const office = devices.office!;
    const laptop = devices.laptop!;
    expect(
      pushed(
        await push('office', [
          mutation(office, [{ entity: 'members', id: anna, set: annaFields }]),
        ]),
      ).results,
    ).toEqual([{ mutationId: office.next - 1, status: 'applied' }]);
    await push('laptop', [
      mutation(laptop, [{ entity: 'members', id: anna, set: { city: 'Tal' } }]),
    ]);
    await push('office', [
      mutation(office, [{ entity: 'members', id: anna, set: { phone: '+49 7000 1234' } }]),
    ]);
    const fromOffice = await stateOf('office', anna);
    expect(fromOffice).toMatchObject({
      firstName: 'Anna',
      city: 'Tal',
      phone: '+49 7000 1234',
      deleted: false,
    });
    expect(await stateOf('laptop', anna)).toEqual(fromOffice);
  });

  it('lets the later stamp win a field and reports the loser as overridden', async () => {
    const office = devices.office!;
    const laptop = devices.laptop!;
    const early = mutation(laptop, [{ entity: 'members', id: anna, set: { lastName: 'Früh' } }]);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later millisecond, not a tie
    const late = mutation(office, [{ entity: 'members', id: anna, set: { lastName: 'Spät' } }]);
    await push('office', [late]);
    const answer = pushed(await push('laptop', [early]));
    expect(answer.results[0]).toMatchObject({
      mutationId: early.mutationId,
      status: 'applied',
      overridden: [{ entity: 'members', id: anna, field: 'lastName' }],
    });
    // With the server's state of the record, so the device can show what it lost.
    expect(answer.results[0]?.current).toEqual([
      expect.objectContaining({
        id: anna,
        state: expect.objectContaining({ fields: expect.objectContaining({ lastName: 'Spät' }) }),
      }),
    ]);
    expect(await stateOf('laptop', anna)).toMatchObject({ lastName: 'Spät' });
  });

  it('applies a retried mutation once and refuses a gap', async () => {
    const office = devices.office!;
    const m = mutation(office, [{ entity: 'members', id: anna, set: { notes: 'einmal' } }]);
    const first = pushed(await push('office', [m]));
    const versionAfter = (await pullAll('office')).cursor;
    const again = pushed(await push('office', [m]));
    expect(again.results).toEqual([{ mutationId: m.mutationId, status: 'skipped' }]);
    expect(again.lastMutationId).toBe(first.lastMutationId);
    expect((await pullAll('office')).cursor).toBe(versionAfter);
    office.next += 1; // one id left out
    const gap = await push('office', [
      mutation(office, [{ entity: 'members', id: anna, set: { notes: 'Lücke' } }]),
    ]);
    expect(gap.status).toBe(409);
    expect(gap.body?.error?.message).toContain(`erwartet wird Nr. ${m.mutationId + 1}`);
    office.next = m.mutationId + 1;
    expect((await pullAll('office')).lastMutationId).toBe(m.mutationId);
    // A gap inside a batch: what came before it commits, the answer says where it stopped.
    const before = mutation(office, [{ entity: 'members', id: anna, set: { notes: 'vorher' } }]);
    office.next += 1;
    const after = mutation(office, [{ entity: 'members', id: anna, set: { notes: 'danach' } }]);
    const stopped = pushed(await push('office', [before, after]));
    expect(stopped.lastMutationId).toBe(before.mutationId);
    expect(stopped.results).toEqual([{ mutationId: before.mutationId, status: 'applied' }]);
    expect((await stateOf('office', anna))?.notes).toBe('vorher');
    office.next = before.mutationId + 1;
  });

  it('rejects an invalid mutation as a whole, records why, and goes on with the next', async () => {
    const laptop = devices.laptop!;
    const other = newId();
    const bad = mutation(laptop, [
      {
        entity: 'members',
        id: other,
        set: { firstName: 'Bert', lastName: 'Bauer', status: 'aktiv' },
      },
      { entity: 'members', id: anna, set: { iban: 'DE00 1234' } },
    ]);
    const good = mutation(laptop, [{ entity: 'members', id: anna, set: { city: 'Berg' } }]);
    const answer = pushed(await push('laptop', [bad, good]));
    expect(answer.results[0]).toMatchObject({
      mutationId: bad.mutationId,
      status: 'rejected',
      fields: { iban: expect.any(String) },
    });
    // The device learns what the server holds for the records it touched.
    expect(answer.results[0]?.current?.map((c) => [c.id, c.state?.fields.iban ?? null])).toEqual([
      [other, null],
      [anna, 'DE89370400440532013000'],
    ]);
    expect(answer.results[1]).toEqual({ mutationId: good.mutationId, status: 'applied' });
    expect(answer.lastMutationId).toBe(good.mutationId);
    // Nothing of the rejected mutation stayed, not even its valid first op.
    expect((await pullAll('laptop')).changes.some((c) => c.id === other)).toBe(false);
    const recorded = await t.server.services.db.withClub(
      clubId,
      async (sql) =>
        (
          await sql.query<{ reason: string }>(
            'SELECT reason FROM rejected_mutations WHERE mutation_id = $1',
            [bad.mutationId],
          )
        ).rows,
    );
    expect(recorded[0]?.reason).toContain('iban');
  });

  it('gives a refusal as keys beside the German text: over HTTP and in a rejected push', async () => {
    const laptop = devices.laptop!;
    // A record API refusal: code and German message as before, the same as messages beside.
    const wrongChecksum = 'DE89370400440532013001';
    const put = await asDevice(t, laptop.cert, 'PUT', `/api/v1/records/members/${newId()}`, {
      body: { firstName: 'Ida', lastName: 'Iban', status: 'aktiv', iban: wrongChecksum },
    });
    expect(put.status).toBe(400);
    expect(put.body?.error).toEqual({
      code: 'validation',
      message: 'Der Datensatz ist ungültig. iban: Die IBAN ist ungültig: Prüfsumme stimmt nicht.',
      fields: { iban: 'Die IBAN ist ungültig: Prüfsumme stimmt nicht.' },
      key: 'server.records.invalid',
      fieldMessages: { iban: { key: 'validation.iban.checksum' } },
    });
    // A refusal without fields: its parameters travel beside the key.
    const unknownEntity = await asDevice(t, laptop.cert, 'GET', '/api/v1/records/shoes');
    expect(unknownEntity.status).toBe(404);
    expect(unknownEntity.body?.error).toEqual({
      code: 'not_found',
      message: 'Die Datenart „shoes“ gibt es nicht.',
      key: 'server.http.unknownEntity',
      params: { entity: 'shoes' },
    });
    // A rejected mutation: the reason as older desktops know it, the fields as messages too.
    const bad = mutation(laptop, [{ entity: 'members', id: anna, set: { iban: wrongChecksum } }]);
    const outcome = pushed(await push('laptop', [bad])).results[0] as Record<string, unknown>;
    const expected = {
      mutationId: bad.mutationId,
      status: 'rejected',
      reason: 'Der Datensatz ist ungültig. iban: Die IBAN ist ungültig: Prüfsumme stimmt nicht.',
      reasonKey: 'sync.rejected.validation',
      reasonParams: {},
      fields: { iban: 'Die IBAN ist ungültig: Prüfsumme stimmt nicht.' },
      fieldMessages: { iban: { key: 'validation.iban.checksum' } },
    };
    expect(outcome).toMatchObject(expected);
    // Sent again after a lost reply: the same answer, from what the server recorded.
    expect(pushed(await push('laptop', [bad])).results[0]).toMatchObject(expected);
  });

  it('answers a refused mutation sent again as refused again, not as skipped', async () => {
    const laptop = devices.laptop!;
    const refusals = async () =>
      (await t.server.services.metrics.mutationsRejected.get()).values.find(
        (v) => v.labels.reason === 'sync.rejected.validation',
      )?.value ?? 0;
    const before = await refusals();
    const bad = mutation(laptop, [{ entity: 'members', id: anna, set: { iban: 'DE00 1234' } }]);
    const first = pushed(await push('laptop', [bad]));
    expect(first.results[0]?.status).toBe('rejected');
    // The reply was lost; the device sends the same mutation again.
    const again = pushed(await push('laptop', [bad]));
    // One refusal in the metrics, not two: the repeat is an answer, not a new refusal.
    expect(await refusals()).toBe(before + 1);
    expect(again.results[0]).toMatchObject({
      mutationId: bad.mutationId,
      status: 'rejected',
      reason: first.results[0]!.reason,
      fields: { iban: expect.any(String) },
    });
    expect(again.results[0]?.current?.[0]?.state?.fields.iban).toBe('DE89370400440532013000');
    // Deleting a record the server never had leaves no empty record behind.
    const ghost = newId();
    const deleted = pushed(
      await push('laptop', [
        mutation(laptop, [{ entity: 'members', id: ghost, set: { deleted: true } }]),
      ]),
    );
    expect(deleted.results[0]?.status).toBe('rejected');
    expect((await pullAll('office')).changes.some((c) => c.id === ghost)).toBe(false);
  });

  it('lets one of two offline loans of the same instrument stand and rejects the other', async () => {
    const trumpet = newId();
    await push('office', [
      mutation(devices.office!, [
        {
          entity: 'instruments',
          id: trumpet,
          set: { inventoryNumber: 'T-7', kind: 'Trompete', registerId: BRASS },
        },
      ]),
    ]);
    const loan = (memberId: string) => ({
      instrumentId: trumpet,
      memberId,
      issuedOn: '2026-11-20',
    });
    const first = pushed(
      await push('office', [
        mutation(devices.office!, [{ entity: 'loans', id: newId(), set: loan(anna) }]),
      ]),
    );
    const second = pushed(
      await push('laptop', [
        mutation(devices.laptop!, [{ entity: 'loans', id: newId(), set: loan(anna) }]),
      ]),
    );
    expect(first.results[0]?.status).toBe('applied');
    expect(second.results[0]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/bereits an Anna \S+ ausgeliehen \(seit 20\.11\.2026\)/),
      reasonKey: 'rules.instrumentOnLoan',
    });
  });

  it('rejects a text with a NUL character instead of failing the batch on every retry', async () => {
    const laptop = devices.laptop!;
    const nul = mutation(laptop, [{ entity: 'members', id: anna, set: { notes: 'a\u0000b' } }]);
    const after = mutation(laptop, [{ entity: 'members', id: anna, set: { city: 'Tal' } }]);
    const answer = await push('laptop', [nul, after]);
    expect(answer.status).toBe(200);
    expect(pushed(answer).results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect(pushed(answer).results[0]?.fields?.notes).toContain('Steuerzeichen');
  });

  it('sees earlier loans of the same batch and undoes a refused mutation of several ops', async () => {
    const office = devices.office!;
    const horn = newId();
    const newcomer = newId();
    const loan = (memberId: string) => ({ instrumentId: horn, memberId, issuedOn: '2026-11-21' });
    const answer = pushed(
      await push('office', [
        mutation(office, [
          { entity: 'instruments', id: horn, set: { inventoryNumber: 'H-1', kind: 'Horn' } },
        ]),
        mutation(office, [{ entity: 'loans', id: newId(), set: loan(anna) }]),
        mutation(office, [{ entity: 'loans', id: newId(), set: loan(anna) }]),
        mutation(office, [
          {
            entity: 'members',
            id: newcomer,
            set: { firstName: 'Nina', lastName: 'Neu', status: 'aktiv' },
          },
          { entity: 'loans', id: newId(), set: loan(newcomer) },
        ]),
      ]),
    );
    expect(answer.results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'rejected',
      'rejected',
    ]);
    expect(answer.results[3]?.current?.[0]).toMatchObject({ id: newcomer, state: null });
    const after = await pullAll('office');
    expect(after.changes.some((c) => c.id === newcomer)).toBe(false);
    expect(
      after.changes.filter((c) => c.entity === 'loans' && c.state?.fields.instrumentId === horn),
    ).toHaveLength(1);
  });

  it("never sends a register leader another register's members or any IBAN", async () => {
    const bert = newId();
    await push('office', [
      mutation(devices.office!, [
        {
          entity: 'members',
          id: bert,
          set: {
            firstName: 'Bert',
            lastName: 'Holz',
            status: 'aktiv',
            registerIds: [WOODWIND],
            iban: 'DE02120300000000202051',
          },
        },
      ]),
    ]);
    const pulled = await pullAll('leader');
    const text = JSON.stringify(pulled);
    expect(text).not.toContain('Holz');
    expect(text).not.toContain('DE02120300000000202051');
    expect(text).not.toContain('DE89370400440532013000');
    expect(text).not.toContain('"iban"');
    expect(pulled.changes.find((c) => c.id === bert)?.state).toBeNull();
    expect(pulled.changes.find((c) => c.id === anna)?.state?.fields).toMatchObject({
      firstName: 'Anna',
    });
    // A leader may tick attendance in their register, but not edit a member.
    const refused = pushed(
      await push('leader', [
        mutation(devices.leader!, [{ entity: 'members', id: anna, set: { city: 'X' } }]),
      ]),
    );
    expect(refused.results[0]).toMatchObject({
      status: 'rejected',
      reason: 'Für diese Änderung fehlt die Berechtigung.',
      reasonKey: 'sync.rejected.forbidden',
    });
    expect(pulled.scopeEpoch).toBe(1);
  });

  it('stores the id with a record created by sync: a register leader gets their register', async () => {
    const pulled = await pullAll('leader');
    expect(pulled.changes.find((c) => c.id === BRASS)?.state?.fields).toMatchObject({
      id: BRASS,
      name: 'Blech',
    });
    expect(pulled.changes.find((c) => c.id === WOODWIND)?.state).toBeNull();
    const listed = await asDevice(t, devices.leader!.cert, 'GET', '/api/v1/records/registers');
    expect(listed.body?.value).toEqual([expect.objectContaining({ id: BRASS, name: 'Blech' })]);
  });

  it('holds the rules across records for every device and the record API', async () => {
    const office = devices.office!;
    const laptop = devices.laptop!;
    const percussion = newId();
    const triangle = newId();
    await push('office', [
      mutation(office, [
        { entity: 'registers', id: percussion, set: { name: 'Schlagwerk', sortOrder: 5 } },
        {
          entity: 'instruments',
          id: triangle,
          set: { inventoryNumber: 'S-9', kind: 'Triangel' },
        },
      ]),
    ]);
    // The laptop, offline meanwhile, names its own the same — spelled differently.
    const twins = pushed(
      await push('laptop', [
        mutation(laptop, [
          { entity: 'registers', id: newId(), set: { name: ' SCHLAGWERK ', sortOrder: 6 } },
        ]),
        mutation(laptop, [
          { entity: 'instruments', id: newId(), set: { inventoryNumber: 's-9', kind: 'Becken' } },
        ]),
      ]),
    );
    expect(twins.results.map((r) => [r.status, r.reasonKey, r.fields])).toEqual([
      [
        'rejected',
        'rules.registerNameTaken',
        { name: 'Ein Register „ SCHLAGWERK “ gibt es schon.' },
      ],
      [
        'rejected',
        'rules.inventoryNumberTaken',
        { inventoryNumber: 'Die Inventarnummer s-9 ist schon vergeben (Triangel).' },
      ],
    ]);
    // The rule's key goes without `reasons.` (older desktops add it), its parameters beside;
    // the message per field keeps the full, finer key.
    expect(twins.results[0]).toMatchObject({
      reasonKey: 'rules.registerNameTaken',
      reasonParams: { value: ' SCHLAGWERK ' },
      fieldMessages: {
        name: { key: 'reasons.rules.registerNameTaken', params: { value: ' SCHLAGWERK ' } },
      },
    });
    expect(twins.results[1]).toMatchObject({
      reasonParams: { value: 's-9', other: 'Triangel' },
      fieldMessages: {
        inventoryNumber: {
          key: 'reasons.rules.inventoryNumberTakenBy',
          params: { value: 's-9', other: 'Triangel' },
        },
      },
    });
    // A new link to a register deleted meanwhile is refused; an old link may stay.
    await push('office', [
      mutation(office, [{ entity: 'registers', id: percussion, set: { deleted: true } }]),
    ]);
    const linked = pushed(
      await push('laptop', [
        mutation(laptop, [
          {
            entity: 'members',
            id: newId(),
            set: {
              firstName: 'Paul',
              lastName: 'Pauke',
              status: 'aktiv',
              registerIds: [percussion],
            },
          },
        ]),
      ]),
    );
    expect(linked.results[0]).toMatchObject({
      status: 'rejected',
      reasonKey: 'rules.referenceGone',
      reasonParams: { field: 'registerIds' },
      fields: { registerIds: 'Ein zugeordnetes Register gibt es nicht mehr.' },
      fieldMessages: { registerIds: { key: 'reasons.rules.reference.registerIds' } },
    });
    // The record API is a writer like any other.
    const put = await asDevice(t, office.cert, 'PUT', `/api/v1/records/registers/${newId()}`, {
      body: { name: 'holz', sortOrder: 9 },
    });
    expect(put.status).toBe(409);
    expect(put.body?.error).toEqual({
      code: 'conflict',
      message: 'Ein Register „holz“ gibt es schon.',
      fields: { name: 'Ein Register „holz“ gibt es schon.' },
      key: 'reasons.rules.registerNameTaken',
      params: { value: 'holz' },
      fieldMessages: {
        name: { key: 'reasons.rules.registerNameTaken', params: { value: 'holz' } },
      },
    });
  });

  it('deletes and restores through the deleted field, last writer wins', async () => {
    const office = devices.office!;
    // Anna has an instrument on loan: she cannot be deleted, on any device.
    const refused = pushed(
      await push('office', [
        mutation(office, [{ entity: 'members', id: anna, set: { deleted: true } }]),
      ]),
    );
    expect(refused.results[0]).toMatchObject({
      status: 'rejected',
      reason:
        'Das Mitglied hat noch 2 Instrumente ausgeliehen. Bitte zuerst die Rückgabe erfassen.',
      reasonKey: 'rules.deleteMemberWithLoans',
      reasonParams: { count: 2 },
    });
    const dora = newId();
    await push('office', [
      mutation(office, [
        { entity: 'members', id: dora, set: { firstName: 'Dora', lastName: 'D', status: 'aktiv' } },
      ]),
    ]);
    await push('office', [
      mutation(office, [{ entity: 'members', id: dora, set: { deleted: true } }]),
    ]);
    expect(await stateOf('laptop', dora)).toMatchObject({ deleted: true });
    await push('laptop', [
      mutation(devices.laptop!, [{ entity: 'members', id: dora, set: { deleted: false } }]),
    ]);
    expect(await stateOf('office', dora)).toMatchObject({ deleted: false, firstName: 'Dora' });
  });

  it('pages through changes and starts over from a cursor it does not know', async () => {
    const first = await pullAll('office', 0, 2);
    expect(first.changes).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const second = await pullAll('office', first.cursor, 2);
    expect(second.changes[0]!.version).toBeGreaterThan(first.cursor);
    const all = await pullAll('office');
    expect(all.hasMore).toBe(false);
    const future = await pullAll('office', all.cursor + 1000);
    expect(future.reset).toBe(true);
    expect(future.changes.length).toBeGreaterThan(0);
    const bad = await asDevice(t, devices.office!.cert, 'GET', '/sync/v1/pull?cursor=abc');
    expect(bad.status).toBe(400);
  });

  it('keeps the history of a member changed by a desktop that does not know it', async () => {
    const vera = newId();
    // A desktop from before the member history: status and yes/no fields, no lists.
    await push('office', [
      mutation(devices.office!, [
        {
          entity: 'members',
          id: vera,
          set: {
            firstName: 'Vera',
            lastName: 'V',
            status: 'aktiv',
            entryDate: '2010-01-01',
            consentPhotos: true,
          },
        },
      ]),
    ]);
    expect(await stateOf('laptop', vera)).toMatchObject({
      memberships: [{ status: 'aktiv', from: '2010-01-01', until: null }],
      consents: [{ purpose: 'photos', withdrawnOn: null }],
    });
    await push('office', [
      mutation(devices.office!, [
        { entity: 'members', id: vera, set: { status: 'passiv', consentPhotos: false } },
      ]),
    ]);
    const state = (await stateOf('laptop', vera))!;
    expect(state.consentPhotos).toBe(false);
    expect((state.consents as { withdrawnOn: string | null }[])[0]?.withdrawnOn).not.toBeNull();
    expect((state.memberships as { status: string }[]).map((m) => m.status)).toEqual([
      'aktiv',
      'passiv',
    ]);
  });
});
