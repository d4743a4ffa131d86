/**
 * The data API's writes as the web application uses them (issue #27), on PGlite: a record the
 * form showed is saved with the stamps it showed, so a field someone else changed since is kept
 * when the person did not touch it and is a visible conflict when they did; a save that leaves
 * a field out keeps its stored value (a list too); a deleted record comes back.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids.ts';
import { BUILT_IN_ROLES } from '../../shared/rights/roles.ts';
import { type ShownRecord, STAMPS_KEY } from '../../shared/web/webProtocol.ts';
import { createServices, type Services } from '../app/services.ts';
import { AppError } from '../errors.ts';
import { migrateServer } from '../storage/migrateServer.ts';
import { PgliteDatabase } from '../storage/pgliteDatabase.ts';
import type { ServerDatabase } from '../storage/serverDatabase.ts';
import { type Caller, knownCaller } from './principal.ts';

type Fields = Record<string, unknown>;

describe('club records written from the web application', () => {
  let db: ServerDatabase;
  let services: Services;
  let clubId = '';
  const caller = (id: string) =>
    knownCaller({
      clubId,
      actor: { kind: 'web', id, deviceId: `session:${id}`, address: '127.0.0.1' },
      subject: { grants: BUILT_IN_ROLES.administrator.grants, registerIds: [], memberId: null },
      role: 'administrator',
      scopeEpoch: 1,
    });
  let anna: Caller;
  let bernd: Caller;
  const brass = newId();
  const wood = newId();

  /** What a page holds of a record: its fields, and its stamps beside them. */
  const shownOf = (record: Fields): ShownRecord => {
    const { [STAMPS_KEY]: stamps, ...fields } = record;
    return { fields, stamps: stamps as Record<string, string> };
  };
  const conflictOf = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  beforeAll(async () => {
    db = await PgliteDatabase.open('memory://');
    await migrateServer(db);
    services = createServices(db, null as never);
    clubId = (await services.clubs.createClub('Musikverein')).id;
    anna = caller(randomUUID());
    bernd = caller(randomUUID());
    for (const [id, name] of [
      [brass, 'Blech'],
      [wood, 'Holz'],
    ] as const)
      await services.records.save(anna, 'registers', id, { name, sortOrder: 1 });
  });
  afterAll(() => db.close());

  it('keeps a field someone changed meanwhile when the form did not touch it', async () => {
    const id = newId();
    const shown = await services.records.save(
      anna,
      'members',
      id,
      {
        firstName: 'Eva',
        lastName: 'Huber',
        status: 'aktiv',
        phone: '0111',
        email: 'eva@example.org',
      },
      { stamps: true },
    );
    await services.records.save(bernd, 'members', id, { ...shownOf(shown).fields, phone: '0222' });
    // Anna's open form still shows 0111; she changes only the e-mail.
    const saved = await services.records.save(
      anna,
      'members',
      id,
      { ...shownOf(shown).fields, email: 'eva.huber@example.org' },
      { shown: shownOf(shown) },
    );
    expect(saved.phone).toBe('0222');
    expect(saved.email).toBe('eva.huber@example.org');
  });

  it('refuses a field both changed, naming the value it has now, and takes it once seen', async () => {
    const id = newId();
    const shown = await services.records.save(
      anna,
      'members',
      id,
      { firstName: 'Max', lastName: 'Maier', status: 'aktiv', phone: '0111' },
      { stamps: true },
    );
    await services.records.save(bernd, 'members', id, { ...shownOf(shown).fields, phone: '0222' });
    const refused = await conflictOf(
      services.records.save(
        anna,
        'members',
        id,
        { ...shownOf(shown).fields, phone: '0333', lastName: 'Mayer' },
        { shown: shownOf(shown) },
      ),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.fields).toEqual({
      phone: { key: 'web.changedMeanwhile', params: { value: '0222' } },
    });
    // Nothing of the refused save was written, not even the untouched-by-others last name.
    const now = await services.records.get(anna, 'members', id, { stamps: true });
    expect(now).toMatchObject({ phone: '0222', lastName: 'Maier' });
    // Having seen the conflict, the page saves against what the server holds now.
    const saved = await services.records.save(
      anna,
      'members',
      id,
      { ...shownOf(now).fields, phone: '0333', lastName: 'Mayer' },
      { shown: shownOf(now) },
    );
    expect(saved).toMatchObject({ phone: '0333', lastName: 'Mayer' });
  });

  it('keeps the registers of a member when a save leaves them out', async () => {
    const id = newId();
    await services.records.save(anna, 'members', id, {
      firstName: 'Lena',
      lastName: 'Berg',
      status: 'aktiv',
      registerIds: [brass, wood],
    });
    const saved = await services.records.save(anna, 'members', id, {
      firstName: 'Lena',
      lastName: 'Berg',
      status: 'aktiv',
      phone: '0999',
    });
    expect(saved.registerIds).toEqual([brass, wood]);
    expect(saved.phone).toBe('0999');
  });

  it('brings a deleted record back', async () => {
    const id = newId();
    await services.records.save(anna, 'members', id, {
      firstName: 'Tom',
      lastName: 'Alt',
      status: 'aktiv',
    });
    await services.records.remove(anna, 'members', id);
    expect((await services.records.list(anna, 'members')).some((m) => m.id === id)).toBe(false);
    const back = await services.records.restore(anna, 'members', id, { stamps: true });
    expect(back).toMatchObject({ id, lastName: 'Alt' });
    expect(Object.keys(back[STAMPS_KEY] as object)).toContain('lastName');
    expect((await services.records.list(anna, 'members')).some((m) => m.id === id)).toBe(true);
  });

  it('pages members by name, for a role that sees all and for one that sees its registers', async () => {
    const names = ['Zeller', 'adler', 'Mayr', 'Bauer', 'Öz'];
    for (const [i, lastName] of names.entries())
      await services.records.save(anna, 'members', newId(), {
        firstName: 'P',
        lastName,
        status: 'aktiv',
        registerIds: i % 2 === 0 ? [brass] : [wood],
        iban: 'DE89370400440532013000',
      });
    const all = await services.records.membersByName(anna, { offset: 0, limit: 1000 });
    const last = all.members.map((m) => m.lastName);
    expect(last.indexOf('adler')).toBeLessThan(last.indexOf('Bauer'));
    expect(last.indexOf('Mayr')).toBeLessThan(last.indexOf('Zeller'));
    const second = await services.records.membersByName(anna, { offset: 1, limit: 2 });
    expect(second.members.map((m) => m.id)).toEqual(all.members.slice(1, 3).map((m) => m.id));
    expect(second.hasMore).toBe(true);
    const leader = knownCaller({
      clubId,
      actor: { kind: 'web', id: 'leader', deviceId: null, address: null },
      subject: {
        grants: BUILT_IN_ROLES.registerfuehrer.grants,
        registerIds: [brass],
        memberId: null,
      },
      role: 'registerfuehrer',
      scopeEpoch: 1,
    });
    const own = await services.records.membersByName(leader, { offset: 0, limit: 100 });
    expect(own.members.every((m) => (m.registerIds as string[]).includes(brass))).toBe(true);
    expect(own.members.some((m) => 'iban' in m)).toBe(false);
    expect(own.members.map((m) => m.lastName)).toEqual(
      expect.arrayContaining(['Zeller', 'Mayr', 'Öz']),
    );
  });

  describe('to a role that may not see everything', () => {
    const roleCaller = (role: 'registerfuehrer' | 'vorstand', registerIds: string[]) =>
      knownCaller({
        clubId,
        actor: { kind: 'web', id: role, deviceId: null, address: null },
        subject: { grants: BUILT_IN_ROLES[role].grants, registerIds, memberId: null },
        role,
        scopeEpoch: 1,
      });
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => 'saved',
        (e: AppError) => `${e.code}:${e.key}:${JSON.stringify(e.fields ?? {})}`,
      );

    it('answers a save of a record out of its scope alike, whatever values were guessed', async () => {
      const id = newId();
      const fields = { firstName: 'Olga', lastName: 'Oboe', status: 'aktiv', phone: '0555' };
      await services.records.save(anna, 'members', id, { ...fields, registerIds: [wood] });
      const leader = roleCaller('registerfuehrer', [brass]);
      const right = await refusal(services.records.save(leader, 'members', id, fields));
      const wrong = await refusal(
        services.records.save(leader, 'members', id, { ...fields, phone: '0666' }),
      );
      const withShown = await refusal(
        services.records.save(leader, 'members', id, fields, {
          shown: { fields: {}, stamps: {} },
        }),
      );
      expect(right).toBe('not_found:server.records.notVisible:{}');
      expect(wrong).toBe(right);
      expect(withShown).toBe(right);
    });

    it('never compares a sensitive field it may not see, set or not', async () => {
      const withIban = newId();
      const without = newId();
      const base = { firstName: 'Ida', status: 'aktiv' };
      await services.records.save(anna, 'members', withIban, {
        ...base,
        lastName: 'Iban',
        iban: 'DE89370400440532013000',
      });
      await services.records.save(anna, 'members', without, { ...base, lastName: 'Ohne' });
      await services.records.save(anna, 'members', withIban, {
        ...base,
        lastName: 'Iban',
        iban: 'DE02120300000000202051',
      });
      const board = roleCaller('vorstand', []);
      const probe = async (id: string) => {
        const view = await services.records.get(board, 'members', id, { stamps: true });
        expect(view.iban).toBeUndefined();
        expect(Object.keys(view[STAMPS_KEY] as object)).not.toContain('iban');
        const { [STAMPS_KEY]: stamps, ...fields } = view;
        return refusal(
          services.records.save(
            board,
            'members',
            id,
            { ...fields, iban: 'DE44500105175407324931' },
            {
              shown: {
                fields: { ...fields, iban: 'DE89370400440532013000' },
                stamps: { ...(stamps as Record<string, string>), iban: 'x' },
              },
            },
          ),
        );
      };
      const answers = [await probe(withIban), await probe(without)];
      expect(answers[0]).toMatch(/^forbidden:server\.rights\.sensitiveFields/);
      expect(answers[1]).toBe(answers[0]);
    });
  });
});
