/**
 * `tutti backup create|list|verify|restore` as an IT officer runs them: real processes, a real
 * profile, the passphrases from files, one German line and a non-zero exit on every mistake.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/tempDir.ts';
import { runTutti, writePassphraseFile } from '../support/tuttiProcess.ts';

describe('tutti backup', () => {
  const temp = makeTempDir('tutti-backup-cli-');
  const profile = join(temp.dir, 'profil');
  const stick = join(temp.dir, 'stick');
  // German, whatever the locale of the machine running the tests.
  const env = {
    TUTTI_PASSPHRASE_FILE: writePassphraseFile(temp.dir),
    LANG: 'C.UTF-8',
    LC_ALL: '',
    LC_MESSAGES: '',
  };
  const backupPassphrase = join(temp.dir, 'sicherung.txt');
  writeFileSync(backupPassphrase, 'Registerprobe Blech 2026\n');
  const wrongPassphrase = join(temp.dir, 'falsch.txt');
  writeFileSync(wrongPassphrase, 'nicht die richtige Passphrase\n');
  afterAll(() => temp.cleanup());

  it('backs up, lists, verifies and restores; a wrong passphrase is one line and exit 1', async () => {
    const tooShort = join(temp.dir, 'kurz.txt');
    writeFileSync(tooShort, 'kurz\n');
    const refused = await runTutti(
      ['backup', 'create', '--profile', profile, '--to', stick, '--passphrase-file', tooShort],
      env,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'Fehler: Die Passphrase der Datensicherung muss mindestens 12 Zeichen lang sein.',
    );

    const created = await runTutti(
      [
        'backup',
        'create',
        '--profile',
        profile,
        '--to',
        stick,
        '--passphrase-file',
        backupPassphrase,
      ],
      env,
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(
      /^Gesichert: .*tutti-[0-9a-f]{8}-\d{8}T\d{9}Z-manual\.tar\.gz\.age/,
    );
    // Later backups need no passphrase: they are encrypted to the key's public half.
    const again = await runTutti(['backup', 'create', '--profile', profile, '--to', stick], env);
    expect(again.code).toBe(0);

    const listed = await runTutti(['backup', 'list', '--to', stick], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} /);
    // Made by hand: kept for 90 days beside the rotation, and the list says until when.
    expect(listed.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/\(von Hand, aufbewahrt bis \d{2}\.\d{2}\.\d{4}\)$/),
      expect.stringMatching(/\(von Hand, aufbewahrt bis \d{2}\.\d{2}\.\d{4}\)$/),
    ]);
    const file = join(stick, readdirSync(stick).find((f) => f.endsWith('.tar.gz.age'))!);

    const verified = await runTutti(
      ['backup', 'verify', file, '--passphrase-file', backupPassphrase],
      env,
    );
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('In Ordnung: Sicherung vom ');
    // The counts in German words, as the rest of the line.
    expect(verified.stdout).toMatch(/; Mitglieder \d+, Register \d+, Instrumente \d+/);
    expect(verified.stdout).not.toMatch(/members|registers/);

    const wrong = await runTutti(
      ['backup', 'verify', file, '--passphrase-file', wrongPassphrase],
      env,
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe(
      'Fehler: Die Passphrase der Datensicherung ist falsch. Bitte erneut eingeben.',
    );

    const restored = await runTutti(
      ['backup', 'restore', file, '--profile', profile, '--passphrase-file', backupPassphrase],
      env,
    );
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('Die bisherige Datenbank liegt unter');

    const missing = await runTutti(
      ['backup', 'verify', join(stick, 'gibt-es-nicht.tar.gz.age')],
      env,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  }, 120_000);

  it('makes a safety generation before an import into a profile whose backups are set up', async () => {
    const csv = join(temp.dir, 'neu.csv');
    writeFileSync(csv, 'Vorname;Nachname\nImke;Import\n');
    expect((await runTutti(['import', csv, '--profile', profile], env)).code).toBe(0);
    const safetyFiles = () =>
      readdirSync(stick).filter((f) => f.endsWith('-before-import.tar.gz.age'));
    const before = safetyFiles().length;
    writeFileSync(csv, 'Vorname;Nachname\nIda;Import\n');
    const imported = await runTutti(['import', csv, '--profile', profile], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      /\nSicherung vor dem Import: \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} im Sicherungsordner, 90 Tage aufbewahrt\.\n/,
    );
    expect(safetyFiles()).toHaveLength(before + 1);
  }, 60_000);

  it('keeps a safety generation of the data it replaces when restoring', async () => {
    const backups = readdirSync(stick).filter((f) => f.endsWith('-manual.tar.gz.age'));
    const restored = await runTutti(
      [
        'backup',
        'restore',
        join(stick, backups[0]!),
        '--profile',
        profile,
        '--passphrase-file',
        backupPassphrase,
      ],
      env,
    );
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const line = restored.stdout.split('\n').find((l) => l.startsWith('Vorher gesichert'));
    expect(line).toMatch(
      /^Vorher gesichert \(90 Tage aufbewahrt\): .*-before-restore\.tar\.gz\.age$/,
    );
    expect(existsSync(line!.split(': ')[1]!)).toBe(true);
  }, 60_000);
});
