/**
 * An .xlsx file is a ZIP archive, and exceljs unpacks it whole into memory. A file of a few
 * megabytes can unpack to gigabytes (a "zip bomb", or just a workbook no club keeps) and take
 * the whole program down with it. So the archive is unpacked once here first, entry by entry,
 * under a budget: what would exceed it is refused with a sentence, before exceljs sees it.
 * The sizes the archive declares are not trusted; every entry is actually inflated, with
 * zlib stopping at the budget.
 */
import { inflateRawSync } from 'node:zlib';
import { ImportFileError } from './importError.ts';

/** Far above any club's workbook (10,000 members unpack to ~15 MB of XML). */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export const DAMAGED_WORKBOOK =
  'Die Excel-Datei ist beschädigt oder keine .xlsx-Datei (ältere .xls bitte in Excel als .xlsx speichern).';

function tooLarge(budget: number): ImportFileError {
  const megabytes = Math.round(budget / 1024 / 1024);
  return new ImportFileError(
    'unsupported',
    `Die Excel-Datei wäre entpackt größer als ${megabytes} MB – so viel kann Tutti nicht einlesen. Bitte nur die Blätter mit den Vereinsdaten als CSV speichern und diese importieren.`,
  );
}

/** The end-of-directory record: within the last 22 + 65,535 bytes (its comment). */
function findEndOfDirectory(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= earliest; at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new ImportFileError('unreadable', DAMAGED_WORKBOOK);
}

/** Throws an ImportFileError when the archive is damaged or unpacks to more than `budget`. */
export function checkUnpackedSize(zip: Buffer, budget: number = MAX_UNPACKED_BYTES): void {
  if (zip.length < 22) throw new ImportFileError('unreadable', DAMAGED_WORKBOOK);
  const end = findEndOfDirectory(zip);
  const entries = zip.readUInt16LE(end + 10);
  const directoryOffset = zip.readUInt32LE(end + 16);
  // ZIP64 (more than 65,535 entries or 4 GB) is nothing a club's workbook needs.
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw tooLarge(budget);
  let remaining = budget;
  let at = directoryOffset;
  try {
    for (let index = 0; index < entries; index++) {
      if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new RangeError('no directory entry');
      const method = zip.readUInt16LE(at + 10);
      const compressedSize = zip.readUInt32LE(at + 20);
      const localOffset = zip.readUInt32LE(at + 42);
      at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);

      if (zip.readUInt32LE(localOffset) !== LOCAL_HEADER) throw new RangeError('no local header');
      const dataStart =
        localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      if (data.length !== compressedSize) throw new RangeError('entry beyond the file');
      let unpacked: number;
      if (method === STORED) unpacked = compressedSize;
      else if (method === DEFLATED) {
        try {
          unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, remaining) }).length;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
            throw tooLarge(budget);
          throw error;
        }
      } else continue; // a method exceljs cannot read either: it says so itself
      remaining -= unpacked;
      if (remaining < 0) throw tooLarge(budget);
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('unreadable', DAMAGED_WORKBOOK, { cause: error });
  }
}
