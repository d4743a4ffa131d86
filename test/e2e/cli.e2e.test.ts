/**
 * The `tutti` command as a user meets it: exports that Excel opens, and bad input (wrong
 * passphrase, damaged or foreign database, read-only profile, database from a newer version)
 * answered with one German line, a non-zero exit and the data untouched.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClubService } from '../../electron/core/clubService.ts';
import { openProfile, passphraseKeyStore } from '../../electron/core/profile.ts';
import { openWritable } from '../../electron/store/database.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { REPO_ROOT, runTutti, startTutti, writePassphraseFile } from '../support/tuttiProcess.ts';

let temp: ReturnType<typeof makeTempDir>;
let profile: string;
let passphraseFile: string;
let env: Record<string, string>;

/** A fresh copy of the filled profile, for tests that damage it. */
function copyProfile(name: string): string {
  const copy = join(temp.dir, name);
  cpSync(profile, copy, { recursive: true });
  return copy;
}

/** What shows that an English line was left German. */
const GERMAN = /[äöüÄÖÜß„]|\b(Fehler|der|die|das|und|nicht|bitte|gibt|ist|Datei|Ordner)\b/i;

function expectOneGermanLine(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^Fehler: /);
  expect(lines[0]).toMatch(pattern);
}

beforeAll(async () => {
  temp = makeTempDir('tutti-cli-');
  profile = join(temp.dir, 'profile');
  passphraseFile = writePassphraseFile(temp.dir);
  // German, whatever the locale of the machine running the tests.
  env = { TUTTI_PASSPHRASE_FILE: passphraseFile, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const opened = await openProfile(profile, passphraseKeyStore(profile, env));
  const api = new ClubService(opened.store, profile);
  const register = await api.save('registers', { name: 'Tiefes Blech' });
  const anna = await api.save('members', {
    firstName: 'Anna',
    lastName: 'Blässer',
    status: 'aktiv',
    birthDate: '1939-08-20',
    registerIds: register.ok ? [register.value.id] : [],
    iban: 'DE89370400440532013000',
    notes: '=HYPERLINK("http://böse")',
  });
  const tuba = await api.save('instruments', {
    inventoryNumber: 'TB-1',
    kind: 'Tuba',
    purchasePriceCents: 750000,
  });
  if (!anna.ok || !tuba.ok) throw new Error('fixture');
  await api.save('loans', {
    instrumentId: tuba.value.id,
    memberId: anna.value.id,
    issuedOn: '2026-09-01',
  });
  opened.close();
}, 60_000);

afterAll(() => temp?.cleanup());

describe('tutti export', () => {
  it('writes members as CSV that German Excel opens', async () => {
    const { code, stdout } = await runTutti(
      ['export', 'members', '--profile', profile, '--format', 'csv'],
      env,
    );
    expect(code).toBe(0);
    expect(
      stdout.startsWith('\uFEFFMitgliedsnummer;Anrede;Titel;Geschlecht;Vorname;Nachname;'),
    ).toBe(true);
    const row = stdout.split('\r\n')[1]!;
    expect(row).toContain(';Anna;Blässer;');
    expect(row).toContain(';20.08.1939;');
    expect(row).toContain(';Tiefes Blech;');
    expect(row).toContain(`;"'=HYPERLINK(""http://böse"")"`);
  });

  it('writes loans to a file only its owner can read', async () => {
    const out = join(temp.dir, 'ausleihen.csv');
    const { code, stderr } = await runTutti(
      ['export', 'loans', '--profile', profile, '--format', 'csv', '--out', out],
      env,
    );
    expect(code).toBe(0);
    // German words in a German line: "Ausleihen", not "loans".
    expect(stderr).toBe(`Ausleihen: exportiert nach ${out}\n`);
    expect(readFileSync(out, 'utf8')).toContain('TB-1;Tuba;Blässer, Anna;01.09.2026;;;');
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('writes instruments as JSON with money in cents and dates as YYYY-MM-DD', async () => {
    const { code, stdout } = await runTutti(
      ['export', 'instruments', '--profile', profile, '--format', 'json'],
      env,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({ inventoryNumber: 'TB-1', purchasePriceCents: 750000 }),
    ]);
  });

  it('explains a wrong call in one line', async () => {
    const { code, stderr } = await runTutti(
      ['export', 'mitglieder', '--profile', profile, '--format', 'csv'],
      env,
    );
    expect(code).toBe(2);
    expectOneGermanLine(stderr, /Erlaubt: members, registers, instruments, loans/);
    const noFormat = await runTutti(['export', 'members', '--profile', profile], env);
    expectOneGermanLine(noFormat.stderr, /--format csv, json, xlsx oder pdf/);
    const noProfile = await runTutti(['export', 'members', '--format', 'csv'], env);
    // The help says ORDNER, so does the message.
    expectOneGermanLine(noProfile.stderr, /mit --profile ORDNER angeben/);
  });
});

describe('tutti itself', () => {
  it('says its version', async () => {
    const { code, stdout } = await runTutti(['--version'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Tutti \d+\.\d+\.\d+\n$/);
  });

  it('reports an unknown command as an error, in one line', async () => {
    const { code, stderr } = await runTutti(['exportieren'], env);
    expect(code).toBe(2);
    expect(stderr).toBe('Fehler: Unbekannter Befehl „exportieren“. Hilfe: tutti --help\n');
  });

  it('speaks English with --lang en or an English LANG, German otherwise', async () => {
    const missing = join(temp.dir, 'gibt-es-nicht.tar.gz.age');
    const verify = ['backup', 'verify', missing, '--passphrase-file', passphraseFile];
    const english = await runTutti(['--lang', 'en', ...verify], env);
    expect(english.code).toBe(1);
    expect(english.stderr).toBe(
      `Error: The backup file ${missing} does not exist. Please check the path.\n`,
    );
    expect(english.stderr.replace(missing, '')).not.toMatch(GERMAN);
    const german = await runTutti(verify, env);
    expect(german.code).toBe(1);
    expect(german.stderr).toBe(
      `Fehler: Die Sicherungsdatei ${missing} gibt es nicht. Bitte den Pfad prüfen.\n`,
    );
    const fromLang = await runTutti(verify, { ...env, LANG: 'en_GB.UTF-8' });
    expect(fromLang.stderr).toBe(english.stderr);

    const wrong = join(temp.dir, 'falsch.txt');
    writeFileSync(wrong, 'nicht die Passphrase\n');
    const locked = await runTutti(
      ['export', 'members', '--profile', profile, '--format', 'csv', '--lang', 'en'],
      { ...env, TUTTI_PASSPHRASE_FILE: wrong },
    );
    expect(locked.code).toBe(1);
    expect(locked.stderr).toBe(
      'Error: The passphrase is wrong. Please try again (mind upper and lower case).\n',
    );
    const usage = await runTutti(['export', 'members', '--profile', profile], {
      ...env,
      LANG: 'en_GB.UTF-8',
    });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('Error: Please give --format csv, json, xlsx or pdf.\n');
  });

  it('says a file to import does not exist, not that it cannot be read', async () => {
    const missing = join(temp.dir, 'gibt-es-nicht.mdb');
    const { code, stderr } = await runTutti(['import', missing, '--profile', profile], env);
    expect(code).toBe(1);
    expect(stderr).toBe(`Fehler: Die Datei ${missing} gibt es nicht. Bitte den Pfad prüfen.\n`);
  });
});

describe('bad input leaves the data untouched', () => {
  it('a wrong passphrase', async () => {
    const copy = copyProfile('wrong-passphrase');
    const before = readFileSync(join(copy, 'tutti.db'));
    mkdirSync(join(temp.dir, 'wrong'));
    const wrong = writePassphraseFile(join(temp.dir, 'wrong'), 'nicht-die-richtige');
    const { code, stderr } = await runTutti(['start', '--browser', '--profile', copy], {
      TUTTI_PASSPHRASE_FILE: wrong,
    });
    expect(code).toBe(1);
    expectOneGermanLine(stderr.replace(/^Electron.*\n/, ''), /Die Passphrase ist falsch/);
    expect(readFileSync(join(copy, 'tutti.db')).equals(before)).toBe(true);
  });

  it('a damaged database file', async () => {
    const copy = copyProfile('damaged');
    const path = join(copy, 'tutti.db');
    const bytes = readFileSync(path);
    bytes.fill(0x42, 100, 600);
    writeFileSync(path, bytes);
    const { code, stderr } = await runTutti(
      ['export', 'members', '--profile', copy, '--format', 'csv'],
      env,
    );
    expect(code).toBe(1);
    expectOneGermanLine(stderr, /ist beschädigt oder gehört nicht zu diesem Profil/);
    const started = await runTutti(['start', '--browser', '--profile', copy], env);
    expect(started.code).toBe(1);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('a foreign file in place of the database', async () => {
    const copy = copyProfile('foreign');
    const path = join(copy, 'tutti.db');
    writeFileSync(path, 'Mitgliederliste 1998\n');
    const { code, stderr } = await runTutti(['start', '--browser', '--profile', copy], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/ist beschädigt oder gehört nicht zu diesem Profil/);
    expect(readFileSync(path, 'utf8')).toBe('Mitgliederliste 1998\n');
  });

  it('a database written by a newer Tutti', async () => {
    const copy = copyProfile('future');
    const key = await passphraseKeyStore(copy, env).unlockKey();
    const db = openWritable(join(copy, 'tutti.db'), key);
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(join(copy, 'tutti.db'));
    const { code, stderr } = await runTutti(['start', '--browser', '--profile', copy], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/neueren Tutti-Version \(Schema 999/);
    expect(readFileSync(join(copy, 'tutti.db')).equals(before)).toBe(true);
  });

  it('a profile folder without write permission', async (context) => {
    const copy = copyProfile('read-only');
    let options = {};
    if (process.getuid?.() === 0) {
      // Root may write anywhere, so the command runs as "nobody" on a folder owned by root.
      const probe = spawnSync(
        process.execPath,
        ['-e', `require('fs').accessSync(${JSON.stringify(join(REPO_ROOT, 'bin', 'tutti.js'))})`],
        { uid: 65534, gid: 65534 },
      );
      if (probe.status !== 0) {
        context.skip(`user "nobody" cannot read the repository at ${REPO_ROOT}`);
      }
      chmodSync(copy, 0o755);
      chownSync(copy, 0, 0);
      options = { uid: 65534, gid: 65534 };
    } else {
      chmodSync(copy, 0o555);
    }
    const before = readFileSync(join(copy, 'tutti.db'));
    const { code, stderr } = await runTutti(
      ['start', '--browser', '--profile', copy],
      { ...env, HOME: temp.dir, TMPDIR: '/tmp' },
      options,
    );
    chmodSync(copy, 0o755);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Kein Schreibzugriff auf den Profilordner .*read-only/);
    expect(readFileSync(join(copy, 'tutti.db')).equals(before)).toBe(true);
  });

  it('a profile that is already open', async () => {
    const copy = copyProfile('in-use');
    const first = await startTutti(copy, passphraseFile);
    try {
      const second = await runTutti(['start', '--browser', '--profile', copy], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/Dieses Profil ist bereits geöffnet/);
    } finally {
      await first.stop();
    }
  });
});
