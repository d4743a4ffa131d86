/**
 * Deciding one access: may this subject read, write or delete this record, and which fields
 * does it see? "Own registers" and "own record" are answered from the record and its relations
 * (a loan belongs to the registers of its instrument and of its member).
 */
import { ENTITIES, type EntityName } from '../domain/entities.ts';
import { isEmptyValue } from '../domain/fields.ts';
import type { Message } from '../messages/message.ts';
import type { Action, FieldAccess, Grant } from './grants.ts';

/** Who asks: the grants of their role, their registers and their own member record. */
export interface Subject {
  grants: readonly Grant[];
  registerIds: readonly string[];
  memberId: string | null;
}

/** What is needed to place a record that does not name its registers itself. */
export interface Relations {
  memberRegisters(memberId: string): readonly string[];
  instrumentRegister(instrumentId: string): string | null;
}

type Fields = Record<string, unknown>;

function text(record: Fields, field: string): string | null {
  const value = record[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The registers a record belongs to; events belong to none (a rehearsal is the club's). */
export function registersOf(entity: EntityName, record: Fields, relations: Relations): string[] {
  const ofMember = (field: string) => {
    const id = text(record, field);
    return id ? [...relations.memberRegisters(id)] : [];
  };
  const ofInstrument = () => {
    const id = text(record, 'instrumentId');
    const register = id ? relations.instrumentRegister(id) : null;
    return register ? [register] : [];
  };
  switch (entity) {
    case 'members':
      return Array.isArray(record.registerIds) ? (record.registerIds as string[]) : [];
    case 'registers':
      return text(record, 'id') ? [record.id as string] : [];
    case 'instruments':
      return text(record, 'registerId') ? [record.registerId as string] : [];
    case 'loans':
      return [...ofInstrument(), ...ofMember('memberId')];
    case 'maintenance':
      return ofInstrument();
    case 'attendance':
    case 'honours':
      return ofMember('memberId');
    case 'events':
    case 'club':
      return [];
  }
}

/** The member a record is about, for the scope "own record". */
export function memberOf(entity: EntityName, record: Fields): string | null {
  if (entity === 'members') return text(record, 'id');
  if (entity === 'loans' || entity === 'attendance' || entity === 'honours')
    return text(record, 'memberId');
  return null;
}

function inScope(
  grant: Grant,
  subject: Subject,
  entity: EntityName,
  record: Fields,
  relations: Relations,
): boolean {
  switch (grant.scope) {
    case 'all':
      return true;
    case 'ownRecord':
      return subject.memberId !== null && memberOf(entity, record) === subject.memberId;
    case 'ownRegisters': {
      const own = new Set(subject.registerIds);
      return registersOf(entity, record, relations).some((id) => own.has(id));
    }
  }
}

/** The widest field access any matching grant gives, or null when none matches. */
export function fieldAccess(
  subject: Subject,
  entity: EntityName,
  action: Action,
  record: Fields,
  relations: Relations,
): FieldAccess | null {
  let best: FieldAccess | null = null;
  for (const grant of subject.grants) {
    if (grant.entity !== entity || grant.action !== action) continue;
    if (!inScope(grant, subject, entity, record, relations)) continue;
    if (grant.fields === 'all') return 'all';
    best = 'withoutSensitive';
  }
  return best;
}

/** Whether the subject may do `action` on some records of `entity` at all (to hide a page). */
export function mayEver(subject: Subject, entity: EntityName, action: Action): boolean {
  return subject.grants.some((g) => g.entity === entity && g.action === action);
}

export function sensitiveFieldsOf(entity: EntityName): readonly string[] {
  return ENTITIES[entity].sensitiveFields;
}

/** The record as the subject may see it, or null when they may not see it at all. */
export function readView<T extends Fields>(
  subject: Subject,
  entity: EntityName,
  record: T,
  relations: Relations,
): Partial<T> | null {
  const access = fieldAccess(subject, entity, 'read', record, relations);
  if (access === null) return null;
  if (access === 'all') return record;
  const view: Fields = { ...record };
  for (const field of sensitiveFieldsOf(entity)) delete view[field];
  return view as Partial<T>;
}

export type WriteDecision = { ok: true } | { ok: false; message: Message };

const NO_RIGHT: Message = { key: 'server.rights.noRight' };

/**
 * May the subject change `before` (null for a new record) into `after`, setting the fields in
 * `touched`? Both states must be in the subject's scope — nobody moves a record into or out of
 * what they may touch — and a subject without sensitive fields may not set one at all: refusing
 * by presence, not by value, so that trying values cannot reveal the stored one.
 */
export function decideWrite(
  subject: Subject,
  entity: EntityName,
  before: Fields | null,
  after: Fields,
  relations: Relations,
  touched: readonly string[],
): WriteDecision {
  const afterAccess = fieldAccess(subject, entity, 'write', after, relations);
  const beforeAccess = before ? fieldAccess(subject, entity, 'write', before, relations) : 'all';
  if (afterAccess === null || beforeAccess === null) return { ok: false, message: NO_RIGHT };
  if (afterAccess === 'all' && beforeAccess === 'all') return { ok: true };
  const sensitive = new Set(sensitiveFieldsOf(entity));
  if (touched.some((field) => sensitive.has(field)))
    return { ok: false, message: { key: 'server.rights.sensitiveFields' } };
  return { ok: true };
}

/**
 * The fields a write sets, for `decideWrite`. A new record's empty sensitive fields (what a form
 * or a desktop sends for fields the writer never saw) set nothing: there is no stored value
 * they could replace or probe.
 */
export function touchedFields(
  entity: EntityName,
  set: Record<string, unknown>,
  isNew: boolean,
): string[] {
  const sensitive = new Set(sensitiveFieldsOf(entity));
  return Object.keys(set).filter(
    (field) =>
      field !== 'id' &&
      field !== 'deleted' &&
      !(isNew && sensitive.has(field) && isEmptyValue(set[field])),
  );
}

export function decideDelete(
  subject: Subject,
  entity: EntityName,
  record: Fields,
  relations: Relations,
): WriteDecision {
  return fieldAccess(subject, entity, 'delete', record, relations) === null
    ? { ok: false, message: { key: 'server.rights.noDelete' } }
    : { ok: true };
}
