/**
 * Rules that span records (shared/domain/recordRules.ts, the same the server holds for every
 * writer): references must point at live records, one open loan per instrument, unique
 * inventory numbers and register names (trimmed, any case). Checked inside the write
 * transaction, so two quick saves cannot both slip through.
 */

import { formatGermanDate } from '../../shared/domain/dates.ts';
import type { EntityMap, EntityName, FieldErrors } from '../../shared/domain/entities.ts';
import { memberDisplayName } from '../../shared/domain/member.ts';
import {
  deletionBlockedMessage,
  duplicateKeyMessage,
  instrumentOnLoanMessage,
  newReferences,
  REFERENCES,
  referenceMessage,
  selfHouseholdMessage,
  UNIQUE_KEYS,
  uniqueKey,
} from '../../shared/domain/recordRules.ts';
import type { Message } from '../../shared/messages/message.ts';
import type { LocalStore } from '../store/localStore.ts';
import { TABLES } from '../store/tables.ts';

/**
 * `previous` is the stored version (undefined for a new record). References are checked only
 * where they change: a record may keep pointing at one that was deleted since (a member whose
 * household partner left), but a change may not create a new dangling reference.
 */
type Check<E extends EntityName> = (
  store: LocalStore,
  record: EntityMap[E],
  previous: EntityMap[E] | undefined,
) => FieldErrors;

/** The member's name, or what to call a member deleted since, in the reader's language. */
function memberName(store: LocalStore, id: string): string | Message {
  const m = store.tables.members.get(id)?.record;
  return m ? memberDisplayName(m) : { key: 'core.deletedMember' };
}

export function openLoanOf(
  store: LocalStore,
  instrumentId: string,
): EntityMap['loans'] | undefined {
  const row = store
    .statement(
      'SELECT id FROM loans WHERE instrument_id = ? AND returned_on IS NULL AND deleted = 0 LIMIT 1',
    )
    .get(instrumentId) as { id: string } | undefined;
  return row ? (store.tables.loans.get(row.id)!.record as EntityMap['loans']) : undefined;
}

/** The one open loan per instrument, and unique keys: checks beyond plain references. */
const extraChecks: { [E in EntityName]?: Check<E> } = {
  loans(store, l): FieldErrors {
    if (l.returnedOn !== null) return {};
    const open = openLoanOf(store, l.instrumentId);
    if (!open || open.id === l.id) return {};
    return {
      instrumentId: instrumentOnLoanMessage(
        memberName(store, open.memberId),
        formatGermanDate(open.issuedOn),
      ),
    };
  },
};

/**
 * Another live record with the same unique key (trimmed, any case: `tutti_key`, registered on
 * the connection by the store), or undefined.
 */
function holderOfKey(
  store: LocalStore,
  entity: EntityName,
  field: string,
  value: unknown,
  id: string,
): { id: string } | undefined {
  const key = uniqueKey(value);
  if (key === null) return undefined;
  const { table, fields } = TABLES[entity];
  const column = fields[field]![0];
  return store
    .statement(`SELECT id FROM ${table} WHERE deleted = 0 AND id <> ? AND tutti_key(${column}) = ?`)
    .get(id, key) as { id: string } | undefined;
}

function check<E extends EntityName>(
  store: LocalStore,
  entity: E,
  record: EntityMap[E],
  previous: EntityMap[E] | undefined,
): FieldErrors {
  const errors: FieldErrors = {};
  const fields = record as unknown as Record<string, unknown>;
  if (entity === 'members' && fields.householdId === record.id)
    errors.householdId = selfHouseholdMessage();
  for (const rule of REFERENCES[entity]) {
    if (errors[rule.field]) continue;
    const gone = newReferences(rule, fields, previous as Record<string, unknown> | undefined).some(
      (id) => !store.tables[rule.target].isLive(id),
    );
    if (gone) errors[rule.field] = referenceMessage(rule);
  }
  const unique = UNIQUE_KEYS[entity];
  if (unique && !errors[unique.field]) {
    const holder = holderOfKey(store, entity, unique.field, fields[unique.field], record.id);
    if (holder) {
      const other = store.tables[entity].get(holder.id)?.record as Record<string, unknown>;
      errors[unique.field] = duplicateKeyMessage(
        entity,
        String(fields[unique.field]),
        entity === 'instruments' ? String(other?.kind ?? '') || null : null,
      );
    }
  }
  const extra = extraChecks[entity] as Check<E> | undefined;
  if (extra && Object.keys(errors).length === 0)
    Object.assign(errors, extra(store, record, previous));
  return errors;
}

export function checkInvariants<E extends EntityName>(
  store: LocalStore,
  entity: E,
  record: EntityMap[E],
  previous: EntityMap[E] | undefined,
): FieldErrors {
  return check(store, entity, record, previous);
}

/** Why a record may not be deleted now, or null. */
export function deletionBlocker(store: LocalStore, entity: EntityName, id: string): Message | null {
  if (entity === 'instruments') {
    const open = openLoanOf(store, id);
    if (open) return deletionBlockedMessage('instruments', memberName(store, open.memberId));
  }
  if (entity === 'members') {
    const open = store
      .statement(
        'SELECT count(*) AS n FROM loans WHERE member_id = ? AND returned_on IS NULL AND deleted = 0',
      )
      .get(id) as { n: number };
    if (open.n > 0) return deletionBlockedMessage('members', open.n);
  }
  return null;
}
