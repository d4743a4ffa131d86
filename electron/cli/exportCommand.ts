/** `tutti export members|registers|instruments|loans --profile DIR --format csv|json [--out FILE]` */

import { AppError } from '../../shared/api/appError.ts';
import type { EntityMap } from '../../shared/domain/entities.ts';
import { writeFileAtomic } from '../core/files.ts';
import { openProfileReadOnly } from '../core/profile.ts';
import { toCsv } from '../export/csv.ts';
import {
  EXPORTABLE,
  type Exportable,
  type ExportData,
  exportTable,
} from '../export/exportTables.ts';
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
  if (format !== 'csv' && format !== 'json') {
    throw new AppError('bad_arguments', 'cli.export.format');
  }
  const profile = await openProfileReadOnly(values.profile, cli.keyStore(values.profile));
  let text: string;
  try {
    const read = <E extends Exportable>(e: E) =>
      new RecordReader(profile.db, TABLES[e]).listLive() as unknown as EntityMap[E][];
    if (format === 'json') {
      text = `${JSON.stringify(read(entity), null, 2)}\n`;
    } else {
      const data: ExportData = {
        members: read('members'),
        registers: read('registers'),
        instruments: read('instruments'),
        loans: read('loans'),
      };
      const { header, rows } = exportTable(entity, data, cli.language);
      text = toCsv(header, rows);
    }
  } finally {
    profile.close();
  }
  if (values.out) {
    try {
      writeFileAtomic(values.out, text, 0o600);
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
    cli.out.write(text);
  }
  return 0;
}
