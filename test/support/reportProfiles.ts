/**
 * Profiles and helpers for the tests of `tutti report` and `tutti export` on real encrypted
 * profiles (electron/cli/reportCommand.test.ts, fileFormats.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { openProfile } from '../../electron/core/profile.ts';
import { saveRecord } from '../../electron/core/recordWriter.ts';
import { PassphraseKeyStore } from '../../electron/keys/passphraseKeyStore.ts';
import type { LocalStore } from '../../electron/store/localStore.ts';
import type { EnrolledDevice } from '../../electron/sync/enrolDevice.ts';
import { SyncSettings } from '../../electron/sync/syncSettings.ts';
import { CLUB_RECORD_ID } from '../../shared/domain/club.ts';
import type { Draft } from '../../shared/domain/entities.ts';
import { BUILT_IN_ROLES } from '../../shared/rights/roles.ts';
import { FIRST_ENTITIES } from '../../shared/sync/protocol.ts';
import { makeTempDir } from './tempDir.ts';

const PASSPHRASE = 'Probe am Donnerstag 19:30!';
const FAST = { N: 2 ** 10, r: 8, p: 1 };

/** What shows that an English line was left German (the data — names, places — is not text). */
export const GERMAN =
  /[äöüÄÖÜß„]|\b(Fehler|der|die|das|und|nicht|bitte|gibt|ist|Datei|Ordner|Jahr|Jahre|Ehrung|Mitglied|fällig|Geburtstag|Stichtag|Gesamt|aktiv|weiblich)\b/i;

const BIRTHDAYS_CONSENT = [
  { purpose: 'birthdays', givenOn: null, source: null, withdrawnOn: null },
];

