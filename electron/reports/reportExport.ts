/**
 * The reports of the honours issue printed or exported from their screens (issue #23): the
 * same rows and notes as `tutti report`, computed here with the device's rights — a role
 * without birth dates gets no age-based honour and no Stärkemeldung, whatever it asked for.
 */
import type { ExportedFile, ReportExport } from '../../shared/api/export.ts';
import { type ApiResult, fail, ok } from '../../shared/api/result.ts';
import { todayIso } from '../../shared/domain/dates.ts';
import { clubRules } from '../../shared/domain/honours/clubRules.ts';
import { honoursDue } from '../../shared/domain/honours/honoursDue.ts';
import { occasionsBetween } from '../../shared/domain/reports/birthdays.ts';
import { strengthReport } from '../../shared/domain/reports/staerkemeldung.ts';
import { toCsv } from '../export/csv.ts';
import { exportFileName, MIME_TYPES } from '../export/fileName.ts';
import { pdfFromSheets } from '../export/pdfSheet.ts';
import { type Sheet, sheetAsText } from '../export/sheet.ts';
import { xlsxFromSheets } from '../export/xlsxSheet.ts';
import type { ReadableDB, WritableDB } from '../store/database.ts';
import { type ReportData, readReportData } from './reportData.ts';
import { birthdaysSheets, honoursSheets, strengthSheets } from './reportSheets.ts';

/** The report's sheets; for CSV the one a federation or a spreadsheet takes (the last). */
function sheetsOf(data: ReportData, request: ReportExport): ApiResult<Sheet[]> {
  const today = todayIso();
  const { report, language } = request;
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
    return ok(
      honoursSheets(
        { list, rules, members: data.members, ceremonyDate: report.ceremonyDate },
        language,
      ),
    );
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
    return ok(strengthSheets(outcome.report, language));
  }
  const list = occasionsBetween(data.members, report.from, report.to, data.birthDatesKnown, today);
  return ok(
    birthdaysSheets({ list, members: data.members, from: report.from, to: report.to }, language),
  );
}

export async function exportReport(
  db: ReadableDB | WritableDB,
  request: ReportExport,
): Promise<ApiResult<ExportedFile>> {
  // Read once: the report and the head of its pages come from the same records.
  const data = readReportData(db);
  const made = sheetsOf(data, request);
  if (!made.ok) return made;
  const sheets = made.value;
  const date = todayIso();
  const head = { clubName: data.club?.name ?? '', date };
  const { format, language } = request;
  let bytes: Buffer;
  if (format === 'pdf') bytes = await pdfFromSheets(sheets, head, language);
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
