/**
 * A small club whose start page and statistics are known by hand (issue #24), written into a
 * real encrypted profile as the app writes it. Dates that the start page looks at (birthdays,
 * jubilees, loans, services) lie relative to today, so the expectations hold on any day; the
 * history the yearly chart reads uses fixed years relative to this one.
 */
import { saveRecord } from '../../electron/core/recordWriter.ts';
import type { LocalStore } from '../../electron/store/localStore.ts';
import { CLUB_RECORD_ID } from '../../shared/domain/club.ts';
import { formatGermanDate, todayIso } from '../../shared/domain/dates.ts';
import type { Draft, EntityName } from '../../shared/domain/entities.ts';
import { addMonths } from '../../shared/domain/overview/maintenanceDue.ts';

const BIRTHDAYS_CONSENT = [
  { purpose: 'birthdays', givenOn: null, source: null, withdrawnOn: null },
];

export function inDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same day of the year, `years` earlier (29 February becomes 28 February). */
function yearsBefore(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) - years;
  const candidate = `${year}${iso.slice(4)}`;
  return Number.isNaN(Date.parse(`${candidate}T00:00:00Z`)) ||
    new Date(`${candidate}T00:00:00Z`).toISOString().slice(0, 10) !== candidate
    ? `${year}-02-28`
    : candidate;
}

/** What the fixture's start page and charts show, computed by hand. */
export interface OverviewClubFacts {
  today: string;
  year: number;
  /** The start page's lines, as it writes them in German. */
  annaBirthday: string;
  clarasJubilee: string;
  overdueLoan: string;
  dueServices: { overdue: string; due: string; repair: string; never: string };
  trumpetId: string;
  clarinetId: string;
  annaId: string;
}

