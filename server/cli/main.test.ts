/**
 * The command line's language: German by default, English with `--lang en` anywhere on the
 * line or an English LANG/LC_*; a wrong call is one line saying what to do, exit 2, and an
 * English line has no German in it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, withoutLanguage } from './main.ts';

const GERMAN = /[äöüßÄÖÜ„]|Befehl|Hilfe|Verein|Verzeichnis|fehlt/;

async function run(args: string[], env: Record<string, string> = { LANG: 'C.UTF-8' }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    (line) => out.push(line),
    (line) => err.push(line),
    env,
  );
  return { code, out, err };
}

describe('tutti-server in German and English', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tutti-server-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says an unknown command in one line: German by default, English with --lang en', async () => {
    const german = await run(['frobnicate', '--data', dir]);
    expect(german.code).toBe(2);
    expect(german.err).toEqual(['Unbekannter Befehl „frobnicate“. Hilfe: tutti-server --help']);
    const english = await run(['frobnicate', '--data', dir, '--lang', 'en']);
    expect(english.code).toBe(2);
    expect(english.err).toEqual(['Unknown command “frobnicate”. Help: tutti-server --help']);
    expect(english.err[0]).not.toMatch(GERMAN);
    expect(english.out).toEqual([]);
  });

  it('names a missing option with its placeholder in the language of the call', async () => {
    const german = await run(['club', 'list']);
    expect(german).toMatchObject({
      code: 2,
      err: ['Es fehlt --data VERZEICHNIS. Hilfe: tutti-server --help'],
    });
    const english = await run(['club', 'list', '--lang=en']);
    expect(english).toMatchObject({
      code: 2,
      err: ['--data DIR is missing. Help: tutti-server --help'],
    });
    const noClub = await run(['user', 'add', '--lang', 'en', '--data', dir, '--name', 'X']);
    expect(noClub.err).toEqual(['--club ID is missing. Help: tutti-server --help']);
  });

  it('takes English from LANG or LC_ALL, and --lang wins over them', async () => {
    const fromLang = await run(['club', 'list'], { LANG: 'en_GB.UTF-8' });
    expect(fromLang.err).toEqual(['--data DIR is missing. Help: tutti-server --help']);
    const fromLcAll = await run(['club', 'list'], { LC_ALL: 'en_US.UTF-8', LANG: 'de_DE.UTF-8' });
    expect(fromLcAll.err[0]).not.toMatch(GERMAN);
    const flagWins = await run(['club', 'list', '--lang', 'de'], { LANG: 'en_GB.UTF-8' });
    expect(flagWins.err).toEqual(['Es fehlt --data VERZEICHNIS. Hilfe: tutti-server --help']);
  });

  it('says a refusal of the data directory in English, with what to do', async () => {
    const english = await run(['club', '--lang', 'en', 'list', '--data', dir]);
    expect(english.code).toBe(1);
    expect(english.err).toEqual([
      `${dir} is not a Tutti server directory. First: tutti-server init --data ${dir}`,
    ]);
    const german = await run(['club', 'list', '--data', dir]);
    expect(german.err).toEqual([
      `${dir} ist kein Tutti-Server-Verzeichnis. Zuerst: tutti-server init --data ${dir}`,
    ]);
  });

  it('shows the help in both languages', async () => {
    const english = await run(['--help', '--lang', 'en']);
    expect(english.code).toBe(0);
    expect(english.out.join('\n')).toContain('Usage: tutti-server COMMAND --data DIR [options]');
    expect(english.out.join('\n')).not.toMatch(/[äöüßÄÖÜ„]|Aufruf|Verein/);
    const german = await run(['--help']);
    expect(german.out.join('\n')).toContain('Aufruf: tutti-server BEFEHL --data VERZEICHNIS');
    // No command: the help, as a wrong call.
    expect((await run(['--lang', 'en'])).code).toBe(2);
  });

  it('takes --lang out of the arguments wherever it stands', () => {
    expect(withoutLanguage(['club', '--lang', 'en', 'list', '--lang=de', '--data', 'D'])).toEqual([
      'club',
      'list',
      '--data',
      'D',
    ]);
  });
});
