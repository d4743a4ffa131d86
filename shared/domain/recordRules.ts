/**
 * Rules across records, as data, so that the desktop and the server enforce the same ones for
 * every writer (each with its own lookups: SQLite there, the server's batch here):
 * - a reference may not newly point at a record that does not exist or is deleted (a record
 *   may keep pointing at one deleted since: a member whose household partner left);
 * - some fields are unique keys, compared trimmed and without regard to case;
 * - one open loan per instrument (enforced where loans are written);
 * - an instrument on loan, or a member with instruments on loan, cannot be deleted.
 * Every refusal is a message (a key of shared/messages with parameters).
 */
import type { Message } from '../messages/message.ts';
import type { EntityName } from './entities.ts';

export interface ReferenceRule {
  field: string;
  target: EntityName;
  /** The field holds a list of ids. */
  many?: boolean;
}

export const REFERENCES: { readonly [E in EntityName]: readonly ReferenceRule[] } = {
  members: [
    {
      field: 'registerIds',
      target: 'registers',
      many: true,
    },
    { field: 'householdId', target: 'members' },
  ],
  registers: [
    {
      field: 'leaderIds',
      target: 'members',
      many: true,
    },
  ],
  instruments: [{ field: 'registerId', target: 'registers' }],
  loans: [
    { field: 'instrumentId', target: 'instruments' },
    { field: 'memberId', target: 'members' },
  ],
  maintenance: [{ field: 'instrumentId', target: 'instruments' }],
  events: [],
  attendance: [
    { field: 'eventId', target: 'events' },
    { field: 'memberId', target: 'members' },
  ],
  honours: [{ field: 'memberId', target: 'members' }],
  club: [
    { field: 'chairId', target: 'members' },
    { field: 'conductorIds', target: 'members', many: true },
    { field: 'youthLeaderId', target: 'members' },
  ],
};

/** Ids a reference field holds (none for null). */
export function referencedIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** The ids `rule` refers to now that it did not before: only those must be live. */
export function newReferences(
  rule: ReferenceRule,
  record: Record<string, unknown>,
  previous: Record<string, unknown> | undefined,
): string[] {
  const before = new Set(referencedIds(previous?.[rule.field]));
  return referencedIds(record[rule.field]).filter((id) => !before.has(id));
}

/** Unique keys: at most one live record per entity with the same key. */
export const UNIQUE_KEYS: { readonly [E in EntityName]?: { field: string } } = {
  registers: { field: 'name' },
  instruments: { field: 'inventoryNumber' },
};

/** How unique keys compare: " Blech " and "BLECH" are the same register. */
export function uniqueKey(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const key = value.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
  return key === '' ? null : key;
}

export function duplicateKeyMessage(
  entity: EntityName,
  value: string,
  otherLabel: string | null,
): Message {
  if (entity === 'instruments')
    return otherLabel
      ? { key: 'reasons.rules.inventoryNumberTakenBy', params: { value, other: otherLabel } }
      : { key: 'reasons.rules.inventoryNumberTaken', params: { value } };
  return { key: 'reasons.rules.registerNameTaken', params: { value } };
}

export function referenceMessage(rule: ReferenceRule): Message {
  return { key: `reasons.rules.reference.${rule.field}` };
}

export function selfHouseholdMessage(): Message {
  return { key: 'reasons.rules.ownHousehold' };
}

/** `borrower`: a name, or a message where there is none (a member deleted since). */
export function instrumentOnLoanMessage(borrower: string | Message, since: string): Message {
  return { key: 'reasons.rules.instrumentOnLoan', params: { borrower, since } };
}

export function deletionBlockedMessage(
  entity: 'instruments' | 'members',
  borrowerOrCount: string | number | Message,
): Message {
  if (entity === 'instruments')
    return { key: 'reasons.rules.deleteInstrumentOnLoan', params: { borrower: borrowerOrCount } };
  return { key: 'reasons.rules.deleteMemberWithLoans', params: { count: Number(borrowerOrCount) } };
}

/** Groups of live records that share a unique key: listed for the person, never renamed. */
export function findDuplicates(
  records: readonly Record<string, unknown>[],
  field: string,
): { key: string; ids: string[]; values: string[] }[] {
  const groups = new Map<string, { ids: string[]; values: string[] }>();
  for (const record of records) {
    const key = uniqueKey(record[field]);
    if (key === null) continue;
    const group = groups.get(key) ?? { ids: [], values: [] };
    group.ids.push(String(record.id));
    group.values.push(String(record[field]));
    groups.set(key, group);
  }
  return [...groups]
    .filter(([, group]) => group.ids.length > 1)
    .map(([key, group]) => ({ key, ...group }));
}
