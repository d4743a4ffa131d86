/**
 * The command line's language: German unless `--lang en` (anywhere in the arguments) or an
 * English locale says otherwise, for results and for the one line of an error alike.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { main } from './main.ts';
import { withoutLanguageOption } from './terminal.ts';

/** What shows that an English line was left German. */
const GERMAN = /[äöüÄÖÜß„]|\b(Fehler|der|die|das|und|nicht|bitte|gibt|ist|Datei|Ordner)\b/i;

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

async function tutti(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out = collect();
  const err = collect();
  const code = await main(argv, { LANG: 'C.UTF-8', ...env }, out.stream, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

let temp: ReturnType<typeof makeTempDir>;
let passphraseFile: string;

beforeAll(async () => {
  temp = makeTempDir('tutti-cli-lang-');
  passphraseFile = `${temp.dir}/passphrase.txt`;
  const { writeFileSync } = await import('node:fs');
  writeFileSync(passphraseFile, 'Probe am Donnerstag 19:30!\n');
});
afterAll(() => temp.cleanup());

describe('the language of the tutti command', () => {
  it('answers in German by default, in one line with the exit code as before', async () => {
    const { code, stderr } = await tutti(['exportieren']);
    expect(code).toBe(2);
    expect(stderr).toBe('Fehler: Unbekannter Befehl „exportieren“. Hilfe: tutti --help\n');
  });

  it('answers in English with --lang en anywhere in the arguments, with no German left', async () => {
    const missing = `${temp.dir}/gibt-es-nicht.tar.gz.age`;
    for (const argv of [
      ['--lang', 'en', 'backup', 'verify', missing, '--passphrase-file', passphraseFile],
      ['backup', 'verify', missing, '--lang=en', '--passphrase-file', passphraseFile],
      ['backup', 'verify', missing, '--passphrase-file', passphraseFile, '--lang', 'en'],
    ]) {
      const { code, stderr } = await tutti(argv);
      expect(code).toBe(1);
      expect(stderr).toBe(
        `Error: The backup file ${missing} does not exist. Please check the path.\n`,
      );
    }
    const german = await tutti(['backup', 'verify', missing, '--passphrase-file', passphraseFile]);
    expect(german.stderr).toBe(
      `Fehler: Die Sicherungsdatei ${missing} gibt es nicht. Bitte den Pfad prüfen.\n`,
    );
  });

  it('takes English from LANG or LC_ALL, and --lang de over both', async () => {
    const unknown = await tutti(['exportieren'], { LANG: 'en_GB.UTF-8' });
    expect(unknown.stderr).toBe('Error: Unknown command “exportieren”. Help: tutti --help\n');
    const lcAll = await tutti(['export', 'members'], { LC_ALL: 'en_US.UTF-8', LANG: 'de_DE' });
    expect(lcAll.code).toBe(2);
    expect(lcAll.stderr).toBe('Error: Please name the profile folder with --profile FOLDER.\n');
    const german = await tutti(['--lang', 'de', 'export', 'members'], { LANG: 'en_GB.UTF-8' });
    expect(german.stderr).toBe('Fehler: Bitte den Profilordner mit --profile ORDNER angeben.\n');
  });

  it('prints results and the help in English', async () => {
    const listed = await tutti(['backup', 'list', '--to', `${temp.dir}/leer`, '--lang', 'en']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe(`There are no Tutti backups in ${temp.dir}/leer.\n`);
    const help = await tutti(['--help', '--lang', 'en']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Tutti – club administration\n\nUsage:\n/);
    expect(help.stdout).not.toMatch(/ORDNER|DATEI|Verwendung/);
    const german = await tutti(['--help']);
    expect(german.stdout).toMatch(/^Tutti – Vereinsverwaltung\n\nVerwendung:\n/);
  });

  it('says a wrong option and a missing value in English without German words', async () => {
    for (const argv of [
      ['export', 'members', '--profil', 'x'],
      ['backup', 'restore'],
      ['sync', '--profile', temp.dir, '--batch', '0'],
      ['start', '--port', 'zwei'],
    ]) {
      const { code, stderr } = await tutti([...argv, '--lang', 'en']);
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(/^Error: /);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr.replace(temp.dir, '')).not.toMatch(GERMAN);
    }
  });
});

describe('--lang among the arguments', () => {
  it('is removed with its value, wherever it stands', () => {
    expect(withoutLanguageOption(['--lang', 'en', 'export', 'members'])).toEqual([
      'export',
      'members',
    ]);
    expect(withoutLanguageOption(['export', '--lang=de', 'members', '--lang', 'en'])).toEqual([
      'export',
      'members',
    ]);
  });
});
