import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV for Excel', () => {
  it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
    expect(toCsv(['Name', 'Ort'], [['Bläser', 'Köln']])).toBe('\uFEFFName;Ort\r\nBläser;Köln\r\n');
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('Müller; Anna')).toBe('"Müller; Anna"');
    expect(csvCell('Spitzname "Hansi"')).toBe('"Spitzname ""Hansi"""');
    expect(csvCell('Zeile 1\nZeile 2')).toBe('"Zeile 1\nZeile 2"');
  });

  it('defuses formulas but leaves phone numbers alone', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('+49 170 1234567')).toBe('+49 170 1234567');
    expect(csvCell(null)).toBe('');
  });
});
