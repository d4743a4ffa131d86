/**
 * The registry of entities: one place that knows every entity's schema and which of its fields
 * are sensitive. Stores, transports, exports and the UI all look entities up here.
 */
import './zodSetup.ts';
import { z } from 'zod';
import type { Message } from '../messages/message.ts';
import { type Attendance, attendanceSchema } from './attendance.ts';
import { CATALOGUE, sensitiveFieldsIn } from './catalogue/index.ts';
import { type Club, clubSchema } from './club.ts';
import { type ClubEvent, eventSchema } from './event.ts';
import { type Honour, honourSchema } from './honour.ts';
import { type Instrument, instrumentSchema } from './instrument.ts';
import { issueMessage, type SchemaIssue } from './issueMessage.ts';
import { type Loan, loanSchema } from './loan.ts';
import { type Maintenance, maintenanceSchema } from './maintenance.ts';
import { type Member, memberSchema } from './member.ts';
import { type Register, registerSchema } from './register.ts';

export const ENTITY_NAMES = [
  'members',
  'registers',
  'instruments',
  'loans',
  'maintenance',
  'events',
  'attendance',
  'honours',
  'club',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];
export const entityNameSchema = z.enum(ENTITY_NAMES, { error: 'validation.entity' });

export interface EntityMap {
  members: Member;
  registers: Register;
  instruments: Instrument;
  loans: Loan;
  maintenance: Maintenance;
  events: ClubEvent;
  attendance: Attendance;
  honours: Honour;
  club: Club;
}

export type EntityRecord<E extends EntityName = EntityName> = EntityMap[E];

/** What a form or an import hands in: the record's fields, `id` missing for a new record. */
export type Draft<E extends EntityName = EntityName> = Partial<
  Record<keyof EntityMap[E], unknown>
> & {
  id?: string;
};

interface EntityDefinition {
  schema: z.ZodObject;
  sensitiveFields: readonly string[];
}

const SCHEMAS: Record<EntityName, z.ZodObject> = {
  members: memberSchema,
  registers: registerSchema,
  instruments: instrumentSchema,
  loans: loanSchema,
  maintenance: maintenanceSchema,
  events: eventSchema,
  attendance: attendanceSchema,
  honours: honourSchema,
  club: clubSchema,
};

// Every entity has its field catalogue: this line fails to compile if one is missing.
const _catalogued: Record<EntityName, unknown> = CATALOGUE;
void _catalogued;

/** Each entity's schema and sensitive fields (the latter from the field catalogue). */
export const ENTITIES = {} as Record<EntityName, EntityDefinition>;
for (const name of ENTITY_NAMES)
  ENTITIES[name] = { schema: SCHEMAS[name], sensitiveFields: sensitiveFieldsIn(name) };

const strictSchemas = new Map<EntityName, z.ZodObject>();

/**
 * The entity's schema refusing unknown fields: what the server accepts from a client. Built
 * once per entity — making a zod schema costs far more than using it, and a push validates a
 * thousand records.
 */
export function strictSchemaOf(entity: EntityName): z.ZodObject {
  let schema = strictSchemas.get(entity);
  if (!schema) {
    schema = ENTITIES[entity].schema.strict();
    strictSchemas.set(entity, schema);
  }
  return schema;
}

/** Field errors keyed by field name, as messages (said in the UI's language where shown). */
export type FieldErrors = Record<string, Message>;

export type ValidationOutcome<E extends EntityName> =
  | { ok: true; value: EntityMap[E] }
  | { ok: false; fieldErrors: FieldErrors };

/** Validates a draft; the first message per field is kept, as a form shows one per field. */
export function validateRecord<E extends EntityName>(
  entity: E,
  draft: unknown,
): ValidationOutcome<E> {
  const result = ENTITIES[entity].schema.safeParse(draft);
  if (result.success) return { ok: true, value: result.data as EntityMap[E] };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    fieldErrors[field] ??= issueMessage(issue as SchemaIssue);
  }
  return { ok: false, fieldErrors };
}
