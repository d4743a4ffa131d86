/**
 * A column mapping: which source table becomes which kind of record, which of its columns
 * identify a row (so that importing again updates instead of duplicating), and which column
 * fills which field. The wizard edits it and saves it as a file; `tutti import --mapping`
 * reads that file.
 */
import { z } from 'zod';
import type { ImportText } from './importTextShape.ts';
import '../domain/zodSetup.ts';
import { issueMessage, type SchemaIssue } from '../domain/issueMessage.ts';
import { type Message, msg } from '../messages/message.ts';
import { importText, textOf } from './importText.ts';
import type { SourceFile } from './sourceTable.ts';
import { IMPORT_ENTITIES, IMPORT_TARGETS, type ImportEntity } from './targets.ts';

export const MAPPING_FORMAT = 'tutti-import-mapping';

export const REFERENCE_MODES = ['key', 'number'] as const;
export type ReferenceMode = (typeof REFERENCE_MODES)[number];

const name = z.string().min(1).max(200);

export const tableMappingSchema = z.object({
  source: name,
  /** null: the table is not imported. */
  entity: z.enum(IMPORT_ENTITIES).nullable(),
  /** Columns whose values together identify a row of the source. Empty: the natural key. */
  key: z.array(name).max(5),
  /**
   * Source column → target field. A column neither listed here nor in `ignore` (nor a key) is
   * "ohne Zuordnung": the report names it, and its values are kept with each record.
   */
  columns: z.record(name, z.string().min(1).max(50)),
  /** Columns a person chose to leave out: not imported, not kept, named in the report. */
  ignore: z.array(name).max(1000).optional(),
  /**
   * How this table's references to members and instruments (a loan's, an honour's, an
   * instrument list's borrower) are read: `key` — the key column of the members' or
   * instruments' table in the same file; `number` — the member or inventory number (for
   * members also the name). Missing: the key first, then the number, and a reference that
   * fits both to different records is reported.
   */
  referencesBy: z.enum(REFERENCE_MODES).optional(),
});

export const importMappingSchema = z.object({
  format: z.literal(MAPPING_FORMAT),
  version: z.literal(1),
  tables: z.array(tableMappingSchema).max(200),
});

export type TableMapping = z.output<typeof tableMappingSchema>;
export type ImportMapping = z.output<typeof importMappingSchema>;

/**
 * Reads a mapping file's text. Returns the mapping or what is wrong with it (with the schema's
 * own message about the first wrong place, in `parts.issue`).
 */
export function parseMapping(
  text: string,
): { ok: true; mapping: ImportMapping } | { ok: false; error: ImportText } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: importText('import.mapping.notJson') };
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.');
    const parts = { issue: textOf(issueMessage(issue as SchemaIssue)) };
    return {
      ok: false,
      error: path
        ? importText('import.mapping.notMapping', { path }, { parts })
        : importText('import.mapping.notMappingFile', {}, { parts }),
    };
  }
  return { ok: true, mapping: parsed.data };
}

/**
 * Checks a mapping against the file it is applied to: every table and column it names must
 * exist, every field must belong to its kind of record, no field filled twice. Returns what
 * is wrong, empty when the mapping fits.
 */
export function mappingProblems(mapping: ImportMapping, source: SourceFile): Message[] {
  const problems: Message[] = [];
  for (const table of mapping.tables) {
    const found = source.tables.find((candidate) => candidate.name === table.source);
    if (!found) {
      problems.push(msg('import.mapping.unknownTable', { table: table.source }));
      continue;
    }
    if (table.entity === null) continue;
    const columnNames = new Set(found.columns.map((column) => column.name));
    for (const column of [...table.key, ...Object.keys(table.columns), ...(table.ignore ?? [])]) {
      if (!columnNames.has(column)) {
        problems.push(msg('import.mapping.unknownColumn', { column, table: table.source }));
      }
    }
    const fields = new Set(IMPORT_TARGETS[table.entity].map((target) => target.field));
    const used = new Set<string>();
    for (const [column, field] of Object.entries(table.columns)) {
      if (!fields.has(field)) {
        problems.push(
          msg('import.mapping.unknownField', { table: table.source, name: field, column }),
        );
      } else if (used.has(field)) {
        problems.push(msg('import.mapping.fieldTwice', { table: table.source, name: field }));
      }
      used.add(field);
    }
  }
  return problems;
}

export type ColumnFate =
  | { column: string; fate: 'field'; field: string }
  | { column: string; fate: 'key' | 'ignored' | 'kept' };

/**
 * What becomes of each column of a mapped table: filled into a field, used to recognise rows
 * (key), left out on purpose (ignored), or kept with each record because nobody mapped it.
 */
export function columnFates(table: TableMapping, columnNames: readonly string[]): ColumnFate[] {
  const ignored = new Set(table.ignore ?? []);
  return columnNames.map((column): ColumnFate => {
    const field = table.columns[column];
    if (field) return { column, fate: 'field', field };
    if (ignored.has(column)) return { column, fate: 'ignored' };
    if (table.key.includes(column)) return { column, fate: 'key' };
    return { column, fate: 'kept' };
  });
}

export function mappedEntity(mapping: ImportMapping, entity: ImportEntity): TableMapping[] {
  return mapping.tables.filter((table) => table.entity === entity);
}
