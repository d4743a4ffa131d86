import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CLUB_RECORD_ID } from '../../shared/domain/club.ts';
import { todayIso } from '../../shared/domain/dates.ts';
import { ACTIONS, FIELD_ACCESS, SCOPES } from '../../shared/rights/grants.ts';
import { FIRST_ENTITIES } from '../../shared/sync/protocol.ts';
import {
  asDevice,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { type SyncedDesktop, syncedDesktop } from '../../test/support/syncedDesktop.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import type { EnrolledDevice } from './enrolDevice.ts';
import { SyncJournal } from './syncJournal.ts';
import { SyncSettings } from './syncSettings.ts';

type Desktop = SyncedDesktop;

describe('club record and member histories over sync', () => {
  const temp = makeTempDir('tutti-club-sync-');
  let t: TestClubServer;
  let clubId: string;
  let brass = '';
  let woodwind = '';
  const d: Record<string, Desktop> = {};

  const devices: Record<string, EnrolledDevice> = {};

  async function desktop(name: string, role: string, registerIds: string[] = []): Promise<Desktop> {
    const d = await syncedDesktop(t, clubId, temp.dir, name, role, registerIds);
    devices[name] = d.device;
    return d;
  }

  async function save(desktop: Desktop, entity: 'members' | 'registers' | 'club', fields: object) {
    const result = await desktop.api.save(entity, fields as never);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as { id: string } & Record<string, unknown>;
  }

  const club = (desktop: Desktop) => desktop.store.tables.club.get(CLUB_RECORD_ID)?.record;
  const member = (desktop: Desktop, id: string) => desktop.store.tables.members.get(id)?.record;
  const roundAll = async () => {
    for (const name of [
      'office',
      'laptop',
      'board',
      'leader',
      'office',
      'laptop',
      'board',
      'leader',
    ])
      await d[name]!.sync.round();
  };

  beforeAll(async () => {
    t = await startTestClubServer();
    clubId = (await t.server.services.clubs.createClub('Musikverein Harmonie')).id;
    d.office = await desktop('office', 'administrator');
    brass = (await save(d.office, 'registers', { name: 'Blech', sortOrder: 1 })).id;
    woodwind = (await save(d.office, 'registers', { name: 'Holz', sortOrder: 2 })).id;
    await d.office.sync.round();
    d.laptop = await desktop('laptop', 'administrator');
    d.board = await desktop('board', 'vorstand');
    d.leader = await desktop('leader', 'registerfuehrer', [brass]);
  }, 60_000);
  afterAll(async () => {
    for (const desktop of Object.values(d)) desktop.store.close();
    await t?.stop();
    temp.cleanup();
  });

  it('answers a pull that desktops from before the club record still read', async () => {
    // The access part exactly as those desktops check it: strict, eight kinds of record.
    const firstGrant = z
      .object({
        entity: z.enum(FIRST_ENTITIES as [string, ...string[]]),
        action: z.enum(ACTIONS),
        scope: z.enum(SCOPES),
        fields: z.enum(FIELD_ACCESS),
      })
      .strict();
    const firstAccess = z
      .object({
        role: z.string(),
        label: z.string().optional(),
        grants: z.array(firstGrant),
        registerIds: z.array(z.string()),
        memberId: z.string().nullable(),
      })
      .strict();
    for (const name of ['office', 'board', 'leader']) {
      const answer = await asDevice(t, devices[name]!, 'GET', '/sync/v1/pull?cursor=0&limit=1');
      const page = answer.body?.value as { access: unknown; laterGrants: { entity: string }[] };
      expect(firstAccess.safeParse(page.access).success, name).toBe(true);
      expect(
        page.laterGrants.map((g) => g.entity),
        name,
      ).toContain('club');
    }
    // This desktop takes both: the board may read the club record, not change it.
    await d.board!.sync.round();
    const grants = new SyncSettings(d.board!.store.meta).access()?.grants ?? [];
    expect(grants.filter((g) => g.entity === 'club').map((g) => g.action)).toEqual(['read']);
  });

  it('merges the club record field by field; the board may read it but not change it', async () => {
    await save(d.office!, 'club', { name: 'Musikverein Harmonie', city: 'Lindau' });
    await roundAll();
    // Offline on both administrators' devices, different fields.
    await save(d.office!, 'club', { ...club(d.office!), foundedOn: '1888-05-12' });
    await save(d.laptop!, 'club', {
      ...club(d.laptop!),
      federations: [{ name: 'BDB', number: '4711' }],
      sepaCreditorId: 'DE98ZZZ09999999999',
    });
    await roundAll();
    for (const name of ['office', 'laptop', 'board', 'leader'])
      expect(club(d[name]!), name).toMatchObject({
        name: 'Musikverein Harmonie',
        city: 'Lindau',
        foundedOn: '1888-05-12',
        federations: [{ name: 'BDB', number: '4711' }],
        sepaCreditorId: 'DE98ZZZ09999999999',
      });

    // The board's change is refused by the server, kept in view and said in words.
    await save(d.board!, 'club', { ...club(d.board!), city: 'Bregenz' });
    const report = await d.board!.sync.round();
    expect(report.rejected).toBe(1);
    const [refusal] = new SyncJournal(d.board!.store).rejections();
    expect(refusal?.reason).toBe('Für diese Änderung fehlt die Berechtigung.');
    await d.office!.sync.round();
    expect(club(d.office!)?.city).toBe('Lindau');
  });

  it("carries the club's honour rules to every device, merged with other fields", async () => {
    const pin = {
      id: '01936f3e-8a00-7000-8000-00000000a001',
      category: 'musicians',
      counting: 'continuous',
      fromAge: null,
      minYearsSincePrevious: 5,
      leadWeeks: 6,
      levels: [{ years: 10, name: 'Vereinsnadel in Silber' }],
    };
    // One administrator chooses the federations' rules, the other adds the club's own pin.
    await save(d.office!, 'club', { ...club(d.office!), honourRuleSets: ['bvk', 'bdmv'] });
    await save(d.laptop!, 'club', { ...club(d.laptop!), ownHonours: [pin] });
    await roundAll();
    for (const name of ['office', 'laptop', 'board', 'leader'])
      expect(club(d[name]!), name).toMatchObject({
        honourRuleSets: ['bvk', 'bdmv'],
        ownHonours: [pin],
        foundedOn: '1888-05-12',
      });
  });

  it('keeps a status change and a consent made on two devices, and shows a leader only theirs', async () => {
    const anna = await save(d.office!, 'members', {
      firstName: 'Anna',
      lastName: 'Huber',
      status: 'aktiv',
      entryDate: '2001-03-01',
      birthDate: '1980-02-02',
      registerIds: [brass],
    });
    const bert = await save(d.office!, 'members', {
      firstName: 'Bert',
      lastName: 'Holz',
      status: 'aktiv',
      registerIds: [woodwind],
      consents: [{ purpose: 'photos', givenOn: '2020-01-01', source: null, withdrawnOn: null }],
    });
    await roundAll();
    // Offline: the office records the move to passive, the laptop a consent and the gender.
    await save(d.office!, 'members', { ...member(d.office!, anna.id), status: 'passiv' });
    await save(d.laptop!, 'members', {
      ...member(d.laptop!, anna.id),
      gender: 'w',
      consents: [
        { purpose: 'birthdays', givenOn: '2026-11-01', source: 'E-Mail', withdrawnOn: null },
      ],
    });
    await roundAll();
    const expected = {
      status: 'passiv',
      gender: 'w',
      consents: [
        { purpose: 'birthdays', givenOn: '2026-11-01', source: 'E-Mail', withdrawnOn: null },
      ],
      memberships: [
        { status: 'aktiv', from: '2001-03-01' },
        { status: 'passiv', from: todayIso(), until: null },
      ],
    };
    for (const name of ['office', 'laptop', 'leader'])
      expect(member(d[name]!, anna.id), name).toMatchObject(expected);
    expect(new SyncJournal(d.laptop!.store).conflicts()).toEqual([]);

    // The leader of the brass section: Anna's history, not her birth date; nothing of Bert.
    expect(member(d.leader!, anna.id)?.birthDate).toBeNull();
    expect(member(d.leader!, bert.id)).toBeUndefined();
  });
});
