/**
 * The permission model of DESIGN.md "Rights": a role is a set of grants
 * `(entity, action, scope, fields)`. Pure data and pure functions, so the server enforces
 * exactly what the desktop uses to hide what a user may not do.
 */
import { z } from 'zod';
import { ENTITY_NAMES, type EntityName, entityNameSchema } from '../domain/entities.ts';

export const ACTIONS = ['read', 'write', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

/** all records / records of the user's own registers / the user's own member record. */
export const SCOPES = ['all', 'ownRegisters', 'ownRecord'] as const;
export type Scope = (typeof SCOPES)[number];

/** all fields / without the entity's sensitive fields (bank data, birth date, fee exemption). */
export const FIELD_ACCESS = ['all', 'withoutSensitive'] as const;
export type FieldAccess = (typeof FIELD_ACCESS)[number];

export const grantSchema = z
  .object({
    entity: entityNameSchema,
    action: z.enum(ACTIONS),
    scope: z.enum(SCOPES),
    fields: z.enum(FIELD_ACCESS),
  })
  .strict();
export type Grant = z.output<typeof grantSchema>;

/** Grants for several entities and actions at once, to keep the role table readable. */
export function grants(
  entities: readonly EntityName[] | 'every',
  actions: readonly Action[],
  scope: Scope,
  fields: FieldAccess = 'all',
): Grant[] {
  const list = entities === 'every' ? ENTITY_NAMES : entities;
  return list.flatMap((entity) => actions.map((action) => ({ entity, action, scope, fields })));
}