export function fillOverviewClub(store: LocalStore, today = todayIso()): OverviewClubFacts {
  const save = (entity: EntityName, draft: Record<string, unknown>): string => {
    const result = saveRecord(store, entity, draft as Draft<typeof entity>);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value.id;
  };
  const year = Number(today.slice(0, 4));
  const annaBirthdayOn = inDays(today, 5);
  const berndBirthdayOn = inDays(today, 10);
  const clarasEntryAnniversary = inDays(today, 3);

  save('club', {
    id: CLUB_RECORD_ID,
    name: 'Musikverein Übersicht',
    ownHonours: [
      {
        id: '6d1f4c1e-8d55-4c1b-9a55-0a7c1e5b2f10',
        category: 'musicians',
        counting: 'sum',
        fromAge: null,
        minYearsSincePrevious: null,
        leadWeeks: null,
        levels: [
          { years: 10, name: 'Vereinsnadel Bronze' },
          { years: 60, name: 'Vereinsnadel Diamant' },
        ],
      },
    ],
  });
  const holz = save('registers', { name: 'Holz', sortOrder: 10 });
  const blech = save('registers', { name: 'Blech', sortOrder: 20 });
  const schlagwerk = save('registers', { name: 'Schlagwerk', sortOrder: 30 });

  // Anna: 59, turns 60 in five days (consented); active since 2000.
  const annaId = save('members', {
    firstName: 'Anna',
    lastName: 'Adler',
    gender: 'w',
    status: 'aktiv',
    birthDate: yearsBefore(annaBirthdayOn, 60),
    // 26 years ago, on a day a hundred days ahead: no jubilee in the weeks the page looks at.
    entryDate: yearsBefore(inDays(today, 100), 26),
    registerIds: [holz],
    consents: BIRTHDAYS_CONSENT,
  });
  // Bernd: 49, turns 50 in ten days without consent; ten years active this year.
  const berndId = save('members', {
    firstName: 'Bernd',
    lastName: 'Becker',
    gender: 'm',
    status: 'aktiv',
    birthDate: yearsBefore(berndBirthdayOn, 50),
    entryDate: `${year - 10}-06-15`,
    registerIds: [holz, blech],
  });
  // Clara: 45; 25 years a member in three days (consented).
  const claraId = save('members', {
    firstName: 'Clara',
    lastName: 'Conrad',
    gender: 'w',
    status: 'aktiv',
    birthDate: yearsBefore(inDays(today, -100), 45),
    entryDate: yearsBefore(clarasEntryAnniversary, 25),
    registerIds: [blech],
    consents: BIRTHDAYS_CONSENT,
  });
  // Dieter: 76, active until three years ago, supporting since.
  save('members', {
    firstName: 'Dieter',
    lastName: 'Dorn',
    gender: 'm',
    status: 'passiv',
    birthDate: yearsBefore(inDays(today, -100), 76),
    entryDate: '1990-01-01',
    memberships: [
      { status: 'aktiv', from: '1990-01-01', until: `${year - 3}-12-31`, notes: null },
      { status: 'passiv', from: `${year - 2}-01-01`, until: null, notes: null },
    ],
  });
  // Emil: 12, youth since last September, no gender given.
  save('members', {
    firstName: 'Emil',
    lastName: 'Ernst',
    status: 'jugend',
    birthDate: yearsBefore(inDays(today, -100), 12),
    entryDate: `${year - 1}-09-01`,
    registerIds: [schlagwerk],
  });
  // Frieda: left in the middle of the year before last.
  save('members', {
    firstName: 'Frieda',
    lastName: 'Fuchs',
    gender: 'w',
    status: 'ausgetreten',
    birthDate: '1980-02-02',
    entryDate: '2010-01-01',
    exitDate: `${year - 2}-07-01`,
    memberships: [
      { status: 'aktiv', from: '2010-01-01', until: `${year - 2}-06-30`, notes: null },
      { status: 'ausgetreten', from: `${year - 2}-07-01`, until: null, notes: null },
    ],
  });
  // Greta: supporting, neither entry nor birth date known.
  save('members', { firstName: 'Greta', lastName: 'Graf', gender: 'w', status: 'passiv' });

  // Attendance this year (the season) and one event last year, which the season leaves out.
  const events = [`${year}-02-01`, `${year}-03-01`, `${year}-04-01`].map((date, i) =>
    save('events', { kind: 'probe', title: `Probe ${i + 1}`, date }),
  );
  const lastYear = save('events', {
    kind: 'probe',
    title: 'Probe Vorjahr',
    date: `${year - 1}-05-01`,
  });
  const attend = (eventId: string, memberId: string, status: string) =>
    save('attendance', { eventId, memberId, status });
  for (const event of events) attend(event, annaId, 'present');
  attend(events[0]!, berndId, 'present');
  attend(events[1]!, berndId, 'excused');
  attend(events[2]!, berndId, 'absent');
  attend(events[0]!, claraId, 'present');
  attend(events[1]!, claraId, 'absent');
  attend(lastYear, berndId, 'present');

  const instrument = (draft: Record<string, unknown>) => save('instruments', draft);
  const trumpetId = instrument({
    inventoryNumber: 'T-1',
    kind: 'Trompete',
    registerId: blech,
    condition: 'gut',
    maintenanceIntervalMonths: 12,
  });
  save('maintenance', { instrumentId: trumpetId, date: addMonths(today, -14), work: 'Reinigung' });
  save('maintenance', { instrumentId: trumpetId, date: addMonths(today, -13), work: 'Ventile' });
  const clarinetId = instrument({
    inventoryNumber: 'K-1',
    kind: 'Klarinette',
    registerId: holz,
    condition: 'reparaturbedürftig',
  });
  const tubaBought = inDays(addMonths(today, -12), 15);
  const tubaId = instrument({
    inventoryNumber: 'B-1',
    kind: 'Tuba',
    registerId: blech,
    condition: 'neu',
    purchaseDate: tubaBought,
    maintenanceIntervalMonths: 12,
  });
  const fluteId = instrument({
    inventoryNumber: 'F-1',
    kind: 'Flöte',
    registerId: holz,
    condition: 'gut',
    maintenanceIntervalMonths: 24,
  });
  save('maintenance', { instrumentId: fluteId, date: addMonths(today, -1), work: 'Polster' });
  instrument({ inventoryNumber: 'P-1', kind: 'Pauke', condition: 'ausgemustert' });
  instrument({
    inventoryNumber: 'H-1',
    kind: 'Horn',
    registerId: blech,
    condition: 'gebraucht',
    maintenanceIntervalMonths: 6,
  });

  save('loans', {
    instrumentId: trumpetId,
    memberId: berndId,
    issuedOn: inDays(today, -60),
    dueOn: inDays(today, -10),
  });
  save('loans', {
    instrumentId: tubaId,
    memberId: claraId,
    issuedOn: inDays(today, -5),
    dueOn: inDays(today, 10),
  });
  save('loans', {
    instrumentId: fluteId,
    memberId: annaId,
    issuedOn: inDays(today, -60),
    dueOn: inDays(today, -30),
    returnedOn: inDays(today, -20),
  });

  return {
    today,
    year,
    annaBirthday: `${formatGermanDate(annaBirthdayOn)} · Anna Adler: 60. Geburtstag`,
    clarasJubilee: `${formatGermanDate(clarasEntryAnniversary)} · Clara Conrad: 25 Jahre Mitglied`,
    overdueLoan: `Trompete T-1 bei Bernd Becker – fällig seit ${formatGermanDate(inDays(today, -10))}`,
    dueServices: {
      overdue: `Trompete T-1 – Wartung überfällig seit ${formatGermanDate(addMonths(addMonths(today, -13), 12))}`,
      due: `Tuba B-1 – Wartung fällig am ${formatGermanDate(addMonths(tubaBought, 12))}`,
      repair: 'Klarinette K-1 – reparaturbedürftig',
      never: 'Horn H-1 – noch keine Wartung erfasst',
    },
    trumpetId,
    clarinetId,
    annaId,
  };
}
