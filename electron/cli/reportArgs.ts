/**
 * The arguments of `tutti report`, checked before the profile is opened: which report, for
 * which year or period, in which format. Each mistake is one line saying what to give instead.
 */
import { AppError } from '../../shared/api/appError.ts';
import { isCalendarDate } from '../../shared/domain/dates.ts';
import { parseCommandArgs } from './args.ts';

export const REPORTS = ['honours', 'staerkemeldung', 'birthdays'] as const;
export type ReportName = (typeof REPORTS)[number];

const FORMATS = ['text', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof FORMATS)[number];
/** Formats that are files, not text for a terminal. */
export const FILE_FORMATS: readonly ReportFormat[] = ['xlsx', 'pdf'];

export type ReportRequest =
  | { report: 'honours'; year: number; ceremonyDate: string | null }
  | { report: 'staerkemeldung'; year: number }
  | { report: 'birthdays'; from: string; to: string };

export interface ReportArgs {
  request: ReportRequest;
  profile: string;
  format: ReportFormat;
  out: string | undefined;
}

const OPTIONS = {
  profile: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  year: { type: 'string' },
  ceremony: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

/** The options that choose what a report covers; each report knows only its own. */
const PERIOD_OPTIONS = ['year', 'ceremony', 'from', 'to'] as const;
const OPTIONS_OF: Record<ReportName, readonly (typeof PERIOD_OPTIONS)[number][]> = {
  honours: ['year', 'ceremony'],
  staerkemeldung: ['year'],
  birthdays: ['from', 'to'],
};

function reportName(positionals: readonly string[]): ReportName {
  const name = positionals[0];
  if (!name || !(REPORTS as readonly string[]).includes(name) || positionals.length > 1)
    throw new AppError('bad_arguments', 'cli.report.what', { allowed: REPORTS.join(', ') });
  return name as ReportName;
}

function checkOptionsFit(report: ReportName, values: Values): void {
  const stray = PERIOD_OPTIONS.find(
    (o) => values[o] !== undefined && !OPTIONS_OF[report].includes(o),
  );
  if (stray)
    throw new AppError('bad_arguments', 'cli.report.notFor', { option: `--${stray}`, report });
}

function format(value: string | undefined): ReportFormat {
  if (value === undefined) return 'text';
  if ((FORMATS as readonly string[]).includes(value)) return value as ReportFormat;
  throw new AppError('bad_arguments', 'cli.report.format');
}

function year(value: string | undefined): number {
  if (value === undefined) throw new AppError('bad_arguments', 'cli.report.yearMissing');
  const number = Number(value);
  if (!/^\d{4}$/.test(value) || number < 1900 || number > 2100)
    throw new AppError('bad_arguments', 'cli.report.badYear', { year: value });
  return number;
}

function date(value: string, option: string): string {
  if (!isCalendarDate(value))
    throw new AppError('bad_arguments', 'cli.report.badDate', { date: value, option });
  return value;
}

function request(report: ReportName, values: Values): ReportRequest {
  switch (report) {
    case 'honours': {
      const inYear = year(values.year);
      // Given but empty is a mistake, not "no ceremony date".
      const ceremonyDate =
        values.ceremony !== undefined ? date(values.ceremony, '--ceremony') : null;
      if (ceremonyDate && Number(ceremonyDate.slice(0, 4)) !== inYear)
        throw new AppError('bad_arguments', 'cli.report.ceremonyOutsideYear', {
          date: ceremonyDate,
          year: inYear,
        });
      return { report, year: inYear, ceremonyDate };
    }
    case 'staerkemeldung':
      return { report, year: year(values.year) };
    case 'birthdays': {
      if (!values.from || !values.to)
        throw new AppError('bad_arguments', 'cli.report.periodMissing');
      const from = date(values.from, '--from');
      const to = date(values.to, '--to');
      if (from > to) throw new AppError('bad_arguments', 'cli.report.fromAfterTo', { from, to });
      return { report, from, to };
    }
  }
}

export function parseReportArgs(argv: string[]): ReportArgs {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const report = reportName(positionals);
  checkOptionsFit(report, values);
  const chosenFormat = format(values.format);
  const asked = request(report, values);
  if (FILE_FORMATS.includes(chosenFormat) && !values.out)
    throw new AppError('bad_arguments', 'cli.export.outNeeded', { format: chosenFormat });
  if (!values.profile) throw new AppError('bad_arguments', 'cli.args.profileMissing');
  return { request: asked, profile: values.profile, format: chosenFormat, out: values.out };
}
