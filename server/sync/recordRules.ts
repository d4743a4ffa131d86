/**
 * The rules across records (shared/domain/recordRules.ts) on the server, for every writer and
 * every mutation, with the batch's view of the club (its own writes included): no new link to
 * a record that does not exist or is deleted, unique keys, one open loan per instrument, and no
 * deleting what is on loan. The desktop checks the same rules before it saves
 * (electron/core/invariants.ts); here they hold across devices.
 */
import { formatGermanDate } from '../../shared/domain/dates.ts';
import type { EntityName } from '../../shared/domain/entities.ts';
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
import { translate } from '../../shared/messages/translate.ts';
import type { RecordBatch } from '../data/recordBatch.ts';
import type { Fields } from '../data/recordStore.ts';
import { AppError } from '../errors.ts';

/** A refusal by a rule across records, at the field it concerns. */
function ruleViolation(field: string, rule: Message): AppError {
  return new AppError('conflict', rule.key, rule.params, { field });
}

async function memberName(batch: RecordBatch, id: unknown): Promise<string> {
  const member = typeof id === 'string' ? await batch.load('members', id) : undefined;
  return member
    ? `${member.fields.firstName ?? ''} ${member.fields.lastName ?? ''}`.trim()
    : // A name, not a message: it travels as a parameter of the rule's message.
      translate({ key: 'server.sync.deletedMember' }, 'de');
}

/** Refuses the record as it will be stored if it breaks a rule (throws an AppError). */
export async function checkRecordRules(
  batch: RecordBatch,
  entity: EntityName,
  id: string,
  after: Fields,
  before: Fields | null,
): Promise<void> {
  if (entity === 'members' && after.householdId === id)
    throw ruleViolation('householdId', selfHouseholdMessage());
  for (const rule of REFERENCES[entity])
    for (const target of newReferences(rule, after, before ?? undefined)) {
      const stored = await batch.load(rule.target, target);
      if (!stored || stored.deleted) throw ruleViolation(rule.field, referenceMessage(rule));
    }
  const unique = UNIQUE_KEYS[entity];
  const key = unique && uniqueKey(after[unique.field]);
  if (unique && key) {
    const holder = await batch.holderOfKey(entity, unique.field, key, id);
    if (holder) {
      const other = await batch.load(entity, holder);
      throw ruleViolation(
        unique.field,
        duplicateKeyMessage(
          entity,
          String(after[unique.field]),
          entity === 'instruments' ? String(other?.fields.kind ?? '') || null : null,
        ),
      );
    }
  }
  if (entity === 'loans' && !after.returnedOn) {
    const open = await batch.openLoanOf(String(after.instrumentId), id);
    if (open)
      throw ruleViolation(
        'instrumentId',
        instrumentOnLoanMessage(
          await memberName(batch, open.memberId),
          formatGermanDate(String(open.issuedOn)),
        ),
      );
  }
}

/** Refuses deleting an instrument on loan or a member with instruments on loan. */
export async function checkDeletion(
  batch: RecordBatch,
  entity: EntityName,
  id: string,
): Promise<void> {
  // The club's own record is changed, never deleted: letters and reports need it.
  if (entity === 'club') throw new AppError('conflict', 'core.clubNotDeletable');
  if (entity === 'instruments') {
    const open = await batch.openLoanOf(id, null);
    if (open)
      throw ruleViolation(
        'deleted',
        deletionBlockedMessage('instruments', await memberName(batch, open.memberId)),
      );
  }
  if (entity === 'members') {
    const count = await batch.openLoansOfMember(id);
    if (count > 0) throw ruleViolation('deleted', deletionBlockedMessage('members', count));
  }
}
