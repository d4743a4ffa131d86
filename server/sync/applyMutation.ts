/**
 * Applying one pushed mutation inside its transaction: every op merged field by field with the
 * stored record (last writer wins by HLC stamp), the merged record validated with the shared
 * schema, the change checked against the principal's grants and the cross-record rules, then
 * stored under the club's next version and audited. Any refusal rejects the whole mutation;
 * it throws before its first write when the mutation has a single op.
 */

import { todayIso } from '../../shared/domain/dates.ts';
import { strictSchemaOf } from '../../shared/domain/entities.ts';
import { memberHistory } from '../../shared/domain/memberHistory.ts';
import type { Message } from '../../shared/messages/message.ts';
import { hasText } from '../../shared/messages/translate.ts';
import {
  decideDelete,
  decideWrite,
  fieldAccess,
  readView,
  sensitiveFieldsOf,
  touchedFields,
} from '../../shared/rights/access.ts';
import { beyondDrift, MAX_CLOCK_DRIFT_MS, stampWall } from '../../shared/sync/hlc.ts';
import { mergeRecord } from '../../shared/sync/merge.ts';
import type { MessageParams, Mutation, MutationOutcome } from '../../shared/sync/protocol.ts';
import type { Principal } from '../data/principal.ts';
import type { RecordBatch } from '../data/recordBatch.ts';
import type { LiveRelations } from '../data/recordRelations.ts';
import type { Fields } from '../data/recordStore.ts';
import { AppError, describeError, fieldMessagesOf, validationError } from '../errors.ts';
import { checkDeletion, checkRecordRules } from './recordRules.ts';
import type { ServerClock } from './serverClock.ts';

/**
 * The reason of a refusal as desktops before the shared texts know it: they show
 * `t('reasons.' + reasonKey)`, so a key under `reasons.` goes without that prefix, any other
 * as it is. Two rules got finer keys since; they keep the key and parameters they had.
 */
export function reasonKeyOf(reason: Message): { reasonKey: string; reasonParams: MessageParams } {
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(reason.params ?? {}))
    if (typeof value !== 'object') params[name] = value;
  const { key } = reason;
  if (
    key === 'reasons.rules.inventoryNumberTaken' ||
    key === 'reasons.rules.inventoryNumberTakenBy'
  )
    return {
      reasonKey: 'rules.inventoryNumberTaken',
      reasonParams: { value: params.value ?? '', other: params.other ?? '' },
    };
  if (key.startsWith('reasons.rules.reference.'))
    return {
      reasonKey: 'rules.referenceGone',
      reasonParams: { field: key.slice('reasons.rules.reference.'.length) },
    };
  return {
    reasonKey: key.startsWith('reasons.') ? key.slice('reasons.'.length) : key,
    reasonParams: params,
  };
}

/** The general reason for a refusal of this kind (`reasons.sync.rejected.forbidden`). */
function generalReason(error: AppError): Message {
  const key = `reasons.sync.rejected.${error.code}`;
  return { key: hasText(key) ? key : 'reasons.unknown' };
}

/**
 * A mutation the server refuses as a whole; recorded with its reason and returned. `message`
 * is the German text (with each field's problem), `error` the refusal as messages; `reason` is
 * what older desktops look up: the rule's own message, or the general one of its kind.
 */
export class MutationRejected extends Error {
  readonly reason: Message;

  constructor(
    readonly error: AppError,
    reason?: Message,
  ) {
    super(describeError(error, 'de'));
    this.reason = reason ?? (error.key.startsWith('reasons.') ? error.text : generalReason(error));
  }

  get code() {
    return this.error.code;
  }

  /** Messages per field, if the refusal names fields. */
  get fieldMessages() {
    return fieldMessagesOf(this.error);
  }
}

/** The unit a person would use for how far a clock is ahead, and how many of it. */
export function aheadBy(ms: number): { unit: string; count: number } {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.round(seconds / 60);
  const hours = Math.round(minutes / 60);
  const days = Math.round(hours / 24);
  if (seconds < 120) return { unit: 'seconds', count: seconds };
  if (minutes < 120) return { unit: 'minutes', count: minutes };
  if (hours < 48) return { unit: 'hours', count: hours };
  if (days < 730) return { unit: 'days', count: days };
  return { unit: 'years', count: Math.round(days / 365) };
}

/**
 * Refuses a mutation whose stamps lie more than the drift bound ahead of the server's clock:
 * it would overrule every edit made after it in real time, for as long as its clock is ahead.
 */
function refuseStampsAhead(mutation: Mutation, nowMs: number, deviceAheadMs: number): void {
  const beyond = beyondDrift(nowMs);
  let latest = '';
  for (const op of mutation.ops)
    for (const stamp of Object.values(op.stamps)) if (stamp > latest) latest = stamp;
  const stampAhead = latest && beyond(latest) ? stampWall(latest) - nowMs : 0;
  const ahead = Math.max(stampAhead, deviceAheadMs);
  if (ahead <= MAX_CLOCK_DRIFT_MS) return;
  const { unit, count } = aheadBy(ahead);
  throw new MutationRejected(
    new AppError('conflict', `server.sync.clockAhead.${unit}`, { count }),
    { key: 'reasons.sync.clockAhead', params: { seconds: Math.round(ahead / 1000) } },
  );
}

/** A refusal by the rights (shared/rights/access.ts). */
function rightsRefusal(refusal: Message): AppError {
  return new AppError('forbidden', refusal.key, refusal.params);
}

/**
 * Applies one mutation; the clock (this server node's) observes its stamps once it is taken,
 * so every stamp the server makes afterwards sorts after them.
 */
