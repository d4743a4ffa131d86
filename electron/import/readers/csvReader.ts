/**
 * CSV as spreadsheets and old programs write it: `;` (German Excel) or `,`, quoted fields with
 * line breaks and doubled quotes, UTF-8 (with or without BOM) or Windows-1252 (what German
 * Excel saves as "CSV (Trennzeichen-getrennt)"). Encoding and separator are detected, and the
 * report says what was detected. Every cell stays text; the mapping decides what it means.
 */
import type { SourceCell, SourceTable } from '../../../shared/import/sourceTable.ts';
import { type Message, msg } from '../../../shared/messages/message.ts';
import { ImportFileError } from './importError.ts';

export function decodeText(buffer: Buffer): { text: string; encoding: string } {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  }
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    const label = buffer[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoder(label).decode(buffer.subarray(2)), encoding: 'UTF-16' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'UTF-8' };
  } catch {
    // Not valid UTF-8: the other encoding German Windows writes.
    return { text: decodeWindows1252(buffer), encoding: 'Windows-1252' };
  }
}

/**
 * Windows-1252 by its own table: Node's TextDecoder (without full ICU) decodes it as Latin-1,
 * which turns „“ – € … of every German Excel export into invisible control characters.
 */
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(buffer: Uint8Array): string {
  const latin1 = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString(
    'latin1',
  );
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!);
}

/** The separator that splits the header line into the most fields (quotes respected). */
export function detectSeparator(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let best = ';';
  let bestCount = 0;
  for (const candidate of [';', ',', '\t']) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === candidate && !quoted) count++;
    }
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** RFC 4180 records; a quote inside a quoted field is written twice. */
export function parseCsvRecords(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (quoted) {
    throw new ImportFileError('unreadable', 'import.file.csvUnterminated');
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
}

export function readCsv(
  buffer: Buffer,
  tableName: string,
): { tables: SourceTable[]; notes: Message[] } {
  if (buffer.includes(0)) {
    if (!(buffer[0] === 0xff || buffer[0] === 0xfe)) {
      throw new ImportFileError('unreadable', 'import.file.notText');
    }
  }
  const { text, encoding } = decodeText(buffer);
  const separator = detectSeparator(text);
  const records = parseCsvRecords(text, separator);
  if (records.length === 0) throw new ImportFileError('empty', 'import.file.csvEmpty');
  // A row longer than the header keeps its extra cells, in columns named by position.
  // A loop, not Math.max(...): spreading a long file's rows as arguments overflows the stack.
  const width = records.reduce((widest, record) => Math.max(widest, record.length), 0);
  const header = uniqueHeader([...records[0]!, ...Array(width - records[0]!.length).fill('')]);
  const rows = records.slice(1).map((record) => {
    const row: Record<string, SourceCell> = {};
    header.forEach((name, index) => {
      const value = record[index];
      row[name] = value === undefined || value === '' ? null : value;
    });
    return row;
  });
  const separatorNote =
    separator === ';'
      ? 'import.note.csvSemicolon'
      : separator === ','
        ? 'import.note.csvComma'
        : 'import.note.csvTab';
  return {
    tables: [
      { name: tableName, columns: header.map((name) => ({ name, type: 'text' as const })), rows },
    ],
    notes: [msg(separatorNote, { encoding })],
  };
}

/** Header cells trimmed, empty ones named by position, repeated ones numbered. */
export function uniqueHeader(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.trim() || `Spalte ${index + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
