/**
 * A list as an Excel workbook (exceljs): one worksheet, a bold header row that stays in view
 * (frozen) with an autofilter, dates as real dates (TT.MM.JJJJ), money as numbers in euros with
 * two decimals, shares as percentages, numbers as numbers, so a treasurer can sort and sum
 * without converting.
 */
import ExcelJS from 'exceljs';
import { isCalendarDate } from '../../shared/domain/dates.ts';
import type { Language } from '../../shared/messages/language.ts';
import { translate } from '../../shared/messages/translate.ts';
import { type Cell, type CellKind, cellText, type Sheet, type SheetHead } from './sheet.ts';

/** Excel's worksheet names: at most 31 characters, none of : \ / ? * [ ]. */
function worksheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Tutti';
}

function excelValue(kind: CellKind, value: Cell): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (kind === 'date' && typeof value === 'string') {
    // Excel counts days from 1900: an older or malformed date stays text, as stored.
    if (!isCalendarDate(value) || value < '1900-03-01') return cellText(kind, value);
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    // Midnight UTC is the day itself in Excel, whatever the time zone of the machine.
    return new Date(Date.UTC(y, m - 1, d));
  }
  if (kind === 'money' && typeof value === 'number') return value / 100;
  // Excel's 100 % is 1; counted in tenths so 33.3 becomes 0.333, not 0.33299999999999996.
  if (kind === 'percent' && typeof value === 'number') return Math.round(value * 10) / 1000;
  return value;
}

const FORMATS: Partial<Record<CellKind, string>> = {
  date: 'dd.mm.yyyy',
  money: '#,##0.00',
  percent: '0.0%',
};

export function xlsxFromSheet(sheet: Sheet, head: SheetHead, language: Language): Promise<Buffer> {
  return xlsxFromSheets([sheet], head, language);
}

/** One worksheet per list (the Stärkemeldung: counts and active members). */
export async function xlsxFromSheets(
  sheets: readonly Sheet[],
  head: SheetHead,
  language: Language,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tutti';
  workbook.title = `${head.clubName} – ${sheets.map((s) => s.title).join(', ')}`;
  workbook.created = new Date(`${head.date}T00:00:00Z`);
  for (const sheet of sheets) addWorksheet(workbook, sheet);
  // What the lists cover and could not include, on a sheet of its own beside the typed tables.
  const notes = sheets.flatMap((s) => s.notes ?? []);
  if (notes.length > 0) {
    const sheet = workbook.addWorksheet(
      worksheetName(translate({ key: 'core.export.notes' }, language)),
    );
    sheet.getColumn(1).width = 120;
    for (const note of notes) sheet.addRow([note]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addWorksheet(workbook: ExcelJS.Workbook, sheet: Sheet): void {
  const worksheet = workbook.addWorksheet(worksheetName(sheet.title), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  worksheet.columns = sheet.columns.map((column, i) => {
    const longest = Math.max(
      column.heading.length,
      ...sheet.rows.slice(0, 500).map((row) => String(row[i] ?? '').length),
    );
    return {
      header: column.heading,
      width: Math.min(60, Math.max(8, longest + 2)),
      style: FORMATS[column.kind] ? { numFmt: FORMATS[column.kind] } : {},
    };
  });
  worksheet.getRow(1).font = { bold: true };
  for (const row of sheet.rows)
    worksheet.addRow(row.map((value, i) => excelValue(sheet.columns[i]!.kind, value)));
  if (sheet.columns.length > 0)
    worksheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1 + sheet.rows.length, column: sheet.columns.length },
    };
}
