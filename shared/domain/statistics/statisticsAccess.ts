/**
 * What a role's rights mean for the statistics, in one place for the screen and the export: a
 * chart of records the role cannot read is refused (never drawn as zeros), and a chart of
 * records it sees only in part says so.
 */
import type { EntityName } from '../entities.ts';
import type { ChartRequest, StatisticsInput } from './charts.ts';

/** The part of a device's rights the statistics ask (shared/rights/deviceRights.ts). */
export interface StatisticsRights {
  may(entity: EntityName, action: 'read'): boolean;
  mayReadAll(entity: EntityName): boolean;
  mayReadSensitive(entity: EntityName): boolean;
}

export type StatisticsData = Pick<
  StatisticsInput,
  'members' | 'registers' | 'instruments' | 'events' | 'attendance'
>;

const ATTENDANCE_CHARTS: readonly ChartRequest['chart'][] = [
  'attendanceByRegister',
  'attendanceByMember',
];
const INSTRUMENT_CHARTS: readonly ChartRequest['chart'][] = [
  'instrumentsByCondition',
  'instrumentsByRegister',
];

export function statisticsInput(
  data: StatisticsData,
  rights: StatisticsRights,
  chart: ChartRequest['chart'],
  today: string,
): StatisticsInput {
  const attendanceChart = ATTENDANCE_CHARTS.includes(chart);
  return {
    ...data,
    birthDatesKnown: rights.mayReadSensitive('members'),
    allMembersVisible:
      rights.mayReadAll('members') && (!attendanceChart || rights.mayReadAll('attendance')),
    attendanceReadable: rights.may('attendance', 'read') && rights.may('events', 'read'),
    instrumentsReadable: rights.may('instruments', 'read'),
    allInstrumentsVisible: rights.mayReadAll('instruments'),
    today,
  };
}

export { ATTENDANCE_CHARTS, INSTRUMENT_CHARTS };
