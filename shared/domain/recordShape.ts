/**
 * A stored record as every screen expects it: each field of its entity present, with the value
 * the schema gives a field that was never set (an empty list, `false`, `null`) — as the desktop
 * reads a record from its table columns. A record written by an older desktop, or by a writer
 * that set only some fields, lacks some keys; the web application completes it before a page
 * sees it, so a list that was never set is an empty list there too, not a crash.
 *
 * Sensitive fields are never added: one absent from a view was taken out for a role that may
 * not see it, and a value put in its place would be sent back by that role's forms.
 */
import type { z } from 'zod';
import { ENTITIES, type EntityName, strictSchemaOf } from './entities.ts';

const missingValues = new Map<EntityName, readonly [string, unknown][]>();

/** Each non-sensitive field and the value the schema gives it when it is missing. */
function missingValuesOf(entity: EntityName): readonly [string, unknown][] {
  let values = missingValues.get(entity);
  if (!values) {
    const sensitive = new Set(ENTITIES[entity].sensitiveFields);
    const shape = (strictSchemaOf(entity) as z.ZodObject).shape as Record<string, z.ZodType>;
    values = Object.entries(shape)
      .filter(([field]) => field !== 'id' && !sensitive.has(field))
      .map(([field, schema]) => {
        const parsed = schema.safeParse(undefined);
        return [field, parsed.success ? (parsed.data ?? null) : null] as [string, unknown];
      });
    missingValues.set(entity, values);
  }
  return values;
}

/** The record with every missing non-sensitive field set to its empty value (a new object). */
export function completeRecord<T extends Record<string, unknown>>(
  entity: EntityName,
  record: T,
): T {
  const complete: Record<string, unknown> = { ...record };
  for (const [field, value] of missingValuesOf(entity))
    if (complete[field] === undefined)
      complete[field] =
        value !== null && typeof value === 'object' ? structuredClone(value) : value;
  return complete as T;
}
