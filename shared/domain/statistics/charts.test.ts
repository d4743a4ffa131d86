import { describe, expect, it } from 'vitest';
import { msg } from '../../messages/message.ts';
import { validateRecord } from '../entities.ts';
import { newId } from '../ids.ts';
import type { Member } from '../member.ts';
import { attendanceByMember, attendanceByRegister } from './attendanceCharts.ts';
import {
  CHART_IDS,
  type ChartRequest,
  chartOf,
  chartRequestSchema,
  type StatisticsInput,
} from './charts.ts';
import { instrumentsByCondition, instrumentsByRegister } from './instrumentCharts.ts';
import { agePyramid, membersByYear, membersPerRegister } from './memberCharts.ts';

const accepts = (request: unknown) => chartRequestSchema.safeParse(request).success;
const season = (from: string, to: string) => ({ chart: 'attendanceByRegister', from, to });

describe('chart request', () => {
  it('accepts a season in order, also of one day', () => {
    expect(accepts(season('2024-09-01', '2025-07-31'))).toBe(true);
    expect(accepts(season('2025-01-01', '2025-01-01'))).toBe(true);
  });

  it('refuses a season that ends before it starts', () => {
    expect(accepts(season('2025-07-31', '2024-09-01'))).toBe(false);
    expect(accepts(season('2025-01-02', '2025-01-01'))).toBe(false);
  });

  it('refuses a season longer than five years', () => {
    expect(accepts(season('2020-01-01', '2025-01-01'))).toBe(true);
    expect(accepts(season('2020-01-01', '2025-01-02'))).toBe(false);
    expect(accepts(season('2020-02-29', '2025-02-28'))).toBe(true);
    expect(accepts(season('2020-02-29', '2025-03-01'))).toBe(false);
  });

  it('refuses a season whose start has a typo in the year', () => {
    // "0024" for "2024": a season of two thousand years.
    expect(accepts(season('0024-09-01', '2025-07-31'))).toBe(false);
    expect(accepts(season('0998-09-01', '2025-07-31'))).toBe(false);
  });

  it('refuses days that are no calendar days', () => {
    expect(accepts(season('2025-02-30', '2025-03-31'))).toBe(false);
    expect(accepts(season('01.09.2024', '2025-07-31'))).toBe(false);
  });

  it('refuses unknown charts and a request without one', () => {
    expect(accepts({ chart: 'membersByShoeSize' })).toBe(false);
    expect(accepts({})).toBe(false);
    expect(accepts(null)).toBe(false);
  });

  it('accepts every chart it names', () => {
    const requests: Record<(typeof CHART_IDS)[number], unknown> = {
      membersByYear: { chart: 'membersByYear', fromYear: 2000, toYear: 2026 },
      agePyramid: { chart: 'agePyramid' },
      membersPerRegister: { chart: 'membersPerRegister' },
      attendanceByRegister: season('2024-09-01', '2025-07-31'),
      attendanceByMember: {
        chart: 'attendanceByMember',
        from: '2024-09-01',
        to: '2025-07-31',
        registerId: null,
      },
      instrumentsByCondition: { chart: 'instrumentsByCondition' },
      instrumentsByRegister: { chart: 'instrumentsByRegister' },
    };
    for (const id of CHART_IDS) expect(accepts(requests[id]), id).toBe(true);
  });

  it('asks the attendance per member for a register id or null', () => {
    const request = { chart: 'attendanceByMember', from: '2024-09-01', to: '2025-07-31' };
    expect(accepts({ ...request, registerId: newId() })).toBe(true);
    expect(accepts({ ...request, registerId: 'Holz' })).toBe(false);
    expect(accepts({ ...request, registerId: null, from: '2025-08-01' })).toBe(false);
  });

  it('refuses years out of order or out of range', () => {
    expect(accepts({ chart: 'membersByYear', fromYear: 2026, toYear: 2000 })).toBe(false);
    expect(accepts({ chart: 'membersByYear', fromYear: 1800, toYear: 2000 })).toBe(false);
    expect(accepts({ chart: 'membersByYear', fromYear: 2000.5, toYear: 2001 })).toBe(false);
    expect(accepts({ chart: 'membersByYear', fromYear: 2026, toYear: 2026 })).toBe(true);
  });
});

