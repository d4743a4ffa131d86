/**
 * How an import recognises a source row again (its key) and how the report names it (so a
 * person finds it in the old program).
 */
import type { TableMapping } from '../../shared/import/mapping.ts';
import { isSensitiveImportField, type RowDraft } from '../../shared/import/rowDraft.ts';
import type { SourceCell } from '../../shared/import/sourceTable.ts';
import type { ImportEntity } from '../../shared/import/targets.ts';
import { lower } from './importLookups.ts';

/** The row's key: its key columns, or else what identifies such a record naturally. */
export function sourceKeyOf(
  mapping: TableMapping,
  entity: ImportEntity,
  row: Record<string, SourceCell>,
  draft: RowDraft,
): string | null {
  const parts =
    mapping.key.length > 0 ? mapping.key.map((column) => row[column]) : naturalKey(entity, draft);
  const texts = parts.map((p) => (p === null || p === undefined ? '' : lower(String(p))));
  return texts.some((t) => t === '') ? null : texts.join('|');
}

function naturalKey(entity: ImportEntity, draft: RowDraft): unknown[] {
  const f = draft.fields;
  switch (entity) {
    case 'registers':
      return [f.name];
    case 'members': {
      // One of the two names is enough (an organisation has no first name); the key stays
      // "last|first|birth date" as before, so earlier imports are recognised.
      const name = `${f.lastName ?? ''}|${f.firstName ?? ''}`;
      return [name === '|' ? null : name, f.birthDate ?? '-'];
    }
    case 'instruments':
      return [f.inventoryNumber];
    case 'loans':
      return [draft.refs.instrument, draft.refs.member, f.issuedOn];
    case 'honours':
      return [draft.refs.member, f.kind, f.date];
  }
}

/** How a person finds the row in the old program: its key and a name. */
export function rowLabel(
  mapping: TableMapping,
  entity: ImportEntity,
  row: Record<string, SourceCell>,
  draft: RowDraft,
): string {
  // A key column holding bank data or a birth date is named, never quoted.
  const key = mapping.key
    .map((column) => {
      const field = mapping.columns[column];
      return field && isSensitiveImportField(entity, field)
        ? column
        : `${column} ${row[column] ?? '–'}`;
    })
    .join(', ');
  const f = draft.fields;
  const name =
    entity === 'members'
      ? [f.firstName, f.lastName].filter(Boolean).join(' ')
      : entity === 'instruments'
        ? [f.inventoryNumber, f.kind].filter(Boolean).join(' ')
        : entity === 'registers'
          ? String(f.name ?? '')
          : entity === 'loans'
            ? `${draft.refs.instrument ?? '?'} an ${draft.refs.member ?? '?'}`
            : `${f.kind ?? ''} für ${draft.refs.member ?? '?'}`;
  return [key, name].filter((part) => part !== '').join(', ') || 'Zeile';
}
