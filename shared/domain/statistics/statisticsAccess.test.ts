import { describe, expect, it } from 'vitest';
import type { EntityName } from '../entities.ts';
import { chartOf } from './charts.ts';
import { type StatisticsRights, statisticsInput } from './statisticsAccess.ts';

const DATA = { members: [], registers: [], instruments: [], events: [], attendance: [] };
const TODAY = '2026-12-07';

/** Rights that read `readable` (all of them unless `partly`), with or without birth dates. */
function rights(
  readable: EntityName[],
  options: { partly?: EntityName[]; sensitive?: boolean } = {},
): StatisticsRights {
  return {
    may: (entity) => readable.includes(entity),
    mayReadAll: (entity) => readable.includes(entity) && !options.partly?.includes(entity),
    mayReadSensitive: () => options.sensitive ?? false,
  };
}

describe('what a role’s rights mean for the statistics', () => {
  it('refuses the instrument charts to a role without instruments, never drawing zeros', () => {
    const role = rights(['members', 'registers']);
    for (const chart of ['instrumentsByCondition', 'instrumentsByRegister'] as const) {
      const outcome = chartOf({ chart }, statisticsInput(DATA, role, chart, TODAY));
      expect(outcome).toEqual({
        ok: false,
        reason: { key: 'statistics.notes.instrumentsHidden' },
      });
    }
  });

  it('refuses the attendance charts to a role without attendance', () => {
    const role = rights(['members', 'registers', 'events']);
    const request = {
      chart: 'attendanceByRegister',
      from: '2026-01-01',
      to: '2026-12-31',
    } as const;
    const outcome = chartOf(request, statisticsInput(DATA, role, request.chart, TODAY));
    expect(outcome.ok ? null : outcome.reason.key).toBe('statistics.notes.attendanceHidden');
  });

  it('says an attendance chart is partial when the role sees only some attendance', () => {
    const role = rights(['members', 'registers', 'events', 'attendance'], {
      partly: ['attendance'],
    });
    const request = {
      chart: 'attendanceByRegister',
      from: '2026-01-01',
      to: '2026-12-31',
    } as const;
    const outcome = chartOf(request, statisticsInput(DATA, role, request.chart, TODAY));
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.chart.notes.map((n) => n.key)).toContain('statistics.notes.membersHidden');
    // The member charts of the same role count every member: no such note there.
    const members = chartOf(
      { chart: 'membersPerRegister' },
      statisticsInput(DATA, role, 'membersPerRegister', TODAY),
    );
    if (!members.ok) throw new Error('refused');
    expect(members.chart.notes.map((n) => n.key)).not.toContain('statistics.notes.membersHidden');
  });

  it('gives the age pyramid only to a role with birth dates', () => {
    const without = rights(['members']);
    const withDates = rights(['members'], { sensitive: true });
    const ask = (role: StatisticsRights) =>
      chartOf({ chart: 'agePyramid' }, statisticsInput(DATA, role, 'agePyramid', TODAY)).ok;
    expect(ask(without)).toBe(false);
    expect(ask(withDates)).toBe(true);
  });
});
