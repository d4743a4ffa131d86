/** Reads any file the import understands, chosen by its content first and its name second. */
import { basename, extname } from 'node:path';
import type { SourceFile } from '../../../shared/import/sourceTable.ts';
import { isAccessFile } from './accessHeader.ts';
import { readCsv } from './csvReader.ts';
import { ImportFileError } from './importError.ts';

/** Larger than any club's data; a bigger file is almost surely the wrong one. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

function isZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer.readUInt32BE(0) === 0x504b0304;
}

export async function readSourceFile(
  fileName: string,
  buffer: Buffer,
  password: string | null,
): Promise<SourceFile> {
  const name = basename(fileName);
  const extension = extname(name).toLowerCase();
  if (buffer.length === 0) throw new ImportFileError('empty', 'import.file.empty', { name });
  if (buffer.length > MAX_IMPORT_BYTES) {
    throw new ImportFileError('unsupported', 'import.file.tooLarge', {
      name,
      megabytes: MAX_IMPORT_BYTES / 1024 / 1024,
    });
  }
  if (extension === '.xls') throw new ImportFileError('unsupported', 'import.file.oldExcel');
  if (isAccessFile(buffer) || extension === '.mdb' || extension === '.accdb') {
    // mdb-reader loads only when an Access file is read (the CLI overlaps it with scrypt).
    const { readAccess } = await import('./accessReader.ts');
    return { fileName: name, format: 'access', ...readAccess(buffer, password) };
  }
  if (isZip(buffer) || extension === '.xlsx') {
    // exceljs is large: loaded only when a workbook is read.
    const { readXlsx } = await import('./xlsxReader.ts');
    return { fileName: name, format: 'xlsx', ...(await readXlsx(buffer)) };
  }
  if (extension === '.csv' || extension === '.txt' || extension === '') {
    return { fileName: name, format: 'csv', ...readCsv(buffer, basename(name, extname(name))) };
  }
  throw new ImportFileError('unsupported', 'import.file.unsupported', { name });
}
