import { describe, expect, it } from 'vitest';
import { dateOf, dayNumber, shiftYears } from './activeYears.ts';

describe('days and dates by arithmetic', () => {
  it('agree with the calendar for every day from 1800 to 2200', () => {
    for (let t = Date.UTC(1800, 0, 1); t < Date.UTC(2200, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const day = t / 86_400_000;
      if (dayNumber(iso) !== day || dateOf(day) !== iso)
        expect([dayNumber(iso), dateOf(day)]).toEqual([day, iso]);
    }
  });

  it('shift 29 February to 1 March forward and 28 February back in a common year', () => {
    expect(shiftYears('2000-02-29', 1)).toBe('2001-03-01');
    expect(shiftYears('2000-02-29', -1)).toBe('1999-02-28');
    expect(shiftYears('2000-02-29', 4)).toBe('2004-02-29');
    expect(shiftYears('1900-03-01', 100)).toBe('2000-03-01');
  });
});
