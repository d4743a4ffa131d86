/**
 * Rules across records, as data, so that the desktop and the server enforce the same ones for
 * every writer (each with its own lookups: SQLite there, the server's batch here):
 * - a reference may not newly point at a record that does not exist or is deleted (a record
 *   may keep pointing at one deleted since: a member whose household partner left);
 * - some fields are unique keys, compared trimmed and without regard to case;
 * - one open loan per instrument (enforced where loans are written);
 * - an instrument on loan, or a member with instruments on loan, cannot be deleted.
 * Every message carries a key and parameters beside the German text.
 */
import type { EntityName } from './entities.ts';

export interface RuleMessage {
  text: string;
  key: string;
  params: Record<string, string | number>;
}

export interface ReferenceRule {
  field: string;
  target: EntityName;
  /** The field holds a list of ids. */
  many?: boolean;
  message: string;
}

export const REFERENCES: { readonly [E in EntityName]: readonly ReferenceRule[] } = {
  members: [
    {
      field: 'registerIds',
      target: 'registers',
      many: true,
      message: 'Ein zugeordnetes Register gibt es nicht mehr.',
    },
    { field: 'householdId', target: 'members', message: 'Das Haushaltsmitglied gibt es nicht.' },
  ],
  registers: [
    {
      field: 'leaderIds',
      target: 'members',
      many: true,
      message: 'Ein Registerführer ist kein (aktuelles) Mitglied.',
    },
  ],
  instruments: [
    { field: 'registerId', target: 'registers', message: 'Das Register gibt es nicht mehr.' },
  ],
  loans: [
    { field: 'instrumentId', target: 'instruments', message: 'Das Instrument gibt es nicht.' },
    { field: 'memberId', target: 'members', message: 'Das Mitglied gibt es nicht.' },
  ],
  maintenance: [
    { field: 'instrumentId', target: 'instruments', message: 'Das Instrument gibt es nicht.' },
  ],
  events: [],
  attendance: [
    { field: 'eventId', target: 'events', message: 'Den Termin gibt es nicht.' },
    { field: 'memberId', target: 'members', message: 'Das Mitglied gibt es nicht.' },
  ],
  honours: [{ field: 'memberId', target: 'members', message: 'Das Mitglied gibt es nicht.' }],
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
): RuleMessage {
  if (entity === 'instruments')
    return {
      text: `Die Inventarnummer ${value} ist schon vergeben${otherLabel ? ` (${otherLabel})` : ''}.`,
      key: 'rules.inventoryNumberTaken',
      params: { value, other: otherLabel ?? '' },
    };
  return {
    text: `Ein Register „${value}“ gibt es schon.`,
    key: 'rules.registerNameTaken',
    params: { value },
  };
}

export function referenceMessage(rule: ReferenceRule): RuleMessage {
  return { text: rule.message, key: 'rules.referenceGone', params: { field: rule.field } };
}

export function selfHouseholdMessage(): RuleMessage {
  return {
    text: 'Ein Mitglied kann nicht sein eigener Haushalt sein.',
    key: 'rules.ownHousehold',
    params: {},
  };
}

export function instrumentOnLoanMessage(borrower: string, since: string): RuleMessage {
  return {
    text: `Dieses Instrument ist bereits an ${borrower} ausgeliehen (seit ${since}). Bitte zuerst die Rückgabe erfassen.`,
    key: 'rules.instrumentOnLoan',
    params: { borrower, since },
  };
}

export function deletionBlockedMessage(
  entity: 'instruments' | 'members',
  borrowerOrCount: string | number,
): RuleMessage {
  if (entity === 'instruments')
    return {
      text: `Das Instrument ist an ${borrowerOrCount} ausgeliehen. Bitte zuerst die Rückgabe erfassen.`,
      key: 'rules.deleteInstrumentOnLoan',
      params: { borrower: borrowerOrCount },
    };
  const n = Number(borrowerOrCount);
  return {
    text: `Das Mitglied hat noch ${n === 1 ? 'ein Instrument' : `${n} Instrumente`} ausgeliehen. Bitte zuerst die Rückgabe erfassen.`,
    key: 'rules.deleteMemberWithLoans',
    params: { count: n },
  };
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
