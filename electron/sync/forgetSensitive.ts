/**
 * After a pull whose rights no longer let the user read a member's sensitive fields (a role
 * changed from Administrator to Vorstand, a restored backup of another user): those values are
 * removed from this device — from the records and from the import's memory of what it wrote —
 * so they do not linger where the user may no longer see them. Their stamps become the lowest
 * there is, so should the rights come back, the server's values win at the next pull.
 */
import { isEmptyValue } from '../../shared/domain/fields.ts';
import {
  fieldAccess,
  type Relations,
  type Subject,
  sensitiveFieldsOf,
} from '../../shared/rights/access.ts';
import type { LocalStore } from '../store/localStore.ts';
import { TABLES } from '../store/tables.ts';
import type { RecordChangeSet } from './recordChanges.ts';
import { REFUSED_STAMP } from './replica.ts';

const EMPTY = (value: unknown) =>
  Array.isArray(value) ? [] : typeof value === 'boolean' ? false : null;

/**
 * Answers how many records lost values, and notes those the lists show in `changes`. Call inside
 * the pull's transaction.
 */
export function forgetSensitive(
  store: LocalStore,
  subject: Subject,
  changes?: RecordChangeSet,
): number {
  const relations: Relations = {
    memberRegisters: (id) =>
      (store.tables.members.get(id)?.record.registerIds as string[] | undefined) ?? [],
    instrumentRegister: (id) =>
      (store.tables.instruments.get(id)?.record.registerId as string | null | undefined) ?? null,
  };
  const fields = sensitiveFieldsOf('members');
  const everything = subject.grants.some(
    (g) => g.entity === 'members' && g.action === 'read' && g.scope === 'all' && g.fields === 'all',
  );
  if (everything) return 0;
  // Only the records that hold a sensitive value at all (after the first time: usually none).
  const columns = TABLES.members.fields;
  const holdingAny = fields
    .map((field) => {
      const [column, kind] = columns[field]!;
      return kind === 'bool'
        ? `${column} = 1`
        : kind === 'json'
          ? `${column} <> '[]'`
          : `${column} IS NOT NULL`;
    })
    .join(' OR ');
  const ids = store.db
    .prepare(`SELECT id FROM members WHERE ${holdingAny}`)
    .pluck()
    .all() as string[];
  let forgotten = 0;
  for (const id of ids) {
    const stored = store.tables.members.get(id);
    if (!stored) continue;
    const record = stored.record as Record<string, unknown>;
    const holding = fields.filter((field) => !isEmptyValue(record[field]));
    if (holding.length === 0) continue;
    if (fieldAccess(subject, 'members', 'read', record, relations) === 'all') continue;
    const next = { ...record };
    const stamps = { ...stored.stamps };
    for (const field of holding) {
      next[field] = EMPTY(record[field]);
      stamps[field] = REFUSED_STAMP;
    }
    store.tables.members.put({ ...stored, record: next as typeof stored.record, stamps });
    if (!stored.deleted) changes?.note('members', id, 'upserted');
    forgotten += 1;
  }
  if (forgotten > 0) {
    // What imports wrote is remembered per source row; its sensitive values go too.
    const links = store.db
      .prepare("SELECT rowid, imported FROM import_keys WHERE entity = 'members'")
      .all() as { rowid: number; imported: string }[];
    const update = store.db.prepare('UPDATE import_keys SET imported = ? WHERE rowid = ?');
    for (const link of links) {
      const imported = JSON.parse(link.imported) as Record<string, unknown>;
      if (!fields.some((field) => field in imported)) continue;
      for (const field of fields) delete imported[field];
      update.run(JSON.stringify(imported), link.rowid);
    }
  }
  return forgotten;
}
