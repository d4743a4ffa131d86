import { describe, expect, it } from 'vitest';
import { TEXTS, type TextTree } from './texts.ts';
import { translate } from './translate.ts';

function leaves(tree: TextTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const singular = (key: string) => key.replace(/_(one|other)$/, '');

/** Words that show an English text was left German (or half translated). */
const GERMAN_WORDS =
  /[äöüÄÖÜß]|\b(der|die|das|und|nicht|bitte|ist|Datei|Zeile|Mitglied|Verein|wurde|keine?)\b/;

describe('the shared texts', () => {
  const german = new Map(leaves(TEXTS.de));
  const english = new Map(leaves(TEXTS.en));

  it('has every German key in English, and no more (plural forms counted by their base)', () => {
    const base = (map: Map<string, string>) => [...new Set([...map.keys()].map(singular))].sort();
    expect(base(english)).toEqual(base(german));
  });

  it('uses the same placeholders in both languages', () => {
    const differing = [...english].filter(([key, text]) => {
      const de = german.get(key) ?? german.get(`${singular(key)}_other`) ?? '';
      return placeholders(text).join() !== placeholders(de).join();
    });
    expect(differing).toEqual([]);
  });

  it('has no German left in the English texts', () => {
    expect([...english].filter(([, text]) => GERMAN_WORDS.test(text))).toEqual([]);
  });

  it('says a message with nested messages and plurals in either language', () => {
    const failed = {
      key: 'core.sync.failed',
      params: {
        step: { key: 'core.sync.step.pull' },
        problem: { key: 'core.sync.outOfOrder', params: { version: 7 } },
      },
    };
    expect(translate(failed, 'de')).toBe(
      'Abholen der Änderungen: Der Server schickte Änderungen außer der Reihe (Stand 7).',
    );
    expect(translate(failed, 'en')).toBe(
      'Fetching the changes: The server sent changes out of order (version 7).',
    );
    const loans = (count: number) => ({
      key: 'reasons.rules.deleteMemberWithLoans',
      params: { count },
    });
    expect(translate(loans(1), 'de')).toMatch(/noch ein Instrument/);
    expect(translate(loans(3), 'en')).toMatch(/still has 3 instruments/);
  });

  it('shows an unknown key as it is rather than nothing', () => {
    expect(translate({ key: 'no.such.key' }, 'en')).toBe('no.such.key');
  });
});