function member(fields: Record<string, unknown>): Member {
  const result = validateRecord('members', {
    id: newId(),
    lastName: 'M',
    status: 'aktiv',
    ...fields,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

describe('chartOf', () => {
  const register = validateRecord('registers', { id: newId(), name: 'Holz', sortOrder: 1 });
  if (!register.ok) throw new Error('register');
  const holz = register.value;
  const rehearsal = validateRecord('events', {
    id: newId(),
    kind: 'probe',
    title: 'Probe',
    date: '2025-01-15',
  });
  if (!rehearsal.ok) throw new Error('event');
  const anna = member({
    firstName: 'Anna',
    birthDate: '1990-05-05',
    gender: 'w',
    entryDate: '2010-01-01',
    registerIds: [holz.id],
  });
  const bert = member({ firstName: 'Bert', entryDate: '2020-01-01', status: 'passiv' });
  const clarinet = validateRecord('instruments', {
    id: newId(),
    inventoryNumber: 'K-1',
    kind: 'Klarinette',
    condition: 'gut',
    registerId: holz.id,
  });
  if (!clarinet.ok) throw new Error('instrument');
  const input: StatisticsInput = {
    members: [anna, bert],
    registers: [holz],
    instruments: [clarinet.value],
    events: [rehearsal.value],
    attendance: [
      { id: newId(), eventId: rehearsal.value.id, memberId: anna.id, status: 'present' },
      { id: newId(), eventId: rehearsal.value.id, memberId: bert.id, status: 'excused' },
    ],
    birthDatesKnown: true,
    allMembersVisible: true,
    today: '2026-04-15',
  };
  const from = '2024-09-01';
  const to = '2025-07-31';

  it('draws the chart asked for with the request’s arguments', () => {
    const cases: [ChartRequest, ReturnType<typeof chartOf>][] = [
      [{ chart: 'membersByYear', fromYear: 2018, toYear: 2026 }, membersByYear(input, 2018, 2026)],
      [{ chart: 'agePyramid' }, agePyramid(input)],
      [{ chart: 'membersPerRegister' }, membersPerRegister(input)],
      [{ chart: 'attendanceByRegister', from, to }, attendanceByRegister(input, { from, to })],
      [
        { chart: 'attendanceByMember', from, to, registerId: holz.id },
        attendanceByMember(input, { from, to }, holz.id),
      ],
      [{ chart: 'instrumentsByCondition' }, instrumentsByCondition(input)],
      [{ chart: 'instrumentsByRegister' }, instrumentsByRegister(input)],
    ];
    expect(cases.map(([request]) => request.chart)).toEqual([...CHART_IDS]);
    for (const [request, expected] of cases)
      expect(chartOf(request, input), request.chart).toEqual(expected);
  });

  it('passes the register filter and the season through', () => {
    const outcome = chartOf({ chart: 'attendanceByMember', from, to, registerId: holz.id }, input);
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.chart.categories.map((c) => c.id)).toEqual([anna.id]);
    const later = chartOf(
      { chart: 'attendanceByMember', from: '2025-02-01', to, registerId: null },
      input,
    );
    if (!later.ok) throw new Error('refused');
    expect(later.chart.categories).toEqual([]);
  });

  it('refuses the age pyramid to a role without birth dates', () => {
    expect(chartOf({ chart: 'agePyramid' }, { ...input, birthDatesKnown: false })).toEqual({
      ok: false,
      reason: msg('statistics.notes.birthDatesHidden'),
    });
  });
});
