import { describe, expect, it } from 'vitest';
import {
  formatCents,
  formatGermanDate,
  isCalendarDate,
  parseEuroToCents,
  parseGermanDate,
} from './dates.ts';

describe('calendar dates', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-13-01')).toBe(false);
    expect(isCalendarDate('1939-08-20T00:00:00Z')).toBe(false);
  });

  it('reads what a secretary types', () => {
    expect(parseGermanDate('20.08.1939')).toBe('1939-08-20');
    expect(parseGermanDate(' 1.2.2024 ')).toBe('2024-02-01');
    expect(parseGermanDate('15.1.24', '2026-11-27')).toBe('2024-01-15');
    // A two-digit year in the future is a birth year of the last century.
    expect(parseGermanDate('20.08.39', '2026-11-27')).toBe('1939-08-20');
    expect(parseGermanDate('31.04.2024')).toBeNull();
    expect(parseGermanDate('gestern')).toBeNull();
  });

  it('shows TT.MM.JJJJ', () => {
    expect(formatGermanDate('1939-08-20')).toBe('20.08.1939');
    expect(formatGermanDate(null)).toBe('');
  });
});

describe('money in cents', () => {
  it('formats and reads euro amounts without floating point', () => {
    expect(formatCents(124950)).toBe('1.249,50');
    expect(formatCents(5)).toBe('0,05');
    expect(parseEuroToCents('1.249,50')).toBe(124950);
    expect(parseEuroToCents('1249,5')).toBe(124950);
    expect(parseEuroToCents('0,10 €')).toBe(10);
    expect(parseEuroToCents('19.99')).toBe(1999);
    expect(parseEuroToCents('12,345')).toBeNull();
    expect(parseEuroToCents('zwölf')).toBeNull();
  });
});
