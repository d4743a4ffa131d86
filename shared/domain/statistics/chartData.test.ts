import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../messages/language.ts';
import { msg } from '../../messages/message.ts';
import { ATTENDANCE_SERIES } from './attendanceCharts.ts';
import { labelText, namedSeries, percent } from './chartData.ts';
import { PYRAMID_SERIES, REGISTER_SERIES, YEAR_SERIES } from './memberCharts.ts';

/** Share in tenths of a percent, rounded half up, in whole numbers only. */
function exactPercent(part: number, whole: number): number {
  if (whole === 0) return 0;
  const tenths = part * 1000;
  const quotient = Math.floor(tenths / whole);
  const rest = tenths - quotient * whole;
  return (2 * rest >= whole ? quotient + 1 : quotient) / 10;
}

describe('percent', () => {
  it('rounds a share to one decimal as it is shown', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(3, 3)).toBe(100);
    expect(percent(0, 7)).toBe(0);
  });

  it('rounds a half up, also where the division is inexact in binary', () => {
    expect(percent(1, 16)).toBe(6.3);
    // 50.25 % and 50.75 %: a season of 400 entries in a register is no rarity.
    expect(percent(201, 400)).toBe(50.3);
    expect(percent(203, 400)).toBe(50.8);
    expect(percent(1001, 2000)).toBe(50.1);
  });

  it('says 0 for a share of nothing rather than NaN', () => {
    expect(percent(0, 0)).toBe(0);
  });

  it('equals the share rounded half up in whole-number arithmetic', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5000 })
          .chain((whole) => fc.tuple(fc.integer({ min: 0, max: whole }), fc.constant(whole))),
        ([part, whole]) => {
          expect(percent(part, whole)).toBe(exactPercent(part, whole));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('labels', () => {
  it('shows the club’s own words as they are, catalogue words and messages in the language', () => {
    expect(labelText({ text: 'Hohes Blech' }, 'en')).toBe('Hohes Blech');
    expect(labelText({ words: { de: 'defekt', en: 'broken' } }, 'en')).toBe('broken');
    expect(labelText({ words: { de: 'defekt', en: 'broken' } }, 'de')).toBe('defekt');
    expect(labelText({ message: msg('statistics.noRegister') }, 'de')).toBe('ohne Register');
    expect(labelText({ message: msg('statistics.bands.range', { from: 20, to: 29 }) }, 'de')).toBe(
      '20–29',
    );
  });

  it('has words for every series in both languages (never a bare message key)', () => {
    const ids = [
      ...YEAR_SERIES,
      ...PYRAMID_SERIES,
      ...REGISTER_SERIES,
      ...ATTENDANCE_SERIES,
      'instruments',
      'noCondition',
    ];
    for (const series of namedSeries(ids)) {
      for (const language of LANGUAGES) {
        const text = labelText(series.label, language);
        expect(text, `${series.id} in ${language}`).not.toMatch(/^statistics\./);
        expect(text.length).toBeGreaterThan(0);
      }
    }
  });

  it('names each series by its id, in the order given', () => {
    expect(namedSeries(['present', 'absent'])).toEqual([
      { id: 'present', label: { message: msg('statistics.series.present') } },
      { id: 'absent', label: { message: msg('statistics.series.absent') } },
    ]);
  });
});
