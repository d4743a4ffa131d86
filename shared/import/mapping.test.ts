import { describe, expect, it } from 'vitest';
import { importTextIn } from './importText.ts';
import { parseMapping } from './mapping.ts';

const table = {
  source: 'Ausleihen',
  entity: 'loans',
  key: ['AusleihNr'],
  columns: { MitgliedNr: 'member' },
};
const file = (tables: unknown[]) =>
  JSON.stringify({ format: 'tutti-import-mapping', version: 1, tables });

describe('a mapping file', () => {
  it('may say what a table’s references mean', () => {
    const parsed = parseMapping(file([{ ...table, referencesBy: 'number' }]));
    expect(parsed).toEqual({
      ok: true,
      mapping: expect.objectContaining({
        tables: [expect.objectContaining({ referencesBy: 'number' })],
      }),
    });
    // Left out, the import decides as before (key first, ambiguities reported).
    expect(parseMapping(file([table])).ok).toBe(true);
  });

  it('refuses a meaning it does not know, naming where', () => {
    const parsed = parseMapping(file([{ ...table, referencesBy: 'nummer' }]));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && importTextIn(parsed.error)).toBe(
      'Die Zuordnungsdatei ist keine Tutti-Zuordnung (tables.0.referencesBy: Bitte einen Wert aus der Liste wählen.).',
    );
    expect(!parsed.ok && importTextIn(parsed.error, 'en')).toMatch(
      /^The mapping file is not a Tutti mapping \(tables\.0\.referencesBy: \S/,
    );
  });
});
