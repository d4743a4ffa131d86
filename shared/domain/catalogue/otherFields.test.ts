import { describe, expect, it } from 'vitest';
import { cleanCell } from '../../import/cleanValues.ts';
import { proposeColumns } from '../../import/proposeMapping.ts';
import { targetOf } from '../../import/targets.ts';
import { translate } from '../../messages/translate.ts';
import { fieldOf, fieldShortKey, recordFields } from './index.ts';

describe('the maintenance interval in the field catalogue', () => {
  it('is a whole number with a label and a column heading in both languages', () => {
    expect(fieldOf('instruments', 'maintenanceIntervalMonths')).toMatchObject({ kind: 'int' });
    const label = { key: 'fields.instruments.maintenanceIntervalMonths' };
    expect(translate(label, 'de')).toBe('Wartung alle … Monate');
    expect(translate(label, 'en')).toBe('Service every … months');
    const heading = { key: fieldShortKey('instruments', 'maintenanceIntervalMonths') };
    expect(translate(heading, 'de')).toBe('Wartungsintervall (Monate)');
    expect(translate(heading, 'en')).toBe('Service interval (months)');
  });

  it('is exported after the instrument’s data and before the notes', () => {
    const exported = recordFields('instruments')
      .filter((f) => !f.noExport)
      .map((f) => f.field);
    expect(exported.slice(-3)).toEqual(['registerId', 'maintenanceIntervalMonths', 'notes']);
  });

  it('is proposed for the columns old programs and Tutti’s own exports name it by', () => {
    for (const column of ['Wartungsintervall', 'Service interval (months)', 'Wartung alle Monate'])
      expect(proposeColumns('instruments', ['InvNr', 'Instrument', column])).toEqual({
        InvNr: 'inventoryNumber',
        Instrument: 'kind',
        [column]: 'maintenanceIntervalMonths',
      });
    expect(proposeColumns('instruments', ['Wartungsintervall (Monate)', 'Bemerkung'])).toEqual({
      'Wartungsintervall (Monate)': 'maintenanceIntervalMonths',
      Bemerkung: 'notes',
    });
    // The date of the last service is no interval.
    expect(
      Object.values(proposeColumns('instruments', ['Wartung', 'Letzte Wartung'])),
    ).not.toContain('maintenanceIntervalMonths');
  });

  it('is imported as a whole number; the record’s rules say which numbers fit', () => {
    const target = targetOf('instruments', 'maintenanceIntervalMonths')!;
    expect(target.kind).toBe('int');
    expect(cleanCell(target.kind, '12', target.field, '2026-01-01').value).toBe(12);
    expect(cleanCell(target.kind, '', target.field, '2026-01-01').value).toBeNull();
  });
});
