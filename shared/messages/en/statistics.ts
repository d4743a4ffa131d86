import type { statistics as de } from '../de/statistics.ts';
import type { Texts } from '../textTypes.ts';

export const statistics: Texts<typeof de> = {
  title: 'Statistics',
  charts: {
    membersByYear: 'Members by year and status',
    agePyramid: 'Age pyramid',
    membersPerRegister: 'Members per section',
    attendanceByRegister: 'Attendance per section',
    attendanceByMember: 'Attendance per member',
    instrumentsByCondition: 'Instruments by condition',
    instrumentsByRegister: 'Instruments per section and condition',
  },
  category: {
    membersByYear: 'Year',
    agePyramid: 'Age',
    membersPerRegister: 'Section',
    attendanceByRegister: 'Section',
    attendanceByMember: 'Member',
    instrumentsByCondition: 'Condition',
    instrumentsByRegister: 'Section',
  },
  series: {
    aktiv: 'active',
    jugend: 'youth',
    passiv: 'supporting',
    ehrenmitglied: 'honorary member',
    pause: 'on a break',
    unknown: 'status unknown',
    m: 'male',
    w: 'female',
    d: 'diverse',
    none: 'not stated',
    present: 'present',
    excused: 'excused',
    absent: 'absent without excuse',
    instruments: 'Instruments',
    noCondition: 'no condition',
  },
  bands: { range: '{{from}}–{{to}}', from: '{{from}} and older' },
  todayLabel: 'today ({{date}})',
  noRegister: 'no section',
  total: 'Total',
  entries: 'Entries',
  season: 'Season {{from}} to {{to}}',
  years: '{{from}} to {{to}}',
  print: {
    continued: 'Chart, continued',
    capped: 'The chart shows the first {{shown}} of {{total}}; the table after it lists them all.',
  },
  notes: {
    yearStart:
      'Counted as on 1 January of each year, as in the annual report, and as today, from the membership history.',
    statusUnknown:
      '“Status unknown”: members without an entry date or with a period without a status – add it under “History” in the member.',
    membersHidden: 'Your role does not see every member: only those it sees are counted.',
    attendanceHidden: 'Your role does not see attendance: this chart is not available to it.',
    instrumentsHidden: 'Your role does not see instruments: this chart is not available to it.',
    yearsInFuture: 'The start year lies in the future: there are no figures for it yet.',
    instrumentsPartial: 'Your role does not see every instrument: only those it sees are counted.',
    registerUnknown:
      'This section does not exist on this device (any more): please choose another.',
    birthDatesHidden: 'The age pyramid needs birth dates, and your role sees none.',
    withoutBirthDate_one: '1 member without a birth date is not counted.',
    withoutBirthDate_other: '{{count}} members without a birth date are not counted.',
    pyramidSides:
      'Male on the left, female on the right; diverse and not stated beside them on the right. Today’s members are counted.',
    severalRegisters: 'A member in two sections counts in both; former members do not count.',
    attendanceShares:
      'Shares of the recorded attendance in percent; events without an attendance list do not count.',
    noAttendance: 'No attendance is recorded in this period.',
    registerNow:
      'A member counts for the sections they are in today; the attendance list does not keep the section of the day.',
  },
};