function collect() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function tutti(env: NodeJS.ProcessEnv, argv: string[]) {
  const out = collect();
  const err = collect();
  const code = await main(argv, env, out.stream, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

function save<E extends Parameters<typeof saveRecord>[1]>(
  store: LocalStore,
  entity: E,
  draft: Record<string, unknown>,
): string {
  const result = saveRecord(store, entity, draft as Draft<E>);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.id;
}

/** A profile with a club record and members, written as the app writes them. */
async function profileWith(
  dir: string,
  name: string,
  fill: (store: LocalStore) => void,
  after?: (store: LocalStore) => void,
): Promise<string> {
  const path = join(dir, name);
  const profile = await openProfile(
    path,
    new PassphraseKeyStore(join(path, 'key.json'), async () => PASSPHRASE, FAST),
  );
  try {
    fill(profile.store);
    after?.(profile.store);
  } finally {
    profile.close();
  }
  return path;
}

/** The club whose reports are complete. */
function fillHarmonie(store: LocalStore) {
  save(store, 'club', {
    id: CLUB_RECORD_ID,
    name: 'Musikverein Harmonie Olpe',
    federations: [{ name: 'Volksmusikerbund NRW', number: '4711' }],
    honourRuleSets: ['vmb-nrw'],
  });
  const blech = save(store, 'registers', { name: 'Blech', sortOrder: 1 });
  save(store, 'members', {
    firstName: 'Anna',
    lastName: 'Meier',
    gender: 'w',
    status: 'aktiv',
    birthDate: '1976-05-03',
    entryDate: '2016-03-01',
    mainInstrument: 'Trompete',
    consents: BIRTHDAYS_CONSENT,
  });
  save(store, 'members', {
    firstName: 'Bernd',
    lastName: 'Schulz',
    gender: 'm',
    status: 'aktiv',
    birthDate: '1990-07-10',
    entryDate: '2006-05-15',
    registerIds: [blech],
    consents: BIRTHDAYS_CONSENT,
  });
  save(store, 'members', {
    firstName: 'Clara',
    lastName: 'Wolf',
    gender: 'w',
    status: 'passiv',
    birthDate: '1956-05-20',
    entryDate: '2000-01-01',
  });
  save(store, 'members', {
    firstName: 'Jonas',
    lastName: 'Klein',
    gender: 'm',
    status: 'jugend',
    birthDate: '2012-09-01',
    entryDate: '2020-09-01',
    mainInstrument: 'Klarinette',
  });
}

/**
 * Four encrypted profiles made as the app writes them, for `tutti report` and `tutti export`:
 * a club whose reports are complete ("harmonie"), one with gaps ("lueckenhaft"), one without
 * rules of honour, and an enrolled device whose role (Vorstand) sees no birth dates. Registers
 * its own beforeAll/afterAll; `tutti` runs the command line against them.
 */
export function reportProfiles() {
  let temp: ReturnType<typeof makeTempDir>;
  let env: NodeJS.ProcessEnv;
  const made = { harmonie: '', lueckenhaft: '', ohneRegeln: '', vorstand: '' };
  beforeAll(async () => {
    temp = makeTempDir('tutti-cli-report-');
    const passphraseFile = join(temp.dir, 'passphrase.txt');
    writeFileSync(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    env = { LANG: 'C.UTF-8', TUTTI_PASSPHRASE_FILE: passphraseFile };
    made.harmonie = await profileWith(temp.dir, 'harmonie', fillHarmonie);
    made.lueckenhaft = await profileWith(temp.dir, 'lueckenhaft', (store) => {
      save(store, 'club', {
        id: CLUB_RECORD_ID,
        name: 'Musikverein Lueckenhaft',
        federations: [{ name: 'Volksmusikerbund NRW', number: null }],
        honourRuleSets: ['vmb-nrw'],
      });
      save(store, 'members', {
        firstName: 'Paul',
        lastName: 'Lang',
        status: 'aktiv',
        birthDate: '1985-02-02',
        entryDate: '2010-04-01',
      });
      // Taken over without an entry date: active since a day nobody knows.
      save(store, 'members', {
        firstName: 'Eva',
        lastName: 'Roth',
        gender: 'w',
        status: 'aktiv',
        memberships: [{ status: 'aktiv', from: null, until: null, notes: null }],
      });
    });
    made.ohneRegeln = await profileWith(temp.dir, 'ohne-regeln', (store) => {
      save(store, 'club', { id: CLUB_RECORD_ID, name: 'Musikverein ohne Regeln' });
    });
    made.vorstand = await profileWith(
      temp.dir,
      'vorstand',
      (store) => {
        fillHarmonie(store);
        // A rule set counting from an age: a role without birth dates cannot compute it.
        save(store, 'club', {
          id: CLUB_RECORD_ID,
          name: 'Musikverein Harmonie Olpe',
          federations: [{ name: 'Volksmusikerbund NRW', number: '4711' }],
          honourRuleSets: ['vmb-nrw', 'bvk'],
        });
      },
      (store) => {
        const settings = new SyncSettings(store.meta);
        settings.connect('https://verein.example:8443', {
          deviceId: 'geraet-1',
          privateKeyPem: '',
          certificatePem: '',
          caCertificatePem: '',
          notAfter: '2099-01-01T00:00:00Z',
          syncUrl: 'https://verein.example:8444',
        } satisfies EnrolledDevice);
        settings.setAccess({
          role: 'vorstand',
          grants: BUILT_IN_ROLES.vorstand.grants.filter((g) => FIRST_ENTITIES.includes(g.entity)),
          registerIds: [],
          memberId: null,
        });
      },
    );
  });
  afterAll(() => temp.cleanup());
  return {
    get harmonie() {
      return made.harmonie;
    },
    get lueckenhaft() {
      return made.lueckenhaft;
    },
    get ohneRegeln() {
      return made.ohneRegeln;
    },
    get vorstand() {
      return made.vorstand;
    },
    get dir() {
      return temp.dir;
    },
    tutti: (argv: string[]) => tutti(env, argv),
  };
}

/** The rows of a CSV Tutti wrote (after its byte-order mark). */
export function csvRows(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(';'));
}
