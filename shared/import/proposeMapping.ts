/**
 * Proposes a mapping for a file nobody has mapped yet: guesses what each table holds from its
 * name and its column names, which column identifies a row, and which column fills which
 * field. The wizard shows the proposal for review; nothing is imported on a guess alone.
 */
import { fieldsByStem, KEY, NONE } from './columnStems.ts';
import { type ImportMapping, MAPPING_FORMAT, type TableMapping } from './mapping.ts';
import type { SourceFile, SourceTable } from './sourceTable.ts';
import {
  IMPORT_ENTITIES,
  IMPORT_TARGETS,
  type ImportEntity,
  type ImportTarget,
  normaliseColumnName,
} from './targets.ts';

/** Words in a table's name that say what it holds; loans first ("Instrumentenausleihe"). */
const TABLE_NAME_HINTS: [ImportEntity, RegExp][] = [
  ['honours', /ehrung|auszeichnung|honou?r|award/],
  ['loans', /ausleih|leihe|verleih|loan|lending/],
  ['instruments', /instrument|inventar|asset|inventory/],
  ['registers', /^regs?$|register|stimme|section/],
  ['members', /mitglied|member|person|adress|kontakt|contact/],
];

/** Column names that are a table's own number (a key), per kind of record. */
const KEY_NAMES: Record<ImportEntity, readonly string[]> = {
  registers: ['registernr', 'registerid', 'regnr', 'regid', 'id', 'nr'],
  members: [
    'mitgliednr',
    'mitgliedsnr',
    'mitgliedsnummer',
    'mitglnr',
    'mitglid',
    'memberid',
    'memberno',
    'id',
    'nr',
  ],
  instruments: ['inventarnr', 'inventarnummer', 'invnr', 'assetno', 'id', 'nr'],
  loans: ['ausleihnr', 'ausleihid', 'leihnr', 'loanid', 'id', 'nr'],
  honours: ['ehrungnr', 'ehrungsnr', 'ehrungid', 'honourid', 'id', 'nr'],
};

const REFERENCE_KINDS = new Set(['registerRef', 'memberRef', 'instrumentRef']);

function matches(target: ImportTarget, column: string, prefix: boolean): number {
  for (const [rank, synonym] of target.synonyms.entries()) {
    const normal = normaliseColumnName(synonym);
    if (column === normal) return rank;
    if (prefix && normal.length >= 5 && column.startsWith(normal)) return rank + 100;
  }
  return -1;
}

/** Column → field for one table, each column and each field used once, best synonym first. */
export function proposeColumns(
  entity: ImportEntity,
  columnNames: readonly string[],
  { stems = true }: { stems?: boolean } = {},
): Record<string, string> {
  const normalised = columnNames.map(normaliseColumnName);
  const columns: Record<string, string> = {};
  const taken = new Set<number>();
  for (const prefix of [false, true]) {
    for (const target of IMPORT_TARGETS[entity]) {
      if (Object.values(columns).includes(target.field)) continue;
      let best = -1;
      let bestRank = Number.POSITIVE_INFINITY;
      normalised.forEach((column, index) => {
        if (taken.has(index)) return;
        const rank = matches(target, column, prefix);
        if (rank >= 0 && rank < bestRank) {
          best = index;
          bestRank = rank;
        }
      });
      if (best >= 0) {
        taken.add(best);
        columns[columnNames[best]!] = target.field;
      }
    }
  }
  if (!stems) return columns;
  // Abbreviations and compounds ("KtoNr", "GebDat", "Reg") for the columns still without a field.
  const fields = new Set(IMPORT_TARGETS[entity].map((target) => target.field));
  columnNames.forEach((column, index) => {
    if (taken.has(index)) return;
    const used = new Set(Object.values(columns));
    for (const field of fieldsByStem(entity, column)) {
      if (field === KEY || field === NONE) return;
      if (fields.has(field) && !used.has(field)) {
        columns[column] = field;
        return;
      }
    }
  });
  return columns;
}

export function guessEntity(table: SourceTable): ImportEntity | null {
  const name = normaliseColumnName(table.name);
  for (const [entity, pattern] of TABLE_NAME_HINTS) if (pattern.test(name)) return entity;
  let best: ImportEntity | null = null;
  let bestScore = 2; // at least an exact name and one more column
  const names = table.columns.map((c) => c.name);
  for (const entity of IMPORT_ENTITIES) {
    // A full name counts twice an abbreviation: "InventarNr" + "Instrument" is an inventory,
    // though "Nr" alone could be a member's number.
    const full = Object.keys(proposeColumns(entity, names, { stems: false })).length;
    const score = full + Object.keys(proposeColumns(entity, names)).length;
    if (score > bestScore) {
      best = entity;
      bestScore = score;
    }
  }
  return best;
}

function isUnique(table: SourceTable, column: string): boolean {
  const seen = new Set<string>();
  for (const row of table.rows) {
    const value = row[column];
    if (value === null || value === undefined || String(value).trim() === '') return false;
    const text = String(value).trim().toLowerCase();
    if (seen.has(text)) return false;
    seen.add(text);
  }
  return table.rows.length > 0;
}

/**
 * The column that numbers the rows, when there is one with a value in every row and no value
 * twice. A reference to another table (a loan's member number) is never a key. Empty: rows
 * are recognised by their natural key (name and birth date, inventory number, …).
 */
export function proposeKey(
  entity: ImportEntity,
  table: SourceTable,
  columns: Record<string, string>,
): string[] {
  const candidates = table.columns
    .map((column) => column.name)
    .filter((column) => {
      const field = columns[column];
      const target = field ? IMPORT_TARGETS[entity].find((t) => t.field === field) : undefined;
      return !(target && REFERENCE_KINDS.has(target.kind));
    });
  for (const keyName of KEY_NAMES[entity]) {
    const column = candidates.find((c) => normaliseColumnName(c) === keyName);
    if (column && isUnique(table, column)) return [column];
  }
  return [];
}

export function proposeTableMapping(table: SourceTable): TableMapping {
  const entity = guessEntity(table);
  if (entity === null) return { source: table.name, entity: null, key: [], columns: {} };
  const columns = proposeColumns(
    entity,
    table.columns.map((column) => column.name),
  );
  return { source: table.name, entity, key: proposeKey(entity, table, columns), columns };
}

export function proposeMapping(source: SourceFile): ImportMapping {
  return {
    format: MAPPING_FORMAT,
    version: 1,
    tables: source.tables.map(proposeTableMapping),
  };
}
