/**
 * What `tutti export` writes per entity: the field catalogue's fields in its order and with its
 * headings (German unless the command line speaks English), dates as TT.MM.JJJJ, money as
 * `1234,50`, choices by their label, references resolved to names, so a secretary can hand the
 * file to the board. Internal fields (kept import values, review flags) stay out.
 */

import {
  type FieldDefinition,
  fieldShortKey,
  recordFields,
  valueLabelKey,
} from '../../shared/domain/catalogue/index.ts';
import { formatCents, formatGermanDate } from '../../shared/domain/dates.ts';
import type { EntityMap } from '../../shared/domain/entities.ts';
import { memberSortName } from '../../shared/domain/member.ts';
import type { Language } from '../../shared/messages/language.ts';
import { translate } from '../../shared/messages/translate.ts';

export const EXPORTABLE = ['members', 'registers', 'instruments', 'loans'] as const;
export type Exportable = (typeof EXPORTABLE)[number];

export interface ExportData {
  members: EntityMap['members'][];
  registers: EntityMap['registers'][];
  instruments: EntityMap['instruments'][];
  loans: EntityMap['loans'][];
}

type Cell = string | number | null;
type Row = Record<string, unknown>;

interface Column {
  heading: string;
  value: (row: Row) => Cell;
}

function byId<T extends { id: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

export function exportTable(
  entity: Exportable,
  data: ExportData,
  language: Language = 'de',
): { header: string[]; rows: Cell[][] } {
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
        return [{ heading, value: (row) => formatGermanDate(raw(row) as string | null) }];
      case 'money':
        return [
          {
            heading: say('core.export.inEuro', { label: heading }),
            value: (row) => formatCents(raw(row) as number | null),
          },
        ];
      case 'flag':
        return [{ heading, value: (row) => say(raw(row) ? 'core.export.yes' : 'core.export.no') }];
      case 'choice':
        return [
          {
            heading,
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
          { heading, value: (row) => ((raw(row) as string[]) ?? []).map(name).join(separator) },
        ];
      }
      case 'reference': {
        // An instrument is named by its inventory number and its kind, in two columns.
        if (definition.target === 'instruments')
          return [
            {
              heading: say(fieldShortKey('instruments', 'inventoryNumber')),
              value: (row) => instruments.get(raw(row) as string)?.inventoryNumber ?? deleted,
            },
            { heading, value: (row) => instruments.get(raw(row) as string)?.kind ?? null },
          ];
        const name = nameOf[definition.target!]!;
        return [{ heading, value: (row) => (raw(row) ? name(raw(row) as string) : null) }];
      }
      default:
        return [{ heading, value: (row) => (raw(row) ?? null) as Cell }];
    }
  }

  const columns = recordFields(entity)
    .filter((definition) => !definition.noExport)
    .flatMap(columnsOf);
  // How many members a register has: no field of its own, the board asks for it.
  if (entity === 'registers')
    columns.push({
      heading: say('core.export.memberCount'),
      value: (row) => data.members.filter((m) => m.registerIds.includes(row.id as string)).length,
    });
  const records = data[entity] as unknown as Row[];
  return {
    header: columns.map((column) => column.heading),
    rows: records.map((row) => columns.map((column) => column.value(row))),
  };
}
