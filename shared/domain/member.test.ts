import { describe, expect, it } from 'vitest';
import { validateRecord } from './entities.ts';
import { newId } from './ids.ts';

const base = { id: newId(), firstName: 'Anna', lastName: 'Bläser', status: 'aktiv' };

function errorsOf(fields: Record<string, unknown>) {
  const result = validateRecord('members', { ...base, ...fields });
  return result.ok ? {} : result.fieldErrors;
}

describe('member validation', () => {
  it('accepts a minimal member and fills defaults', () => {
    const result = validateRecord('members', base);
    expect(result).toMatchObject({
      ok: true,
      value: { country: 'DE', registerIds: [], email: null, feeExempt: false },
    });
  });

  it('names a missing last name in German', () => {
    expect(errorsOf({ lastName: '  ' })).toEqual({ lastName: 'Bitte den Nachnamen angeben.' });
  });

  it('refuses an invisible NUL character that the server could not store', () => {
    expect(errorsOf({ lastName: 'Mül\u0000ler', notes: 'a\u0000b' })).toEqual({
      lastName: 'Der Text enthält ein unsichtbares Steuerzeichen (NUL); bitte neu eingeben.',
      notes: 'Der Text enthält ein unsichtbares Steuerzeichen (NUL); bitte neu eingeben.',
    });
  });

  it('checks IBAN check digits and stores the electronic format', () => {
    expect(errorsOf({ iban: 'DE89 3704 0044 0532 0130 01' })).toEqual({
      iban: 'Die IBAN ist ungültig: Prüfsumme stimmt nicht.',
    });
    expect(errorsOf({ iban: 'DE89 3704 0044 0532 0130' }).iban).toMatch(/falsche Länge/);
    expect(errorsOf({ iban: 'XX89 3704 0044 0532 0130 00' }).iban).toMatch(/Ländercode/);
    const ok = validateRecord('members', { ...base, iban: 'de89 3704 0044 0532 0130 00' });
    expect(ok.ok && ok.value.iban).toBe('DE89370400440532013000');
  });

  it('checks e-mail, postal code and phone', () => {
    expect(errorsOf({ email: 'anna@' }).email).toMatch(/E-Mail-Adresse ist ungültig/);
    expect(errorsOf({ postalCode: '7910' }).postalCode).toBe(
      'Die Postleitzahl muss aus fünf Ziffern bestehen.',
    );
    expect(errorsOf({ postalCode: '6020', country: 'AT' })).toEqual({});
    expect(errorsOf({ phone: '0761/12 34 56' })).toEqual({});
    expect(errorsOf({ phone: 'ruf an' }).phone).toMatch(/nur Ziffern/);
  });

  it('normalises the e-mail address', () => {
    const result = validateRecord('members', { ...base, email: ' Anna.Blaeser@Example.DE ' });
    expect(result.ok && result.value.email).toBe('anna.blaeser@example.de');
  });

  it('refuses impossible dates and an exit before the entry', () => {
    expect(errorsOf({ birthDate: '2023-02-29' }).birthDate).toBe(
      'Bitte ein gültiges Datum als TT.MM.JJJJ eingeben.',
    );
    expect(errorsOf({ entryDate: '2020-05-01', exitDate: '2019-12-31' })).toEqual({
      exitDate: 'Das Austrittsdatum darf nicht vor dem Eintrittsdatum liegen.',
    });
    expect(errorsOf({ status: 'ausgetreten' }).exitDate).toMatch(/Austrittsdatum angeben/);
  });

  it('refuses unknown status values and wrong types with German messages', () => {
    expect(errorsOf({ status: 'verstorben' }).status).toBe('Bitte einen Status wählen.');
    expect(errorsOf({ consentPhotos: 'ja' }).consentPhotos).toMatch(/Ungültige Eingabe|erwartet/);
  });
});
