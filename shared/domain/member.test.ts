import { describe, expect, it } from 'vitest';
import type { Language } from '../messages/language.ts';
import { translate } from '../messages/translate.ts';
import { validateRecord } from './entities.ts';
import { newId } from './ids.ts';
import { memberSortName, settleReview } from './member.ts';

const base = { id: newId(), firstName: 'Anna', lastName: 'Bläser', status: 'aktiv' };

/** The messages per field, as the German UI says them. */
function errorsOf(fields: Record<string, unknown>, language: Language = 'de') {
  const result = validateRecord('members', { ...base, ...fields });
  if (result.ok) return {};
  return Object.fromEntries(
    Object.entries(result.fieldErrors).map(([field, message]) => [
      field,
      translate(message, language),
    ]),
  );
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
    expect(errorsOf({ firstName: null, lastName: '  ' })).toEqual({
      lastName: 'Bitte den Nachnamen angeben (bei Vereinen und Firmen den Namen).',
    });
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
    expect(errorsOf({ consentPhotos: 'ja' }).consentPhotos).toBe('Bitte Ja oder Nein wählen.');
  });
});

describe('members without a first name, long notes, values kept from an import', () => {
  it('accepts an organisation without a first name, and says what is missing in plain German', () => {
    const result = validateRecord('members', {
      ...base,
      firstName: null,
      lastName: 'Musikhaus Klang',
    });
    expect(result.ok && result.value.firstName).toBeNull();
    expect(memberSortName({ firstName: null, lastName: 'Musikhaus Klang' })).toBe(
      'Musikhaus Klang',
    );
    expect(errorsOf({ firstName: undefined, lastName: undefined })).toEqual({
      lastName: 'Bitte den Nachnamen angeben (bei Vereinen und Firmen den Namen).',
    });
    // A first name alone is a name too (an old row without the last name).
    expect(errorsOf({ firstName: 'Anna', lastName: null })).toEqual({});
  });

  it('takes notes as long as an Access memo, and no longer', () => {
    expect(errorsOf({ notes: 'x'.repeat(20_000) })).toEqual({});
    expect(errorsOf({ notes: 'x'.repeat(65_535) })).toEqual({});
    expect(errorsOf({ notes: 'x'.repeat(65_536) }).notes).toMatch(/65535/);
  });

  it('keeps values no field took, bounded so the record still syncs as one mutation', () => {
    expect(errorsOf({ importedValues: { KtoNr: '1234567', Bankname: 'Sparkasse' } })).toEqual({});
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`Spalte${i}`, 'x']));
    expect(errorsOf({ importedValues: many }).importedValues).toMatch(/Höchstens 100/);
    const long = { a: 'ä'.repeat(65_535), b: 'ä'.repeat(65_535), c: 'x'.repeat(10) };
    expect(errorsOf({ importedValues: long }).importedValues).toMatch(/zusammen zu lang/);
  });

  it('keeps a value as the source had it when the field is flagged for review, and only then', () => {
    const doubtful = {
      iban: 'DE89 3704 0044 0532 0130 01',
      postalCode: '1010',
      email: 'jürgen@blasmusik.de',
      sepaMandateReference: 'M-17',
    };
    expect(Object.keys(errorsOf(doubtful)).sort()).toEqual(['email', 'iban', 'postalCode']);
    const flagged = validateRecord('members', {
      ...base,
      ...doubtful,
      review: ['postalCode', 'email'],
      reviewSensitive: ['iban'],
    });
    expect(flagged.ok).toBe(true);
    expect(flagged.ok && flagged.value.iban).toBe('DE89370400440532013001');
  });

  it('drops a flag once its value was changed by hand or passes the rules', () => {
    const before = {
      ...base,
      postalCode: '1010',
      email: 'jürgen@blasmusik.de',
      iban: 'DE89370400440532013001',
      entryDate: null,
      bic: null,
      sepaMandateReference: null,
    };
    const flags = { review: ['email', 'postalCode'], reviewSensitive: ['iban'] };
    // Nothing changed: everything stays flagged.
    expect(settleReview(before, { ...before, ...flags })).toEqual(flags);
    // The country now says Austria, the e-mail address was retyped.
    expect(
      settleReview(before, { ...before, ...flags, country: 'AT', email: 'juergen@blasmusik.de' }),
    ).toEqual({ review: [], reviewSensitive: ['iban'] });
  });
});

describe('rules across fields', () => {
  it('compare only dates that are dates: an impossible birth date is reported at its field alone', () => {
    expect(errorsOf({ birthDate: '31.02.1985', entryDate: '2000-01-01' })).toEqual({
      birthDate: 'Bitte ein gültiges Datum als TT.MM.JJJJ eingeben.',
    });
  });
});

describe('member validation in English', () => {
  it('says every problem in English, with no German word', () => {
    // The rules across fields run once every field is valid: two records.
    expect(
      errorsOf({ iban: 'DE89 3704 0044 0532 0130 01', postalCode: '7910', email: 'anna@' }, 'en'),
    ).toEqual({
      iban: 'The IBAN is invalid: the checksum does not match.',
      postalCode: 'The postcode must have five digits.',
      email: 'The e-mail address is invalid (example: name@example.com).',
    });
    const english = errorsOf(
      {
        status: 'verstorben',
        title: 'x'.repeat(51),
        consentPhotos: 'ja',
        birthDate: '2023-02-29',
      },
      'en',
    );
    expect(english).toEqual({
      status: 'Please choose a status.',
      title: 'At most 50 characters.',
      consentPhotos: 'Please choose yes or no.',
      birthDate: 'Please enter a valid date as DD.MM.YYYY.',
    });
  });
});
