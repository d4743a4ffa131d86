/**
 * Every chart of the statistics (issue #24) by name: what a screen or an export asks for
 * (checked like every argument that crosses a process boundary) and the figures it gets.
 */
import { z } from 'zod';
import { msg } from '../../messages/message.ts';
import type { Attendance } from '../attendance.ts';
import { isCalendarDate } from '../dates.ts';
import type { ClubEvent } from '../event.ts';
import { uuid } from '../fields.ts';
import type { Instrument } from '../instrument.ts';
import type { Member } from '../member.ts';
import type { Register } from '../register.ts';
import { attendanceByMember, attendanceByRegister } from './attendanceCharts.ts';
import type { ChartOutcome } from './chartData.ts';
import { instrumentsByCondition, instrumentsByRegister } from './instrumentCharts.ts';
import { agePyramid, membersByYear, membersPerRegister } from './memberCharts.ts';

export const CHART_IDS = [
  'membersByYear',
  'agePyramid',
  'membersPerRegister',
  'attendanceByRegister',
  'attendanceByMember',
  'instrumentsByCondition',
  'instrumentsByRegister',
] as const;
export type ChartId = (typeof CHART_IDS)[number];

const year = z.number().int().min(1900).max(2100);
const day = z.string().refine(isCalendarDate);
/** A season is at most a few years; longer ones are a typo. */
const season = { from: day, to: day };
/** Compared as text, so the year is padded: "0024" + 5 must read "0029", not "29" (> "2025"). */
const seasonInOrder = (s: { from: string; to: string }) =>
  s.from <= s.to &&
  s.to <= `${String(Number(s.from.slice(0, 4)) + 5).padStart(4, '0')}${s.from.slice(4)}`;

export const chartRequestSchema = z.discriminatedUnion('chart', [
  z
    .object({ chart: z.literal('membersByYear'), fromYear: year, toYear: year })
    .refine((r) => r.fromYear <= r.toYear && r.toYear - r.fromYear <= 100),
  z.object({ chart: z.literal('agePyramid') }),
  z.object({ chart: z.literal('membersPerRegister') }),
  z.object({ chart: z.literal('attendanceByRegister'), ...season }).refine(seasonInOrder),
  z
    .object({
      chart: z.literal('attendanceByMember'),
      ...season,
      registerId: uuid.nullable(),
    })
    .refine(seasonInOrder),
  z.object({ chart: z.literal('instrumentsByCondition') }),
  z.object({ chart: z.literal('instrumentsByRegister') }),
]);
export type ChartRequest = z.output<typeof chartRequestSchema>;

export interface StatisticsInput {
  members: readonly Member[];
  registers: readonly Register[];
  instruments: readonly Instrument[];
  events: readonly ClubEvent[];
  attendance: readonly Attendance[];
  birthDatesKnown: boolean;
  allMembersVisible: boolean;
  /** The role reads attendance and events (false: the attendance charts are refused). */
  attendanceReadable?: boolean;
  /** The role reads instruments (false: the instrument charts are refused). */
  instrumentsReadable?: boolean;
  /** The role reads every instrument (false: the instrument charts say they are partial). */
  allInstrumentsVisible?: boolean;
  today: string;
}

const refused = (key: string): ChartOutcome => ({ ok: false, reason: msg(key) });

export function chartOf(request: ChartRequest, input: StatisticsInput): ChartOutcome {
  switch (request.chart) {
    case 'membersByYear':
      return membersByYear(input, request.fromYear, request.toYear);
    case 'agePyramid':
      return agePyramid(input);
    case 'membersPerRegister':
      return membersPerRegister(input);
    case 'attendanceByRegister':
      if (input.attendanceReadable === false) return refused('statistics.notes.attendanceHidden');
      return attendanceByRegister(input, request);
    case 'attendanceByMember':
      if (input.attendanceReadable === false) return refused('statistics.notes.attendanceHidden');
      return attendanceByMember(input, request, request.registerId);
    case 'instrumentsByCondition':
      if (input.instrumentsReadable === false) return refused('statistics.notes.instrumentsHidden');
      return instrumentsByCondition(input);
    case 'instrumentsByRegister':
      if (input.instrumentsReadable === false) return refused('statistics.notes.instrumentsHidden');
      return instrumentsByRegister(input);
  }
}
