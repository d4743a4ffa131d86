/**
 * Grants as a line of text, for the command line and configuration files:
 * `entity:action[,action…]:scope[:fields]`, e.g. `members:read,write:ownRegisters:withoutSensitive`.
 * `fields` defaults to `all`.
 */
import { ENTITY_NAMES } from '../domain/entities.ts';
import { ACTIONS, FIELD_ACCESS, type Grant, grantSchema, SCOPES } from './grants.ts';

export type GrantParse = { ok: true; grants: Grant[] } | { ok: false; message: string };

export function parseGrantText(text: string): GrantParse {
  const parts = text.trim().split(':');
  if (parts.length < 3 || parts.length > 4)
    return {
      ok: false,
      message: `„${text}“ ist keine Berechtigung. Form: Datenart:Aktion[,Aktion]:Bereich[:Felder], z. B. members:read:ownRegisters:withoutSensitive`,
    };
  const [entity, actions, scope, fields = 'all'] = parts as [string, string, string, string?];
  const grants: Grant[] = [];
  for (const action of actions.split(',')) {
    const parsed = grantSchema.safeParse({ entity, action, scope, fields });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      const allowed: Record<string, readonly string[]> = {
        entity: ENTITY_NAMES,
        action: ACTIONS,
        scope: SCOPES,
        fields: FIELD_ACCESS,
      };
      const given = { entity, action, scope, fields }[field] ?? text;
      return {
        ok: false,
        message: `„${given}“ in „${text}“ ist nicht erlaubt. Möglich: ${(allowed[field] ?? []).join(', ')}.`,
      };
    }
    grants.push(parsed.data);
  }
  return { ok: true, grants };
}

export function formatGrant(grant: Grant): string {
  return `${grant.entity}:${grant.action}:${grant.scope}${grant.fields === 'all' ? '' : `:${grant.fields}`}`;
}
