/**
 * The reports printed or exported from their screens (issue #23): the honours issue's, with the
 * same rows and notes as `tutti report`, and the statistics' charts (issue #24) — computed here
 * with the device's rights: a role without birth dates gets no age-based honour, no
 * Stärkemeldung and no age pyramid, whatever it asked for.
 */
import type { ExportedFile, ReportExport } from '../../shared/api/export.ts';
import { type ApiResult, fail, ok } from '../../shared/api/result.ts';
import { todayIso } from '../../shared/domain/dates.ts';
import { clubRules } from '../../shared/domain/honours/clubRules.ts';
import { honoursDue } from '../../shared/domain/honours/honoursDue.ts';
import { occasionsBetween } from '../../shared/domain/reports/birthdays.ts';
import { strengthReport } from '../../shared/domain/reports/staerkemeldung.ts';
import { type ChartRequest, chartOf } from '../../shared/domain/statistics/charts.ts';
import { statisticsInput } from '../../shared/domain/statistics/statisticsAccess.ts';
import type { Language } from '../../shared/messages/language.ts';
import { toCsv } from '../export/csv.ts';
import { exportFileName, MIME_TYPES } from '../export/fileName.ts';
import { drawBarChart } from '../export/pdfChart.ts';
import { type DrawFigure, pdfFromSheets } from '../export/pdfSheet.ts';
import { type Sheet, sheetAsText } from '../export/sheet.ts';
import { xlsxFromSheets } from '../export/xlsxSheet.ts';
import type { ReadableDB, WritableDB } from '../store/database.ts';
import { type ReportData, readReportData } from './reportData.ts';
import { birthdaysSheets, honoursSheets, strengthSheets } from './reportSheets.ts';
import { statisticsBarChart, statisticsSheet } from './statisticsSheets.ts';

interface Made {
  sheets: Sheet[];
  /** For the PDF, by the sheets' order: a chart drawn before the table. */
  figures?: (DrawFigure | undefined)[];
}

/** Refusals that are the role's, not the request's. */
const FORBIDDEN_REASONS: ReadonlySet<string> = new Set([
  'statistics.notes.birthDatesHidden',
  'statistics.notes.attendanceHidden',
  'statistics.notes.instrumentsHidden',
]);

function statisticsOf(
  data: ReportData,
  request: ChartRequest,
  language: Language,
): ApiResult<Made> {
  // A register this device does not hold (deleted, or not the role's) would give an empty list
  // that reads as "nobody came".
  if (
    request.chart === 'attendanceByMember' &&
    request.registerId !== null &&
    !data.registers.some((r) => r.id === request.registerId)
  )
    return fail('bad_request', 'statistics.notes.registerUnknown');
  const outcome = chartOf(request, statisticsInput(data, data.rights, request.chart, todayIso()));
  if (!outcome.ok) {
    const { key, params } = outcome.reason;
    return fail(FORBIDDEN_REASONS.has(key) ? 'forbidden' : 'bad_request', key, params);
  }
  const { chart } = outcome;
  const bars = statisticsBarChart(request, chart, language);
  return ok({
    sheets: [statisticsSheet(request, chart, data.registers, language)],
    figures: [(frame) => drawBarChart(frame, bars)],
  });
}

/** The report's sheets; for CSV the one a federation or a spreadsheet takes (the last). */
function sheetsOf(data: ReportData, request: ReportExport): ApiResult<Made> {
  const today = todayIso();
  const { report, language } = request;
  if (report.kind === 'statistics') return statisticsOf(data, report.request, language);
  if (report.kind === 'honours') {
    const rules = clubRules(data.club);
    if (rules.rules.length === 0) return fail('bad_request', 'reports.honours.noRules');
    if (!data.honoursReadable) return fail('forbidden', 'reports.honours.honoursHidden');
    const list = honoursDue({
      year: report.year,
      ceremonyDate: report.ceremonyDate,
      rules: rules.rules,
      members: data.members,
      honours: data.honours,
      birthDatesKnown: data.birthDatesKnown,
      allMembersVisible: data.allMembersVisible,
      today,
    });
    return ok({
      sheets: honoursSheets(
        { list, rules, members: data.members, ceremonyDate: report.ceremonyDate },
        language,
      ),
    });
  }
  if (report.kind === 'staerkemeldung') {
    const outcome = strengthReport({
      year: report.year,
      club: data.club,
      members: data.members,
      registers: data.registers,
      birthDatesKnown: data.birthDatesKnown,
      allMembersVisible: data.allMembersVisible,
      today,
    });
    if (!outcome.ok)
      return fail('bad_request', 'reports.staerkemeldung.refused', { year: report.year });
    return ok({ sheets: strengthSheets(outcome.report, language) });
  }
  const list = occasionsBetween(data.members, report.from, report.to, data.birthDatesKnown, today);
  return ok({
    sheets: birthdaysSheets(
      { list, members: data.members, from: report.from, to: report.to },
      language,
    ),
  });
}

export async function exportReport(
  db: ReadableDB | WritableDB,
  request: ReportExport,
): Promise<ApiResult<ExportedFile>> {
  // Read once: the report and the head of its pages come from the same records.
  const data = readReportData(db, request.report.kind);
  const made = sheetsOf(data, request);
  if (!made.ok) return made;
  const { sheets, figures } = made.value;
  const date = todayIso();
  const head = { clubName: data.club?.name ?? '', date };
  const { format, language } = request;
  let bytes: Buffer;
  if (format === 'pdf') bytes = await pdfFromSheets(sheets, head, language, { figures });
  else if (format === 'xlsx') bytes = await xlsxFromSheets(sheets, head, language);
  else {
    const { header, rows } = sheetAsText(sheets.at(-1)!);
    bytes = Buffer.from(toCsv(header, rows), 'utf8');
  }
  return ok({
    fileName: exportFileName(sheets[0]!.title, date, format),
    mimeType: MIME_TYPES[format],
    base64: bytes.toString('base64'),
  });
}
