import { describe, expect, it } from 'vitest';
import { translate } from '../messages/translate.ts';
import { strictSchemaOf, validateRecord } from './entities.ts';
import { newId } from './ids.ts';

const base = { id: newId(), inventoryNumber: 'T-01', kind: 'Trompete' };

function interval(value: unknown) {
  return validateRecord('instruments', { ...base, maintenanceIntervalMonths: value });
}

describe('the maintenance interval of an instrument', () => {
  it.each([1, 12, 120])('takes %i months', (months) => {
    expect(interval(months)).toMatchObject({
      ok: true,
      value: { maintenanceIntervalMonths: months },
    });
  });

  it('is empty when left out, empty or null', () => {
    for (const value of [undefined, '', null])
      expect(interval(value)).toMatchObject({
        ok: true,
        value: { maintenanceIntervalMonths: null },
      });
    expect(validateRecord('instruments', base)).toMatchObject({
      ok: true,
      value: { maintenanceIntervalMonths: null },
    });
  });

  it('refuses 0 and 121 months, saying what fits in both languages', () => {
    for (const value of [0, 121, -3]) {
      const result = interval(value);
      expect(result.ok, String(value)).toBe(false);
      if (result.ok) continue;
      const message = result.fieldErrors.maintenanceIntervalMonths!;
      expect(message.key).toBe('validation.maintenanceInterval');
      expect(translate(message, 'de')).toBe(
        'Bitte eine ganze Zahl von 1 bis 120 Monaten eingeben.',
      );
      expect(translate(message, 'en')).toBe('Please enter a whole number of months from 1 to 120.');
    }
  });

  it('refuses a fraction and a text at the field', () => {
    expect(interval(1.5)).toMatchObject({
      ok: false,
      fieldErrors: { maintenanceIntervalMonths: { key: 'validation.wholeNumber' } },
    });
    expect(interval('zwölf')).toMatchObject({
      ok: false,
      fieldErrors: { maintenanceIntervalMonths: { key: 'validation.number' } },
    });
  });

  it('is a field the server accepts from a desktop', () => {
    const pushed = { ...base, maintenanceIntervalMonths: 24 };
    expect(strictSchemaOf('instruments').safeParse(pushed).success).toBe(true);
  });
});
