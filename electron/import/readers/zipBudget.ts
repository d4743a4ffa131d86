/**
 * An .xlsx file is a ZIP archive, and exceljs unpacks it whole into memory. A file of a few
 * megabytes can unpack to gigabytes (a "zip bomb", or just a workbook no club keeps) and take
 * the whole program down with it. So the archive is unpacked once here first, streaming, under
 * a budget: what would exceed it is refused with a sentence before exceljs sees it.
 *
 * The archive is read with jszip, the very parser exceljs uses (one shared copy in
 * node_modules): the entries counted here are exactly the entries exceljs would unpack, however
 * the archive's directory is crafted. The sizes an archive declares are not trusted; the
 * inflated bytes are counted.
 */
import JSZip from 'jszip';
import { ImportFileError } from './importError.ts';

/** Far above any club's workbook (10,000 members unpack to ~15 MB of XML). */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

export function damagedWorkbook(cause: unknown): ImportFileError {
  return new ImportFileError('unreadable', 'import.file.workbookDamaged', {}, { cause });
}

class OverBudget extends Error {}

function tooLarge(budget: number): ImportFileError {
  const megabytes = Math.round(budget / 1024 / 1024);
  return new ImportFileError('unsupported', 'import.file.workbookTooLarge', { megabytes });
}

/** Inflates one entry chunk by chunk, stopping as soon as the budget is used up. */
function countEntry(entry: JSZip.JSZipObject, budget: { left: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Buffer) => {
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.pause();
          reject(new OverBudget());
        }
      })
      .on('error', reject)
      .on('end', () => resolve());
  });
}

/** Throws an ImportFileError when the archive is damaged or unpacks to more than `budget`. */
export async function checkUnpackedSize(
  zip: Buffer,
  budget: number = MAX_UNPACKED_BYTES,
): Promise<void> {
  const left = { left: budget };
  try {
    const archive = await JSZip.loadAsync(zip);
    for (const entry of Object.values(archive.files)) {
      if (!entry.dir) await countEntry(entry, left);
    }
  } catch (error) {
    if (error instanceof OverBudget) throw tooLarge(budget);
    throw damagedWorkbook(error);
  }
}
