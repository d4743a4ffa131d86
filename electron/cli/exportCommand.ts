/** `tutti export members|registers|instruments|loans --profile DIR --format csv|json [--out FILE]` */
import type { EntityMap } from '../../shared/domain/entities.ts';
import { entityLabel } from '../../shared/domain/entityLabels.ts';
import { CoreError } from '../core/coreError.ts';
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

export async function exportCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    profile: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const entity = positionals[0] as Exportable | undefined;
  if (!entity || !EXPORTABLE.includes(entity) || positionals.length > 1) {
    throw new CoreError(
      'bad_arguments',
      `Was soll exportiert werden? Erlaubt: ${EXPORTABLE.join(', ')}.`,
    );
  }
  if (!values.profile)
    throw new CoreError('bad_arguments', 'Bitte den Profilordner mit --profile ORDNER angeben.');
  const format = values.format;
  if (format !== 'csv' && format !== 'json') {
    throw new CoreError('bad_arguments', 'Bitte --format csv oder --format json angeben.');
  }
  const profile = await openProfileReadOnly(values.profile);
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
      const { header, rows } = exportTable(entity, data);
      text = toCsv(header, rows);
    }
  } finally {
    profile.close();
  }
  if (values.out) {
    try {
      writeFileAtomic(values.out, text, 0o600);
    } catch (cause) {
      throw new CoreError(
        'profile_not_writable',
        `Die Datei ${values.out} lässt sich nicht schreiben. Bitte Pfad und Rechte prüfen.`,
        { cause },
      );
    }
    process.stderr.write(`${entityLabel(entity)}: exportiert nach ${values.out}\n`);
  } else {
    out.write(text);
  }
  return 0;
}
