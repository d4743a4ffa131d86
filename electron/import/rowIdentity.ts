/**
 * How an import recognises a source row again (its key) and how the report names it (so a
 * person finds it in the old program).
 */
import type { TableMapping } from '../../shared/import/mapping.ts';
import { isSensitiveImportField, type RowDraft } from '../../shared/import/rowDraft.ts';
import type { SourceCell } from '../../shared/import/sourceTable.ts';
import type { ImportEntity } from '../../shared/import/targets.ts';
import { type Message, msg } from '../../shared/messages/message.ts';
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
): Message {
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
  const member = draft.refs.member ?? '?';
  if (entity === 'loans') {
    const params = { instrument: draft.refs.instrument ?? '?', member };
    return key === ''
      ? msg('import.label.loan', params)
      : msg('import.label.loanWithKey', { rowKey: key, ...params });
  }
  if (entity === 'honours') {
    const params = { kind: String(f.kind ?? ''), member };
    return key === ''
      ? msg('import.label.honour', params)
      : msg('import.label.honourWithKey', { rowKey: key, ...params });
  }
  const name =
    entity === 'members'
      ? [f.firstName, f.lastName].filter(Boolean).join(' ')
      : entity === 'instruments'
        ? [f.inventoryNumber, f.kind].filter(Boolean).join(' ')
        : String(f.name ?? '');
  const named = [key, name].filter((part) => part !== '').join(', ');
  return named === '' ? msg('import.label.row') : msg('import.label.named', { name: named });
}
