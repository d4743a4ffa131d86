/**
 * Excel workbooks (.xlsx) with `exceljs`: every sheet with a header row is a table. Excel
 * keeps dates as day numbers without a time zone, which exceljs hands over as UTC: the
 * calendar day is read in UTC, so it does not move.
 */
import ExcelJS from 'exceljs';
import type {
  SourceCell,
  SourceColumnType,
  SourceTable,
} from '../../../shared/import/sourceTable.ts';
import { type Message, msg } from '../../../shared/messages/message.ts';

import { uniqueHeader } from './csvReader.ts';
import { dateCellText } from './dateCellText.ts';
import { ImportFileError } from './importError.ts';
import { checkUnpackedSize, damagedWorkbook } from './zipBudget.ts';

function cellValue(value: ExcelJS.CellValue): SourceCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateCellText(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue); // formula
    if ('error' in value) return null;
  }
  return String(value);
}

function columnType(values: SourceCell[], dates: boolean[]): SourceColumnType {
  const present = values.map((v, i) => [v, dates[i]] as const).filter(([v]) => v !== null);
  if (present.length === 0) return 'text';
  if (present.every(([, isDate]) => isDate)) return 'date';
  if (present.every(([v]) => typeof v === 'number')) return 'number';
  if (present.every(([v]) => typeof v === 'boolean')) return 'boolean';
  return 'text';
}

export async function readXlsx(
  buffer: Buffer,
): Promise<{ tables: SourceTable[]; notes: Message[] }> {
  await checkUnpackedSize(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (cause) {
    throw damagedWorkbook(cause);
  }
  const tables: SourceTable[] = [];
  const notes: Message[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.actualRowCount < 1) return;
    const headerRow = sheet.getRow(1);
    const width = Math.max(headerRow.cellCount, sheet.actualColumnCount);
    const rawHeader: string[] = [];
    for (let c = 1; c <= width; c++) {
      rawHeader.push(String(cellValue(headerRow.getCell(c).value) ?? ''));
    }
    // Data under a blank header cell is kept, in a column named by position.
    const header = uniqueHeader(rawHeader);
    const rows: Record<string, SourceCell>[] = [];
    const rowNumbers: number[] = [];
    const isDate: boolean[][] = header.map(() => []);
    for (let r = 2; r <= sheet.rowCount; r++) {
      const excelRow = sheet.getRow(r);
      const row: Record<string, SourceCell> = {};
      const dates: boolean[] = [];
      let any = false;
      header.forEach((name, index) => {
        const raw = excelRow.getCell(index + 1).value;
        let value = cellValue(raw);
        if (typeof value === 'string' && value.trim() === '') value = null;
        row[name] = value;
        dates.push(raw instanceof Date);
        if (value !== null) any = true;
      });
      if (!any) continue; // an empty line between the data
      rows.push(row);
      rowNumbers.push(r); // the report names rows as Excel numbers them
      for (const [index, d] of dates.entries()) isDate[index]!.push(d);
    }
    // Columns with neither a header nor any value are no columns.
    const used = header.filter(
      (name, index) => rawHeader[index]!.trim() !== '' || rows.some((row) => row[name] !== null),
    );
    if (used.length === 0) return;
    const unused = header.filter((name) => !used.includes(name));
    if (unused.length > 0) for (const row of rows) for (const name of unused) delete row[name];
    const columns = used.map((name) => ({
      name,
      type: columnType(
        rows.map((row) => row[name] ?? null),
        isDate[header.indexOf(name)]!,
      ),
    }));
    tables.push({ name: sheet.name, columns, rows, rowNumbers });
  });
  if (tables.length === 0) throw new ImportFileError('empty', 'import.file.workbookEmpty');
  notes.push(msg('import.note.workbook', { count: tables.length }));
  return { tables, notes };
}
