/**
 * What `tutti export` writes per entity: the field catalogue's fields in its order and with its
 * headings (German unless the command line speaks English), typed (dates, money in cents,
 * numbers), choices by their label, references resolved to names, so a secretary can hand the
 * file to the board. Internal fields (kept import values, review flags) stay out. CSV says the
 * cells as text (`sheetAsText`), Excel and PDF write the sheet their way.
 */

import { LIST_EXPORTS, type ListExportEntity } from '../../shared/api/export.ts';
import {
  type FieldDefinition,
  fieldShortKey,
  recordFields,
  valueLabelKey,
} from '../../shared/domain/catalogue/index.ts';
import type { EntityMap } from '../../shared/domain/entities.ts';
import { memberSortName } from '../../shared/domain/member.ts';
import type { Language } from '../../shared/messages/language.ts';
import { translate } from '../../shared/messages/translate.ts';
import { type Cell, type Sheet, type SheetColumn, sheetAsText } from './sheet.ts';

export { PRINT_FIELDS } from '../../shared/export/printFields.ts';

/** What can be exported: the lists the UI prints, and the same from the command line. */
export const EXPORTABLE = LIST_EXPORTS;
export type Exportable = ListExportEntity;

export interface ExportData {
  members: EntityMap['members'][];
  registers: EntityMap['registers'][];
  instruments: EntityMap['instruments'][];
  loans: EntityMap['loans'][];
  events: EntityMap['events'][];
  honours: EntityMap['honours'][];
}

/** Every list an export may need (references are resolved to names), read by `read`. */
export function readExportData(
  read: <E extends Exportable>(entity: E) => EntityMap[E][],
): ExportData {
  return {
    members: read('members'),
    registers: read('registers'),
    instruments: read('instruments'),
    loans: read('loans'),
    events: read('events'),
    honours: read('honours'),
  };
}

export interface SheetChoice {
  /** Only these fields, in the catalogue's order; undefined: every exported field. */
  fields?: readonly string[] | null;
  /** Whether the reader may see sensitive fields (bank data, birth date): else they are left out. */
  withSensitive?: boolean;
}

type Row = Record<string, unknown>;

interface Column extends SheetColumn {
  value: (row: Row) => Cell;
}

function byId<T extends { id: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

export function exportSheet(
  entity: Exportable,
  data: ExportData,
  language: Language = 'de',
  choice: SheetChoice = {},
): Sheet {
  const say = (key: string, params?: Record<string, string | number>) =>
    translate({ key, params }, language);
  const deleted = say('core.export.deleted');
  const registers = byId(data.registers);
  const members = byId(data.members);
  const instruments = byId(data.instruments);
  const nameOf: Record<string, (id: string) => string> = {
    registers: (id) => registers.get(id)?.name ?? deleted,
    members: (id) => {
      const member = members.get(id);
      return member ? memberSortName(member) : deleted;
    },
    instruments: (id) => instruments.get(id)?.kind ?? deleted,
  };

  function columnsOf(definition: FieldDefinition): Column[] {
    const heading = say(fieldShortKey(entity, definition.field));
    const raw = (row: Row) => row[definition.field];
    switch (definition.kind) {
      case 'date':
        return [{ heading, kind: 'date', value: (row) => (raw(row) as string | null) ?? null }];
      case 'money':
        return [
          {
            heading: say('core.export.inEuro', { label: heading }),
            kind: 'money',
            value: (row) => (raw(row) as number | null) ?? null,
          },
        ];
      case 'int':
        return [{ heading, kind: 'number', value: (row) => (raw(row) as number | null) ?? null }];
      case 'flag':
        return [
          {
            heading,
            kind: 'text',
            value: (row) => say(raw(row) ? 'core.export.yes' : 'core.export.no'),
          },
        ];
      case 'choice':
        return [
          {
            heading,
            kind: 'text',
            value: (row) => {
              const value = raw(row);
              return typeof value === 'string'
                ? say(valueLabelKey(entity, definition.field, value))
                : null;
            },
          },
        ];
      case 'references': {
        const name = nameOf[definition.target!]!;
        const separator = definition.target === 'members' ? '; ' : ', ';
        return [
          {
            heading,
            kind: 'text',
            value: (row) => ((raw(row) as string[]) ?? []).map(name).join(separator),
          },
        ];
      }
      case 'reference': {
        // An instrument is named by its inventory number and its kind, in two columns.
        if (definition.target === 'instruments')
          return [
            {
              heading: say(fieldShortKey('instruments', 'inventoryNumber')),
              kind: 'text',
              value: (row) => instruments.get(raw(row) as string)?.inventoryNumber ?? deleted,
            },
            {
              heading,
              kind: 'text',
              value: (row) => instruments.get(raw(row) as string)?.kind ?? null,
            },
          ];
        const name = nameOf[definition.target!]!;
        return [
          {
            heading,
            kind: 'text',
            value: (row) => (raw(row) ? name(raw(row) as string) : null),
          },
        ];
      }
      default:
        return [{ heading, kind: 'text', value: (row) => (raw(row) ?? null) as Cell }];
    }
  }

  const columns = recordFields(entity)
    .filter((definition) => !definition.noExport)
    .filter((definition) => !choice.fields || choice.fields.includes(definition.field))
    .filter((definition) => choice.withSensitive !== false || !definition.sensitive)
    .flatMap(columnsOf);
  // How many members a register has: no field of its own, the board asks for it.
  if (entity === 'registers' && !choice.fields)
    columns.push({
      heading: say('core.export.memberCount'),
      kind: 'number',
      value: (row) => data.members.filter((m) => m.registerIds.includes(row.id as string)).length,
    });
  const records = data[entity] as unknown as Row[];
  return {
    title: say(`entities.${entity}.other`),
    columns: columns.map(({ heading, kind }) => ({ heading, kind })),
    rows: records.map((row) => columns.map((column) => column.value(row))),
  };
}

/** The list as CSV cells: dates `TT.MM.JJJJ`, money `1234,50`. */
export function exportTable(
  entity: Exportable,
  data: ExportData,
  language: Language = 'de',
  choice: SheetChoice = {},
): { header: string[]; rows: Cell[][] } {
  return sheetAsText(exportSheet(entity, data, language, choice));
}
