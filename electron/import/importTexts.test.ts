/**
 * The import says everything as keys with values, in German and in English: the English report
 * of a real club file holds no German sentence (what is left is the club's own data), and every
 * key the import's code names has a text in both languages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport, ImportText } from '../../shared/api/import.ts';
import { importReportText } from '../../shared/import/reportText.ts';
import type { Message } from '../../shared/messages/message.ts';
import { hasText, translate } from '../../shared/messages/translate.ts';
import { fixture } from '../../test/support/fixtures.ts';
import { importStore } from '../../test/support/importStore.ts';
import { ImportFileError } from './readers/importError.ts';

const kit = importStore('2026-11-27');
const ROOT = join(import.meta.dirname, '..', '..');
const GERMAN = /ä|ö|ü|ß|Zeile|nicht|Bitte/i;

/** Every value the report quotes from the file (names, columns, cells): not the import's words. */
function dataOf(report: ImportReport): string[] {
  const data = new Set<string>([report.fileName, report.role ?? '']);
  const values = (message: Message) => {
    for (const value of Object.values(message.params ?? {}))
      if (typeof value === 'string') data.add(value);
  };
  const text = (t: ImportText) => {
    values(t.message);
    for (const part of Object.values(t.parts ?? {})) text(part);
  };
  for (const note of report.notes) values(note);
  for (const t of report.tables) {
    data.add(t.source);
    for (const c of t.columns) data.add(c.column);
    for (const c of t.cleaned) text(c);
  }
  for (const c of [...report.unmappedColumns, ...report.withheld]) data.add(c.column);
  for (const t of [...report.ignoredTables, ...report.notAllowedTables]) data.add(t.source);
  for (const m of report.messages) {
    data.add(m.source);
    values(m.label);
    text(m);
  }
  return [...data].filter((d) => d !== '').sort((a, b) => b.length - a.length);
}

function withoutData(text: string, report: ImportReport): string {
  let rest = text;
  for (const data of dataOf(report)) rest = rest.split(data).join('·');
  return rest;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function leaves(tree: object, prefix: string): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the import in English', () => {
  it('reports the Access database (invalid IBANs, contradicting dates) without a German word', async () => {
    const report = await kit.importInto(await kit.read(fixture('legacy', 'verein-beispiel.mdb')));
    const english = importReportText(report, 'en');
    expect(english).toMatch(/^Tutti – report on the import\nFile: verein-beispiel\.mdb/);
    expect(english).toMatch(/Mitglieder → Members: 400 rows = \d+ new \+ 0 updated/);
    expect(english).toContain(
      '(MitgliedNr 1, Nicole Schulz): The IBAN is invalid: the checksum does not match. Taken as it is and marked for review.',
    );
    expect(english).toMatch(/Joined on \d\d\.\d\d\.\d{4}, before the date of birth/);
    expect(report.messages.length).toBeGreaterThan(400);
    expect(withoutData(english, report)).not.toMatch(GERMAN);
    // The same report in German, as before (and the check above would have found it).
    expect(withoutData(importReportText(report), report)).toMatch(GERMAN);
    expect(importReportText(report)).toContain(
      'Mitglieder, Zeile 1 (MitgliedNr 1, Nicole Schulz): Die IBAN ist ungültig: Prüfsumme stimmt nicht. So übernommen und zur Prüfung markiert.',
    );
  });

  it('reports a postal code that does not fit, an unmapped column and a computed IBAN in English', async () => {
    const report = await kit.importInto(await kit.read(fixture('club', 'kapelle-anders.xlsx')));
    const english = importReportText(report, 'en');
    expect(english).toContain(
      'Postcode “6020” does not fit the country DE; taken as it is and marked for review',
    );
    expect(english).toContain('Not taken (columns without a field): Personen.Hobby');
    expect(english).toContain('IBAN computed from bank code and account number');
    expect(withoutData(english, report)).not.toMatch(GERMAN);
  });

  it('says why a file cannot be read in English, at the field it belongs to', async () => {
    const refused = await kit
      .read(fixture('mdb-reader', 'password-V2010_with-password.accdb'), 'falsch')
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportFileError);
    const error = refused as ImportFileError;
    expect(error.field).toBe('password');
    expect(translate(error.text, 'en')).toBe(
      'The password of the Access database is wrong. Please check the database password (upper and lower case matter).',
    );
    expect(error.message).toMatch(/^Das Passwort der Access-Datenbank ist falsch/);
  });
});

describe('the import’s texts', () => {
  const files = [
    ...sources(join(ROOT, 'electron', 'import')),
    ...sources(join(ROOT, 'shared', 'import')),
    ...sources(join(ROOT, 'renderer', 'src', 'import')),
    join(ROOT, 'shared', 'api', 'import.ts'),
  ].filter((path) => path !== join(import.meta.dirname, 'importTexts.test.ts'));
  const used = new Set(
    files.flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/['"`](import\.[A-Za-z0-9_.]+)['"`]/g)]
        .map((match) => match[1]!)
        .filter((key) => !key.endsWith('.')),
    ),
  );

  it('has a German and an English text for every key the import names', () => {
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].flatMap((key) =>
      (['de', 'en'] as const).filter((l) => !hasText(key, l)).map((l) => `${l}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no text nobody uses', async () => {
    const { importTexts } = await import('../../shared/messages/de/importTexts.ts');
    const defined = leaves(importTexts, 'import.').map((key) => key.replace(/_(one|other)$/, ''));
    expect(defined.filter((key) => !used.has(key))).toEqual([]);
  });
});
