/**
 * `tutti import` as a club secretary (or whoever helps the club move in) runs it: real
 * processes, a real encrypted profile, the legacy Access database where it lies.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/fixtures.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { runTutti, writePassphraseFile } from '../support/tuttiProcess.ts';

const BEISPIEL = fixture('legacy', 'verein-beispiel.mdb');

describe('tutti import', () => {
  const temp = makeTempDir('tutti-import-cli-');
  const profile = join(temp.dir, 'profil');
  // German, whatever the locale of the machine running the tests.
  const env = {
    TUTTI_PASSPHRASE_FILE: writePassphraseFile(temp.dir),
    LANG: 'C.UTF-8',
    LC_ALL: '',
    LC_MESSAGES: '',
  };
  afterAll(() => temp.cleanup());

  it('previews, imports, saves the mapping and the report, and imports nothing twice', async () => {
    const preview = await runTutti(['import', BEISPIEL, '--profile', profile, '--dry-run'], env);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/^Tutti – Vorschau des Imports \(nichts wurde gespeichert\)/);
    expect(preview.stdout).toContain('Mitglieder → Mitglieder: 400 Zeilen = 400 neu');

    // A preview never creates the profile: it ran against an empty scratch database.
    expect(existsSync(profile)).toBe(false);

    const mappingFile = join(temp.dir, 'zuordnung.json');
    const reportFile = join(temp.dir, 'bericht.txt');
    const run = await runTutti(
      [
        'import',
        BEISPIEL,
        '--profile',
        profile,
        '--save-mapping',
        mappingFile,
        '--report',
        reportFile,
      ],
      env,
    );
    expect(run.stderr).toBe(`Zuordnung gespeichert in ${mappingFile}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Vollständiger Bericht: ${reportFile}`);
    const report = readFileSync(reportFile, 'utf8');
    for (const line of [
      'Register → Register: 11 Zeilen = 11 neu',
      'Mitglieder → Mitglieder: 400 Zeilen = 400 neu',
      'Instrumente → Instrumente: 133 Zeilen = 133 neu',
      'Ausleihen → Ausleihen: 66 Zeilen = 66 neu',
      'Ehrungen → Ehrungen: 80 Zeilen = 80 neu',
    ]) {
      expect(report).toContain(line);
    }
    const members = JSON.parse(
      (await runTutti(['export', 'members', '--profile', profile, '--format', 'json'], env)).stdout,
    ) as { memberNumber: string; birthDate: string; lastName: string }[];
    expect(members).toHaveLength(400);
    expect(members.find((m) => m.memberNumber === '7')).toMatchObject({
      lastName: 'Werner',
      birthDate: '1939-08-20',
    });

    // The saved mapping, edited (the honours left out), imports again: nothing new.
    const mapping = JSON.parse(readFileSync(mappingFile, 'utf8'));
    mapping.tables = mapping.tables.filter((t: { source: string }) => t.source !== 'Ehrungen');
    writeFileSync(mappingFile, JSON.stringify(mapping));
    const again = await runTutti(
      ['import', BEISPIEL, '--profile', profile, '--mapping', mappingFile],
      env,
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      'Mitglieder → Mitglieder: 400 Zeilen = 0 neu + 0 aktualisiert + 400 unverändert + 0 nicht übernommen',
    );
    expect(again.stdout).toContain(
      'Ehrungen: 80 Zeilen – Tabelle nicht zugeordnet, nicht importiert',
    );
  });

  it('names the columns it did not take first, keeps their values, and leaves out what the mapping ignores', async () => {
    const csv = fixture('club', 'kapelle-anders-members.csv');
    const other = join(temp.dir, 'kapelle');
    const mappingFile = join(temp.dir, 'kapelle-zuordnung.json');
    const run = await runTutti(
      [
        'import',
        csv,
        '--profile',
        other,
        '--report',
        join(temp.dir, 'kapelle.txt'),
        '--save-mapping',
        mappingFile,
      ],
      env,
    );
    expect(run.code).toBe(0);
    // The summary printed (the report's first paragraph) names the column at once.
    expect(run.stdout).toContain(
      'Nicht übernommen (Spalten ohne Zuordnung): kapelle-anders-members.Shirt size.',
    );
    // No bank data in what the terminal shows, not even a doubtful IBAN.
    expect(run.stdout + readFileSync(join(temp.dir, 'kapelle.txt'), 'utf8')).not.toMatch(
      /DE89\s?3704/,
    );
    const members = JSON.parse(
      (await runTutti(['export', 'members', '--profile', other, '--format', 'json'], env)).stdout,
    ) as { memberNumber: string; firstName: string | null; notes: string | null }[];
    expect(members).toHaveLength(6);
    expect(members.find((m) => m.memberNumber === '103')?.firstName).toBeNull();

    const mapping = JSON.parse(readFileSync(mappingFile, 'utf8'));
    mapping.tables[0].ignore = ['Shirt size'];
    writeFileSync(mappingFile, JSON.stringify(mapping));
    const again = await runTutti(
      ['import', csv, '--profile', join(temp.dir, 'kapelle2'), '--mapping', mappingFile],
      env,
    );
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('Nicht übernommen (Spalten ohne Zuordnung)');
    expect(again.stdout).toContain('Shirt size → bewusst ausgelassen');
  });

  it('says in one line what is wrong with a file, a password or a mapping, and writes nothing', async () => {
    const fresh = join(temp.dir, 'leer');
    const passwordFile = join(temp.dir, 'db-passwort.txt');
    writeFileSync(passwordFile, 'falsch\n');
    const wrong = await runTutti(
      [
        'import',
        fixture('mdb-reader', 'password-V2010_with-password.accdb'),
        '--profile',
        fresh,
        '--password-file',
        passwordFile,
      ],
      env,
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(
      'Fehler: Das Passwort der Access-Datenbank ist falsch. Bitte das Datenbank-Passwort prüfen (Groß- und Kleinschreibung beachten).\n',
    );
    const damaged = join(temp.dir, 'kaputt.mdb');
    writeFileSync(damaged, readFileSync(BEISPIEL).subarray(0, 100_000));
    const broken = await runTutti(['import', damaged, '--profile', fresh], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      /^Fehler: Die Access-Datenbank ist beschädigt oder unvollständig .*\n$/,
    );
    const badMapping = join(temp.dir, 'falsch.json');
    writeFileSync(
      badMapping,
      JSON.stringify({
        format: 'tutti-import-mapping',
        version: 1,
        tables: [
          { source: 'Mitglieder', entity: 'members', key: [], columns: { Spitzname: 'firstName' } },
        ],
      }),
    );
    const mismatch = await runTutti(
      ['import', BEISPIEL, '--profile', fresh, '--mapping', badMapping],
      env,
    );
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toBe(
      'Fehler: Die Zuordnung passt nicht zur Datei: Die Zuordnung nennt die Spalte „Spitzname“, die es in „Mitglieder“ nicht gibt.\n',
    );
    // Nothing was written: the profile was never even created.
    const missing = await runTutti(
      ['export', 'members', '--profile', fresh, '--format', 'json'],
      env,
    );
    expect(missing.code).not.toBe(0);
  });
});