export async function applyMutation(
  principal: Principal,
  mutation: Mutation,
  relations: LiveRelations,
  batch: RecordBatch,
  clock: ServerClock,
  /** How far the pushing device's clock is ahead of this server's; 0 for the server's own. */
  deviceAheadMs = 0,
): Promise<NonNullable<MutationOutcome['overridden']>> {
  const { subject } = principal;
  const overridden: NonNullable<MutationOutcome['overridden']> = [];
  refuseStampsAhead(mutation, clock.now(), deviceAheadMs);
  try {
    for (const sent of mutation.ops) {
      const stored = await batch.load(sent.entity, sent.id);
      const op = withMemberHistory(sent, stored?.fields ?? null, clock);
      if (stored && !readView(subject, op.entity, stored.fields, relations))
        throw new AppError('not_found', 'server.records.notVisible');
      const merged = mergeRecord(
        stored && { fields: { ...stored.fields, deleted: stored.deleted }, stamps: stored.stamps },
        {
          fields: op.set,
          stamps: op.stamps,
        },
      );
      for (const lost of merged.overridden)
        overridden.push({ entity: op.entity, id: op.id, field: lost.field });
      if (merged.applied.length === 0) continue;

      const { deleted: deletedValue, ...mergedFields } = merged.state.fields;
      // The id is part of the record as every reader sees it (rights by register compare it).
      const after: Fields = { ...mergedFields, id: op.id };
      const deleted = deletedValue === true;
      const wasDeleted = stored?.deleted ?? false;
      const before = stored ? stored.fields : null;
      const applied: Record<string, unknown> = {};
      for (const field of merged.applied) applied[field] = op.set[field];
      const touched = touchedFields(op.entity, applied, !stored);

      if (deleted && !wasDeleted) {
        const decision = decideDelete(subject, op.entity, before ?? after, relations);
        if (!decision.ok) throw rightsRefusal(decision.message);
        await checkDeletion(batch, op.entity, op.id);
      }
      // A record new to the server is checked whole, also when it arrives deleted: a deletion
      // of a record the server never had would otherwise leave a ghost with no fields.
      if (!stored || !deleted || touched.length > 0) {
        validate(principal, op.entity, op.id, after, relations);
        const decision = decideWrite(
          subject,
          op.entity,
          wasDeleted ? null : before,
          after,
          relations,
          touched,
        );
        if (!decision.ok) throw rightsRefusal(decision.message);
        if (!deleted)
          await checkRecordRules(batch, op.entity, op.id, after, wasDeleted ? null : before);
      }

      await batch.store(op.entity, op.id, { fields: after, stamps: merged.state.stamps, deleted });
      relations.note(op.entity, op.id, after, deleted);
      batch.audit({
        action: !stored
          ? 'create'
          : deleted && !wasDeleted
            ? 'delete'
            : wasDeleted && !deleted
              ? 'restore'
              : 'update',
        entity: op.entity,
        recordId: op.id,
        fields: merged.applied,
      });
    }
  } catch (error) {
    if (error instanceof AppError) throw new MutationRejected(error);
    throw error;
  }
  for (const op of mutation.ops) clock.observeAll(Object.values(op.stamps));
  return overridden;
}

const STATUS_FIELDS = ['status', 'entryDate', 'exitDate'];
const CONSENT_FLAGS = ['consentPhotos', 'consentNewsletter'];

/**
 * A member's change from a desktop older than the member history (it sends a status or a
 * yes/no consent field, but no `memberships` or `consents`): the server keeps the history as
 * a newer desktop would (shared/domain/memberHistory.ts), stamped like the change, so every
 * replica gets the same and a later save on a newer desktop does not undo it.
 */
function withMemberHistory(
  op: Mutation['ops'][number],
  stored: Fields | null,
  clock: ServerClock,
): Mutation['ops'][number] {
  if (op.entity !== 'members') return op;
  const followStatus = !('memberships' in op.set) && STATUS_FIELDS.some((f) => f in op.set);
  const followConsents = !('consents' in op.set) && CONSENT_FLAGS.some((f) => f in op.set);
  if (!followStatus && !followConsents) return op;
  const triggers = [
    ...(followStatus ? STATUS_FIELDS : []),
    ...(followConsents ? CONSENT_FLAGS : []),
  ];
  const stamp = triggers
    .map((f) => op.stamps[f])
    .filter((s): s is string => s !== undefined)
    .sort()
    .at(-1)!;
  const history = memberHistory(stored, op.set, todayIso(new Date(clock.now())));
  const set = { ...op.set };
  const stamps = { ...op.stamps };
  if (followStatus) {
    set.memberships = history.memberships;
    stamps.memberships = stamp;
  }
  if (followConsents) {
    set.consents = history.consents;
    stamps.consents = stamp;
  }
  return { ...op, set, stamps };
}

/**
 * The merged record must satisfy the schema. Values are checked, not rewritten: every replica
 * stores exactly what was stamped, or replicas would differ. A writer without sensitive fields
 * is checked on what it sees, so the answer cannot reveal a hidden value.
 */
function validate(
  principal: Principal,
  entity: Parameters<typeof sensitiveFieldsOf>[0],
  id: string,
  record: Fields,
  relations: Parameters<typeof readView>[3],
): void {
  const candidate: Fields = { ...record, id };
  if (fieldAccess(principal.subject, entity, 'write', record, relations) !== 'all')
    for (const field of sensitiveFieldsOf(entity)) delete candidate[field];
  const parsed = strictSchemaOf(entity).safeParse(candidate);
  if (!parsed.success) throw validationError('server.records.invalid', parsed.error.issues);
}
