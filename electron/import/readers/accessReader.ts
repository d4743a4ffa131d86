/**
 * Access databases, 97 to 2019 (Jet 3, Jet 4, ACE), with `mdb-reader`: pure JavaScript, so
 * no Access and no ODBC driver is needed on the secretary's laptop. Dates are Access date/time
 * values, which carry no time zone: the calendar day is taken from the value as stored
 * (mdb-reader hands it over as UTC), so 20.08.1939 stays 20.08.1939 wherever Tutti runs.
 */
import MDBReader, { type Column } from 'mdb-reader';
import type {
  SourceCell,
  SourceColumnType,
  SourceTable,
} from '../../../shared/import/sourceTable.ts';
import { type Message, msg } from '../../../shared/messages/message.ts';
import { accessKind } from './accessHeader.ts';
import { dateCellText } from './dateCellText.ts';
import { ImportFileError } from './importError.ts';

const COLUMN_TYPES: Partial<Record<Column['type'], SourceColumnType>> = {
  boolean: 'boolean',
  byte: 'number',
  integer: 'number',
  long: 'number',
  bigint: 'number',
  float: 'number',
  double: 'number',
  numeric: 'money',
  currency: 'money',
  datetime: 'date',
  datetimextended: 'date',
  text: 'text',
  memo: 'text',
  repid: 'text',
};

function cell(value: unknown): SourceCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateCellText(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return null;
}

export function readAccess(
  buffer: Buffer,
  password: string | null,
): { tables: SourceTable[]; notes: Message[] } {
  const kind = accessKind(buffer);
  if (kind === 'unknown') throw new ImportFileError('unreadable', 'import.file.notAccess');
  let reader: MDBReader;
  try {
    reader = new MDBReader(buffer, { password: password ?? undefined });
  } catch (cause) {
    throw passwordOrDamage(cause, password);
  }
  // Jet databases (.mdb) keep their password only as a check value; mdb-reader opens them
  // without it, so the password is compared here: a wrong one must not open the file either.
  if (kind === 'jet') {
    const stored = reader.getPassword();
    if (stored && stored !== password) {
      throw password === null ? passwordNeeded() : wrongPassword();
    }
  }
  const notes: Message[] = [];
  const tables: SourceTable[] = [];
  try {
    for (const name of reader.getTableNames()) {
      const table = reader.getTable(name);
      const columns = table
        .getColumns()
        .filter((column) => {
          const known = COLUMN_TYPES[column.type] !== undefined;
          if (!known)
            notes.push(
              msg('import.note.columnNotRead', {
                table: name,
                column: column.name,
                type: column.type,
              }),
            );
          return known;
        })
        .map((column) => ({ name: column.name, type: COLUMN_TYPES[column.type]! }));
      const names = columns.map((column) => column.name);
      const rows = table.getData({ columns: names }).map((row) => {
        const out: Record<string, SourceCell> = {};
        for (const column of names) out[column] = cell(row[column]);
        return out;
      });
      tables.push({ name, columns, rows });
    }
  } catch (cause) {
    throw passwordOrDamage(cause, password);
  }
  return { tables, notes };
}

function passwordNeeded(cause?: unknown): ImportFileError {
  return new ImportFileError('password_needed', 'import.file.passwordNeeded', {}, { cause });
}

function wrongPassword(cause?: unknown): ImportFileError {
  return new ImportFileError('wrong_password', 'import.file.wrongPassword', {}, { cause });
}

function passwordOrDamage(cause: unknown, password: string | null): ImportFileError {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/password/i.test(message)) {
    return password === null ? passwordNeeded(cause) : wrongPassword(cause);
  }
  // mdb-reader's own words, in English: technical detail for whoever helps.
  return new ImportFileError(
    'unreadable',
    'import.file.accessDamaged',
    { detail: message.slice(0, 500) },
    { cause },
  );
}
