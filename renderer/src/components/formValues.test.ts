import { describe, expect, it } from 'vitest';
import { numberFromForm } from './formValues.ts';

describe('a number field’s value for the record', () => {
  it('is the number typed, and null when empty', () => {
    expect(numberFromForm(12)).toBe(12);
    expect(numberFromForm('24')).toBe(24);
    expect(numberFromForm('')).toBeNull();
    expect(numberFromForm('  ')).toBeNull();
  });

  it('passes what is no number on unchanged, so the schema refuses it at the field', () => {
    expect(numberFromForm('1,5')).toBe(1.5);
    expect(numberFromForm('zwölf')).toBe('zwölf');
  });
});
