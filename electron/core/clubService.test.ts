import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../shared/messages/translate.ts';
import { saidIn } from '../../test/support/saidIn.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { LocalStore } from '../store/localStore.ts';
import { ClubService } from './clubService.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: LocalStore;
let api: ClubService;
const key = randomBytes(32);

beforeEach(() => {
  temp = makeTempDir();
  store = LocalStore.open(join(temp.dir, 'tutti.db'), key);
  api = new ClubService(store, temp.dir);
});
afterEach(() => {
  store.close();
  temp.cleanup();
});

async function member(fields: Record<string, unknown> = {}) {
  const result = await api.save('members', {
    firstName: 'Anna',
    lastName: 'Bläser',
    status: 'aktiv',
    ...fields,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

async function instrument(fields: Record<string, unknown> = {}) {
  const result = await api.save('instruments', {
    inventoryNumber: 'T-01',
    kind: 'Trompete',
    ...fields,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('saving records', () => {
  it('creates a member with a UUIDv7 id and one outbox mutation holding every field', async () => {
    const m = await member({ iban: 'DE89 3704 0044 0532 0130 00', birthDate: '1939-08-20' });
    expect(m.id).toMatch(/^[0-9a-f-]{8}-[0-9a-f-]{4}-7/);
    expect(m.iban).toBe('DE89370400440532013000');
    const [mutation] = store.outbox.pending();
    expect(mutation!.mutationId).toBe(1);
    expect(mutation!.ops[0]!.set).toMatchObject({ firstName: 'Anna', birthDate: '1939-08-20' });
    expect(Object.keys(mutation!.ops[0]!.stamps).sort()).toEqual(
      Object.keys(mutation!.ops[0]!.set).sort(),
    );
  });

  it('ships only the changed fields of an edit, with a later stamp', async () => {
    const m = await member();
    const edited = await api.save('members', { ...m, city: 'Musterstadt' });
    expect(edited.ok).toBe(true);
    const [create, edit] = store.outbox.pending();
    expect(edit!.mutationId).toBe(2);
    expect(edit!.ops[0]!.set).toEqual({ city: 'Musterstadt' });
    expect(edit!.ops[0]!.stamps.city! > create!.ops[0]!.stamps.firstName!).toBe(true);
  });

  it('writes nothing for a save without changes', async () => {
    const m = await member();
    await api.save('members', { ...m });
    expect(store.outbox.pendingCount()).toBe(1);
  });

  it('refuses a bad IBAN with a German message at the field and writes nothing', async () => {
    const result = await api.save('members', {
      firstName: 'A',
      lastName: 'B',
      status: 'aktiv',
      iban: 'DE89370400440532013001',
    });
    expect(saidIn(result)).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        fields: { iban: 'Die IBAN ist ungültig: Prüfsumme stimmt nicht.' },
      },
    });
    expect((await api.list('members')).ok && (await api.list('members'))).toMatchObject({
      value: [],
    });
    expect(store.outbox.pendingCount()).toBe(0);
  });

  it('takes a memo as long as Access allows, and refuses a record too big to sync with a message, the outbox untouched', async () => {
    const memo = await member({ notes: 'ä'.repeat(65_535) });
    expect(memo.notes).toHaveLength(65_535);
    const before = store.outbox.pendingCount();
    // Control characters take six bytes each on the wire ("\\u0001"): these go over 512 KiB.
    const result = await api.save('members', {
      firstName: 'Bruno',
      lastName: 'Groß',
      status: 'aktiv',
      notes: '\u0001'.repeat(65_535),
      importedValues: { a: '\u0001'.repeat(65_535), b: '\u0001'.repeat(65_530) },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(translate(result.error)).toMatch(/zu groß für den Abgleich/);
    expect(store.outbox.pendingCount()).toBe(before);
    const biggest = Math.max(
      ...store.outbox.pending().map((m) => Buffer.byteLength(JSON.stringify(m))),
    );
    expect(biggest).toBeLessThan(512 * 1024);
  });

  it('refuses to update a record that does not exist', async () => {
    const result = await api.save('members', {
      id: '0192f3a4-b5c6-7000-8000-000000000000',
      firstName: 'A',
      lastName: 'B',
      status: 'aktiv',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('keeps mutation ids consecutive across a restart', async () => {
    await member();
    await member({ firstName: 'Berta' });
    store.close();
    store = LocalStore.open(join(temp.dir, 'tutti.db'), key);
    api = new ClubService(store, temp.dir);
    await member({ firstName: 'Carla' });
    expect(store.outbox.pending().map((m) => m.mutationId)).toEqual([1, 2, 3]);
    expect((await api.list('members')).ok).toBe(true);
  });
});

describe('loans', () => {
  it('refuses a second open loan of one instrument with a message naming the borrower', async () => {
    const anna = await member();
    const ben = await member({ firstName: 'Ben', lastName: 'Horn' });
    const trumpet = await instrument();
    const first = await api.save('loans', {
      instrumentId: trumpet.id,
      memberId: anna.id,
      issuedOn: '2026-09-01',
    });
    expect(first.ok).toBe(true);
    const second = await api.save('loans', {
      instrumentId: trumpet.id,
      memberId: ben.id,
      issuedOn: '2026-10-01',
    });
    expect(saidIn(second)).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        fields: {
          instrumentId: expect.stringContaining(
            'bereits an Anna Bläser ausgeliehen (seit 01.09.2026)',
          ),
        },
      },
    });
    if (!first.ok) throw new Error();
    const returned = await api.save('loans', { ...first.value, returnedOn: '2026-09-30' });
    expect(returned.ok).toBe(true);
    expect(
      (
        await api.save('loans', {
          instrumentId: trumpet.id,
          memberId: ben.id,
          issuedOn: '2026-10-01',
        })
      ).ok,
    ).toBe(true);
  });

  it('refuses to delete a member who still holds an instrument', async () => {
    const anna = await member();
    const trumpet = await instrument();
    await api.save('loans', {
      instrumentId: trumpet.id,
      memberId: anna.id,
      issuedOn: '2026-09-01',
    });
    expect(await api.remove('members', anna.id)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});

describe('delete and undo', () => {
  it('hides a deleted record, restores it, and records both as mutations of the deleted field', async () => {
    const m = await member();
    expect((await api.remove('members', m.id)).ok).toBe(true);
    expect(await api.get('members', m.id)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await api.restore('members', m.id)).toMatchObject({
      ok: true,
      value: { firstName: 'Anna' },
    });
    const ops = store.outbox
      .pending()
      .slice(1)
      .map((x) => x.ops[0]!.set);
    expect(ops).toEqual([{ deleted: true }, { deleted: false }]);
  });
});

describe('references', () => {
  it('refuses a new link to a deleted record but keeps an old one editable', async () => {
    const berta = await member({ firstName: 'Berta' });
    const anna = await member({ householdId: berta.id });
    await api.remove('members', berta.id);
    expect(await api.save('members', { ...anna, city: 'Freiburg' })).toMatchObject({ ok: true });
    const carla = await api.save('members', {
      firstName: 'Carla',
      lastName: 'C',
      status: 'aktiv',
      householdId: berta.id,
    });
    expect(saidIn(carla)).toMatchObject({
      ok: false,
      error: { fields: { householdId: 'Das Haushaltsmitglied gibt es nicht.' } },
    });
  });

  it('refuses a duplicate inventory number and register name', async () => {
    await instrument();
    expect(
      saidIn(await api.save('instruments', { inventoryNumber: 'T-01', kind: 'Tuba' })),
    ).toMatchObject({
      ok: false,
      error: {
        fields: { inventoryNumber: 'Die Inventarnummer T-01 ist schon vergeben (Trompete).' },
      },
    });
    // Compared as the server compares: trimmed, any case, umlauts too.
    expect(
      await api.save('instruments', { inventoryNumber: ' t-01 ', kind: 'Tuba' }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await api.save('registers', { name: 'Flügelhörner' });
    expect(saidIn(await api.save('registers', { name: ' FLÜGELHÖRNER' }))).toMatchObject({
      ok: false,
      error: { fields: { name: 'Ein Register „FLÜGELHÖRNER“ gibt es schon.' } },
    });
  });
});

describe('attendance', () => {
  it('keeps one record per event and member, the latest tick winning', async () => {
    const m = await member();
    const e = await api.save('events', { kind: 'probe', title: 'Gesamtprobe', date: '2026-11-27' });
    if (!e.ok) throw new Error();
    await api.save('attendance', { eventId: e.value.id, memberId: m.id, status: 'present' });
    await api.save('attendance', { eventId: e.value.id, memberId: m.id, status: 'excused' });
    const list = await api.list('attendance');
    expect(list.ok && list.value).toEqual([expect.objectContaining({ status: 'excused' })]);
  });
});

describe('encryption at rest', () => {
  it('stores no member name in the clear', async () => {
    await member({ lastName: 'Zwetschgenbaum' });
    store.close();
    for (const file of ['tutti.db', 'tutti.db-wal']) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(temp.dir, file));
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from('Zwetschgenbaum'))).toBe(false);
    }
  });
});

describe('deleting a register', () => {
  it('takes it off its members and instruments in the same mutation, and undo puts it back', async () => {
    const register = await api.save('registers', { name: 'Schlagwerk', sortOrder: 1 });
    if (!register.ok) throw new Error(JSON.stringify(register.error));
    const paula = await member({ firstName: 'Paula', registerIds: [register.value.id] });
    const drum = await instrument({ registerId: register.value.id });
    const before = store.outbox.pendingCount();
    expect((await api.remove('registers', register.value.id)).ok).toBe(true);
    expect(store.outbox.pendingCount()).toBe(before + 1);
    const [mutation] = store.outbox.pending().slice(-1);
    expect(mutation!.ops.map((op) => op.entity).sort()).toEqual([
      'instruments',
      'members',
      'registers',
    ]);
    expect(store.tables.members.get(paula.id)!.record.registerIds).toEqual([]);
    expect(store.tables.instruments.get(drum.id)!.record.registerId).toBeNull();

    expect((await api.restore('registers', register.value.id)).ok).toBe(true);
    expect(store.tables.members.get(paula.id)!.record.registerIds).toEqual([register.value.id]);
    expect(store.tables.instruments.get(drum.id)!.record.registerId).toBe(register.value.id);
  });
});
