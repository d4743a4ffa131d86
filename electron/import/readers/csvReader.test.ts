import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, detectSeparator, parseCsvRecords, readCsv } from './csvReader.ts';

function quote(field: string, separator: string): string {
  return /["\r\n]/.test(field) || field.includes(separator) || field === ''
    ? `"${field.replace(/"/g, '""')}"`
    : field;
}

describe('reading CSV', () => {
  it('reads back any table written with RFC 4180 quoting, whatever the fields hold', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'ä', ' ', ';', ',', '"', '\n', '\r\n', 'ß', '€', 'x'),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(';', ','),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(field, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (separator, width, raw) => {
          const rows = raw.map((r) => r.slice(0, width));
          const text = rows
            .map((r) => r.map((f) => quote(f, separator)).join(separator))
            .join('\r\n');
          expect(parseCsvRecords(text, separator)).toEqual(
            rows.filter((r) => !(r.length === 1 && r[0]!.trim() === '')),
          );
        },
      ),
    );
  });

  it('detects the encoding and the separator', () => {
    expect(decodeText(Buffer.from('Straße', 'latin1')).encoding).toBe('Windows-1252');
    expect(decodeText(Buffer.from('Straße', 'latin1')).text).toBe('Straße');
    // „Löwen“ – 5 € as German Windows writes them.
    const cp1252 = Buffer.from([
      0x84, 0x4c, 0xf6, 0x77, 0x65, 0x6e, 0x93, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80,
    ]);
    expect(decodeText(cp1252).text).toBe('„Löwen“ – 5 €');
    expect(decodeText(Buffer.from('\ufeffStraße', 'utf8'))).toEqual({
      text: 'Straße',
      encoding: 'UTF-8',
    });
    expect(detectSeparator('Name;Vorname;"Ort, Kreis"\n')).toBe(';');
    expect(detectSeparator('Name,Vorname,"Ort; Kreis"\n')).toBe(',');
  });

  it('names empty and repeated headers so that no column is lost', () => {
    const { tables } = readCsv(Buffer.from('Name;;Name\nA;B;C\n'), 'liste');
    expect(tables[0]!.columns.map((c) => c.name)).toEqual(['Name', 'Spalte 2', 'Name (2)']);
    expect(tables[0]!.rows).toEqual([{ Name: 'A', 'Spalte 2': 'B', 'Name (2)': 'C' }]);
  });
});
