import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findsAll, foldForSearch, searchWords } from './searchFold.ts';

const finds = (query: string, name: string) => findsAll(foldForSearch(name), searchWords(query));

describe('search folding', () => {
  it('finds names as a German reader would write them', () => {
    expect(finds('Muller', 'Müller')).toBe(true);
    expect(finds('mueller', 'Müller')).toBe(true);
    expect(finds('MÜLLER', 'Mueller')).toBe(true);
    expect(finds('müller', 'Muller')).toBe(true);
    expect(finds('ozdemir', 'Özdemir')).toBe(true);
    expect(finds('oezdemir', 'Özdemir')).toBe(true);
    expect(finds('strasse', 'Hauptstraße 3')).toBe(true);
    expect(finds('Hauptstraße', 'Hauptstrasse 3')).toBe(true);
    expect(finds('francois', 'François')).toBe(true);
    expect(finds('noel', 'Noël')).toBe(true);
    expect(finds('el', 'Michael')).toBe(true);
    expect(finds('er', 'Bauer')).toBe(true);
    expect(finds('lukas', 'Müller')).toBe(false);
  });

  it('never finds more when a query grows by a letter (the list narrows its last result)', () => {
    const letters = ['a', 'e', 'o', 'u', 'ä', 'ö', 'ü', 'ß', 's', 'm', 'ë', ' '];
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...letters) }),
        fc.constantFrom(...letters),
        fc.string({ unit: fc.constantFrom(...letters) }),
        (query, letter, text) => {
          if (finds(query + letter, text)) expect(finds(query, text)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
