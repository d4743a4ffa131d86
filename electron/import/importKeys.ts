/** The `import_keys` table: source row → the record it became, and what was written then. */
import type { ImportEntity } from '../../shared/import/targets.ts';
import type { LocalStore } from '../store/localStore.ts';

export interface ImportLink {
  recordId: string;
  imported: Record<string, unknown>;
}

export class ImportKeys {
  constructor(private readonly store: LocalStore) {}

  /** Every link of one source table, by source key. */
  linksOf(source: string, entity: ImportEntity): Map<string, ImportLink> {
    const rows = this.store
      .statement(
        'SELECT source_key, record_id, imported FROM import_keys WHERE source = ? AND entity = ?',
      )
      .all(source, entity) as { source_key: string; record_id: string; imported: string }[];
    return new Map(
      rows.map((row) => [
        row.source_key,
        { recordId: row.record_id, imported: JSON.parse(row.imported) },
      ]),
    );
  }

  /** Call inside the transaction that writes the record. */
  link(
    source: string,
    entity: ImportEntity,
    sourceKey: string,
    link: ImportLink,
    at: string,
  ): void {
    this.store
      .statement(
        `INSERT INTO import_keys (source, entity, source_key, record_id, imported, imported_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (source, entity, source_key) DO UPDATE
         SET record_id = excluded.record_id, imported = excluded.imported, imported_at = excluded.imported_at`,
      )
      .run(
        source,
        entity,
        sourceKey,
        link.recordId,
        JSON.stringify(withoutEmpty(link.imported)),
        at,
      );
  }
}

/** Empty for the import: missing, null and an empty list alike. */
export function isEmptyImportValue(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/** Empty fields are left out (read back as missing = empty): the table stays small. */
function withoutEmpty(values: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const field in values) {
    const value = values[field];
    if (!isEmptyImportValue(value)) kept[field] = value;
  }
  return kept;
}
