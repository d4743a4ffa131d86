import { describe, expect, it } from 'vitest';
import {
  cleanDate,
  cleanEmail,
  cleanIban,
  cleanMemberStatus,
  cleanMoney,
  cleanPhone,
} from './cleanValues.ts';
import { importTextIn } from './importText.ts';
import type { ImportText } from './importTextShape.ts';
import { germanIbanFromAccount } from './legacyAccount.ts';

const TODAY = '2026-11-27';

/** A warning or cleaning in words, German (the member's fields' labels). */
const de = (text: ImportText | undefined) => (text ? importTextIn(text, 'de', 'members') : '');

describe('cleaning source values', () => {
  it('takes dates as calendar dates, flags suspicious ones and keeps impossible ones', () => {
    expect(cleanDate('1939-08-20', 'birthDate', TODAY)).toEqual({
      value: '1939-08-20',
      cleaned: undefined,
    });
    expect(cleanDate('20.08.1939', 'birthDate', TODAY).value).toBe('1939-08-20');
    const withTime = cleanDate('1939-08-20 13:45:00', 'birthDate', TODAY);
    expect(withTime.value).toBe('1939-08-20');
    expect(de(withTime.cleaned)).toMatch(/Uhrzeit/);
    expect(de(cleanDate('1899-12-30', 'entryDate', TODAY).warning)).toBe(
      'Eintritt 30.12.1899 liegt vor 1900 – bitte prüfen.',
    );
    expect(de(cleanDate('01.01.2031', 'entryDate', TODAY).warning)).toMatch(/Zukunft/);
    expect(cleanDate('31.02.2001', 'entryDate', TODAY)).toMatchObject({
      value: null,
      keep: '31.02.2001',
    });
  });

  it('turns euros into exact cents', () => {
    expect(cleanMoney('8122.7400', 'purchasePrice').value).toBe(812_274);
    expect(cleanMoney('1.234,50 €', 'purchasePrice').value).toBe(123_450);
    expect(cleanMoney('1.234,50 EUR', 'purchasePrice').value).toBe(123_450);
    // More than two decimal places in German notation is no amount: kept, not cut to 12,34.
    expect(cleanMoney('12,345', 'purchasePrice')).toMatchObject({
      value: null,
      keep: '12,345',
    });
    expect(cleanMoney(0.1 + 0.2, 'purchasePrice').value).toBe(30);
    const rounded = cleanMoney('19.9950', 'purchasePrice');
    expect(rounded.value).toBe(2000);
    expect(de(rounded.warning)).toMatch(/gerundet/);
    expect(cleanMoney('-5', 'purchasePrice')).toMatchObject({ value: null, keep: '-5' });
    expect(cleanMoney('teuer', 'purchasePrice')).toMatchObject({
      value: null,
      keep: 'teuer',
    });
  });

  it('normalises e-mail addresses and phone numbers, keeping what does not fit', () => {
    expect(cleanEmail(' mailto:Anna.B@Example.ORG ', 'email').value).toBe('anna.b@example.org');
    expect(cleanEmail('anna at example', 'email')).toMatchObject({
      value: null,
      keep: 'anna at example',
    });
    expect(cleanPhone('Tel. 06221/12345 (abends)', 'phone')).toMatchObject({
      value: '06221/12345',
      keep: 'Tel. 06221/12345 (abends)',
    });
  });

  it('reads the statuses old programs use', () => {
    expect(cleanMemberStatus('Ehrenmitglied', 'status').value).toBe('ehrenmitglied');
    expect(cleanMemberStatus('Fördermitglied', 'status').value).toBe('passiv');
    expect(cleanMemberStatus('verstorben', 'status').value).toBe('ausgetreten');
    expect(cleanMemberStatus('Zögling', 'status').value).toBe('jugend');
    expect(cleanMemberStatus('Vorstand', 'status')).toMatchObject({
      value: null,
      keep: 'Vorstand',
    });
  });
});

describe('values a rule refuses, kept as the source had them', () => {
  it('keeps an IBAN with a wrong check digit in its field, flagged, without quoting it', () => {
    const result = cleanIban('DE89 3704 0044 0532 0130 01', 'iban');
    expect(result).toMatchObject({ value: 'DE89370400440532013001', review: true });
    expect(de(result.warning)).toMatch(/^Die IBAN ist ungültig/);
    expect(de(result.warning)).not.toMatch(/0532/);
    expect(result.keep).toBeUndefined();
  });

  it('keeps an e-mail address with umlauts in its field, flagged', () => {
    expect(cleanEmail('Jürgen@Blasmusik.de', 'email')).toMatchObject({
      value: 'jürgen@blasmusik.de',
      review: true,
    });
  });

  it('never quotes a sensitive date in a message', () => {
    const result = cleanDate('um 1950', 'birthDate', '2026-12-06', true);
    expect(result).toMatchObject({ value: null, keep: 'um 1950' });
    expect(de(result.warning)).toBe(
      'Geburtsdatum ist kein gültiges Datum; unter „Weitere Angaben aus dem Import“ aufbewahrt.',
    );
    expect(de(cleanDate('1890-05-01', 'birthDate', '2026-12-06', true).warning)).not.toMatch(
      /1890/,
    );
  });

  it('turns a German account number and bank code into an IBAN', () => {
    expect(germanIbanFromAccount('370 400 44', '532013000')).toBe('DE89370400440532013000');
    expect(germanIbanFromAccount('3704004', '532013000')).toBeNull();
    expect(germanIbanFromAccount('37040044', '0000')).toBeNull();
  });
});
