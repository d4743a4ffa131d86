import { describe, expect, it } from 'vitest';
import { sortRows } from './sortRows.ts';

const byItself = (x: unknown) => x;

describe('sorting list rows', () => {
  it('sorts German names ignoring case and umlauts', () => {
    expect(
      sortRows(
        ['Zimmermann', 'ärger', 'Arndt', 'Öttl', 'Ott', 'Straße', 'Strasser'],
        byItself,
        false,
      ),
    ).toEqual(['ärger', 'Arndt', 'Ott', 'Öttl', 'Straße', 'Strasser', 'Zimmermann']);
  });

  it('compares digit strings as numbers and keeps empty values last both ways', () => {
    expect(sortRows(['10', '', '9', null, '100'], byItself, false)).toEqual([
      '9',
      '10',
      '100',
      '',
      null,
    ]);
    expect(sortRows(['10', '', '9', null, '100'], byItself, true)).toEqual([
      '100',
      '10',
      '9',
      '',
      null,
    ]);
  });

  it('is stable for equal keys', () => {
    const rows = [
      { n: 'Müller', id: 1 },
      { n: 'Mueller', id: 2 },
      { n: 'müller', id: 3 },
    ];
    expect(sortRows(rows, (r) => r.n, false).map((r) => r.id)).toEqual([2, 1, 3]);
  });
});
