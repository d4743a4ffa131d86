/**
 * Writing one record the way every edit is written: validated by its schema, checked against
 * the cross-record rules, only changed fields stamped, and queued in the outbox. The
 * ClubService saves through it, and so does the import — without loading sync or backups.
 */
import { type ApiResult, fail, ok } from '../../shared/api/result.ts';
import { CLUB_RECORD_ID } from '../../shared/domain/club.ts';
import { todayIso } from '../../shared/domain/dates.ts';
import {
  type Draft,
  type EntityMap,
  type EntityName,
  validateRecord,
} from '../../shared/domain/entities.ts';
import { attendanceId, newId } from '../../shared/domain/ids.ts';
import { memberHistory } from '../../shared/domain/memberHistory.ts';
import { sameValue } from '../../shared/domain/sameValue.ts';
import { MAX_MUTATION_BYTES } from '../../shared/sync/protocol.ts';
import type { LocalStore } from '../store/localStore.ts';
import type { StoredRecord } from '../store/recordTable.ts';
import { checkInvariants } from './invariants.ts';

export const NOT_FOUND = 'core.recordNotFound';

/** Creates (no `id`) or updates a record in its own transaction. */
export function saveRecord<E extends EntityName>(
  store: LocalStore,
  entity: E,
  draft: Draft<E>,
): ApiResult<EntityMap[E]> {
  return writeRecord(store, entity, draft, true);
}

/**
 * The same inside a transaction the caller holds (an import writes thousands of records in
 * one): nothing is written unless every check passed, so no savepoint per record is needed.
 */
export function saveRecordInTransaction<E extends EntityName>(
  store: LocalStore,
  entity: E,
  draft: Draft<E>,
): ApiResult<EntityMap[E]> {
  if (!store.db.inTransaction) throw new Error('saveRecordInTransaction needs an open transaction');
  return writeRecord(store, entity, draft, false);
}

function writeRecord<E extends EntityName>(
  store: LocalStore,
  entity: E,
  draft: Draft<E>,
  ownTransaction: boolean,
): ApiResult<EntityMap[E]> {
  // Read, checked and written in one transaction: what was read is what the change replaces.
  const write = () => writeChecked(store, entity, draft);
  return ownTransaction ? store.transaction(write) : write();
}

function writeChecked<E extends EntityName>(
  store: LocalStore,
  entity: E,
  draft: Draft<E>,
): ApiResult<EntityMap[E]> {
  const candidate: Record<string, unknown> = { ...draft };
  if (entity === 'attendance') {
    // Attendance is keyed by event and member (see attendanceId).
    candidate.id = attendanceId(String(candidate.eventId ?? ''), String(candidate.memberId ?? ''));
  } else if (entity === 'club') {
    candidate.id = CLUB_RECORD_ID; // one per club: the first save creates it
  } else if (candidate.id === undefined || candidate.id === null || candidate.id === '') {
    candidate.id = newId();
  }
  // Attendance (by event and member) and the club record (by its fixed id) are upserts;
  // everything else is new exactly when it has no id.
  const upsert = entity === 'attendance' || entity === 'club';
  const isCreate = upsert || draft.id === undefined || draft.id === null || draft.id === '';
  // A record created here has a fresh id (UUIDv7): there is nothing stored to look up.
  const fresh = isCreate && !upsert;
  const previous = fresh ? undefined : store.tables[entity].get(String(candidate.id));
  const before = previous && !previous.deleted ? previous.record : undefined;
  if (entity === 'members') {
    // The membership periods and consents follow what changed (shared/domain/memberHistory.ts).
    Object.assign(candidate, memberHistory(before ?? null, candidate, todayIso()));
  }
  const validated = validateRecord(entity, candidate);
  if (!validated.ok) {
    return fail('validation', 'core.checkFields', {}, validated.fieldErrors);
  }
  const record = validated.value;
  // The mutation carries every field with its stamp (about 40 bytes each) beside the values.
  const bytes = Buffer.byteLength(JSON.stringify(record)) + 64 * Object.keys(record).length;
  if (bytes > MAX_MUTATION_BYTES) {
    const kb = (n: number) => Math.ceil(n / 1024);
    return fail('validation', 'core.recordTooLarge', {
      kb: kb(bytes),
      maxKb: kb(MAX_MUTATION_BYTES),
    });
  }
  if (!isCreate && !before) return fail('not_found', NOT_FOUND);
  const fieldErrors = checkInvariants(
    store,
    entity,
    record,
    before as unknown as EntityMap[E] | undefined,
  );
  if (Object.keys(fieldErrors).length > 0) {
    const first = Object.values(fieldErrors)[0]!;
    return fail('conflict', first.key, first.params, fieldErrors);
  }
  const next = record as unknown as StoredRecord['record'];
  const changed = Object.keys(next).filter(
    (field) => field !== 'id' && (!before || !sameValue(before[field], next[field])),
  );
  if (previous?.deleted) changed.push('deleted');
  if (changed.length > 0) {
    store.applyLocalChange(entity, { record: next, deleted: false }, previous, changed);
  }
  return ok(record);
}
