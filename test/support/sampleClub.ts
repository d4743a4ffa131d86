/**
 * A club of any size with plausible German data, made deterministically (same seed, same club),
 * for benchmarks and load tests.
 */
import type { ClubService } from '../../electron/core/clubService.ts';
import type { EntityMap } from '../../shared/domain/entities.ts';

const FIRST = [
  'Anna',
  'Lena',
  'Marie',
  'Sophie',
  'Laura',
  'Julia',
  'Hannah',
  'Lea',
  'Johanna',
  'Katharina',
  'Lukas',
  'Jonas',
  'Felix',
  'Maximilian',
  'Paul',
  'Leon',
  'Tobias',
  'Florian',
  'Michael',
  'Stefan',
  'Josef',
  'Franz',
  'Georg',
  'Theresa',
  'Magdalena',
];
const LAST = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Hofmann',
  'Krüger',
  'Hartmann',
  'Lange',
  'Huber',
  'Gruber',
  'Mayr',
  'Brunner',
  'Steiner',
  'Moser',
];
const CITIES = [
  ['79100', 'Freiburg'],
  ['79312', 'Emmendingen'],
  ['77933', 'Lahr'],
  ['79183', 'Waldkirch'],
  ['79211', 'Denzlingen'],
  ['79276', 'Reute'],
  ['79341', 'Kenzingen'],
];
const REGISTERS = [
  'Flöten',
  'Oboen',
  'Klarinetten',
  'Saxophone',
  'Fagotte',
  'Hörner',
  'Trompeten',
  'Flügelhörner',
  'Tenorhörner',
  'Posaunen',
  'Tuben',
  'Schlagwerk',
];
const INSTRUMENTS = [
  'Querflöte',
  'Oboe',
  'Klarinette',
  'Altsaxophon',
  'Fagott',
  'Waldhorn',
  'Trompete',
  'Flügelhorn',
  'Tenorhorn',
  'Posaune',
  'Tuba',
  'Pauke',
];
const MAKERS = [
  'Yamaha',
  'Buffet Crampon',
  'Miraphone',
  'B&S',
  'Melton',
  'Bach',
  'Selmer',
  'Kühnl & Hoyer',
];
const STATUSES = ['aktiv', 'aktiv', 'aktiv', 'passiv', 'jugend', 'ehrenmitglied'] as const;

/** Mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function date(random: () => number, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  const m = 1 + Math.floor(random() * 12);
  const d = 1 + Math.floor(random() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`sample data refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

export interface SampleClub {
  registers: EntityMap['registers'][];
  members: EntityMap['members'][];
  instruments: EntityMap['instruments'][];
}

/** The `i`-th member of a sample club, in one of the club's registers. */
export function sampleMember(random: () => number, i: number, registerIds: readonly string[]) {
  const [postalCode, city] = pick(random, CITIES);
  const firstName = pick(random, FIRST);
  const lastName = pick(random, LAST);
  return {
    memberNumber: String(10000 + i),
    firstName,
    lastName,
    street: `${pick(random, ['Haupt', 'Kirch', 'Schul', 'Bahnhof', 'Mühlen'])}straße ${1 + Math.floor(random() * 120)}`,
    postalCode,
    city,
    email: `${firstName}.${lastName}${i}@example.de`.toLowerCase().replace(/[äöüß]/g, 'e'),
    mobile: `+49 17${Math.floor(random() * 10)} ${1000000 + Math.floor(random() * 8999999)}`,
    birthDate: date(random, 1935, 2015),
    entryDate: date(random, 2016, 2025),
    status: pick(random, STATUSES),
    registerIds: [pick(random, registerIds)],
    mainInstrument: pick(random, INSTRUMENTS),
    iban: 'DE89370400440532013000',
  };
}

/** The sample club's registers, in their order. */
export const SAMPLE_REGISTERS: readonly string[] = REGISTERS;

/** Writes the club through the service (rows and outbox, as real edits would). */
export function createSampleClub(
  api: ClubService,
  inTransaction: <T>(work: () => T) => T,
  size: { members: number; instruments: number },
  seed = 2026,
): SampleClub {
  const random = seededRandom(seed);
  const registers = inTransaction(() =>
    REGISTERS.map((name, i) => unwrap(api.saveNow('registers', { name, sortOrder: (i + 1) * 10 }))),
  );
  const members: EntityMap['members'][] = [];
  for (let start = 0; start < size.members; start += 1000) {
    inTransaction(() => {
      for (let i = start; i < Math.min(size.members, start + 1000); i++) {
        members.push(
          unwrap(
            api.saveNow(
              'members',
              sampleMember(
                random,
                i,
                registers.map((r) => r.id),
              ),
            ),
          ),
        );
      }
    });
  }
  const instruments: EntityMap['instruments'][] = [];
  inTransaction(() => {
    for (let i = 0; i < size.instruments; i++) {
      instruments.push(
        unwrap(
          api.saveNow('instruments', {
            inventoryNumber: `I-${String(i + 1).padStart(5, '0')}`,
            kind: pick(random, INSTRUMENTS),
            maker: pick(random, MAKERS),
            serialNumber: String(100000 + Math.floor(random() * 899999)),
            purchaseDate: date(random, 1980, 2025),
            purchasePriceCents: 10000 + Math.floor(random() * 900000),
            registerId: pick(random, registers).id,
          }),
        ),
      );
    }
  });
  return { registers, members, instruments };
}
