/**
 * `tutti export members|registers|instruments|loans|events --profile DIR --format
 * csv|json|xlsx|pdf [--out FILE]`: CSV and JSON to standard output or a file, Excel and PDF to a
 * file. Sensitive columns (bank data, birth date) only for a role that may read them; the PDF
 * shows the columns that fit a printed list (`PRINT_FIELDS`).
 */

import { AppError } from '../../shared/api/appError.ts';
import { todayIso } from '../../shared/domain/dates.ts';
import type { EntityMap } from '../../shared/domain/entities.ts';
import { writeFileAtomic } from '../../shared/node/writeFileAtomic.ts';
import { openProfileReadOnly } from '../core/profile.ts';
import { toCsv } from '../export/csv.ts';
import {
  EXPORTABLE,
  type Exportable,
  exportSheet,
  exportTable,
  PRINT_FIELDS,
  readExportData,
} from '../export/exportTables.ts';
import { pdfFromSheet } from '../export/pdfSheet.ts';
import { xlsxFromSheet } from '../export/xlsxSheet.ts';
import { rightsOf } from '../reports/reportData.ts';
import { RecordReader } from '../store/recordTable.ts';
import { TABLES } from '../store/tables.ts';
import { parseCommandArgs } from './args.ts';
import { entityText } from './entityText.ts';
import type { Terminal } from './terminal.ts';

export async function exportCommand(argv: string[], cli: Terminal): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    profile: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const entity = positionals[0] as Exportable | undefined;
  if (!entity || !EXPORTABLE.includes(entity) || positionals.length > 1) {
    throw new AppError('bad_arguments', 'cli.export.what', { allowed: EXPORTABLE.join(', ') });
  }
  if (!values.profile) throw new AppError('bad_arguments', 'cli.args.profileMissing');
  const format = values.format;
  if (format !== 'csv' && format !== 'json' && format !== 'xlsx' && format !== 'pdf') {
    throw new AppError('bad_arguments', 'cli.export.format');
  }
  // A workbook or a PDF is no text for a terminal: it goes into a file.
  if ((format === 'xlsx' || format === 'pdf') && !values.out)
    throw new AppError('bad_arguments', 'cli.export.outNeeded', { format });
  const profile = await openProfileReadOnly(values.profile, cli.keyStore(values.profile));
  let content: string | Buffer;
  try {
    const read = <E extends Exportable | 'club'>(e: E) =>
      new RecordReader(profile.db, TABLES[e]).listLive() as unknown as EntityMap[E][];
    if (format === 'json') {
      content = `${JSON.stringify(read(entity), null, 2)}\n`;
    } else {
      const data = readExportData(read);
      const withSensitive = rightsOf(profile.db).mayReadSensitive(entity);
      if (format === 'csv') {
        const { header, rows } = exportTable(entity, data, cli.language, { withSensitive });
        content = toCsv(header, rows);
      } else {
        const head = { clubName: read('club')[0]?.name ?? '', date: todayIso() };
        content =
          format === 'xlsx'
            ? await xlsxFromSheet(
                exportSheet(entity, data, cli.language, { withSensitive }),
                head,
                cli.language,
              )
            : await pdfFromSheet(
                exportSheet(entity, data, cli.language, {
                  withSensitive,
                  fields: PRINT_FIELDS[entity],
                }),
                head,
                cli.language,
              );
      }
    }
  } finally {
    profile.close();
  }
  if (values.out) {
    try {
      writeFileAtomic(values.out, content, 0o600);
    } catch (cause) {
      throw new AppError(
        'profile_not_writable',
        'cli.files.unwritable',
        { path: values.out },
        { cause },
      );
    }
    cli.note('cli.export.done', { what: entityText(cli, entity), path: values.out });
  } else {
    cli.out.write(content);
  }
  return 0;
}
