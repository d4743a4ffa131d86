import type { ApiErrorCode } from '../shared/api/result.ts';
import type { FieldErrors } from '../shared/domain/entities.ts';

export type ServiceErrorCode = ApiErrorCode | 'locked';

/**
 * A refusal the person at the other end can act on, in German. The HTTP layer and the command
 * line both show `message` as it is; HTTP maps `code` to a status unless one is given.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * A refusal by a rule across records (shared/domain/recordRules.ts), with the message's key and
 * parameters for a UI in another language.
 */
export class RuleViolation extends ServiceError {
  constructor(
    field: string,
    readonly rule: { text: string; key: string; params: Record<string, string | number> },
  ) {
    super('conflict', rule.text, { [field]: rule.text });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks an id handed in from outside before it reaches a query. */
export function requireUuid(value: string, what: string): string {
  if (!UUID.test(value))
    throw new ServiceError('bad_request', `${what} „${value}“ ist keine gültige ID.`);
  return value.toLowerCase();
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

/** zod issues → one German message per field (unknown fields named as such), plus a summary. */
export function validationError(what: string, issues: readonly Issue[]): ServiceError {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? [])
        fields[[...issue.path, key].map(String).join('.')] = 'Unbekanntes Feld.';
      continue;
    }
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
    fields[field] ??= issue.message;
  }
  const summary = Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join(' ');
  return new ServiceError('validation', `${what} ist ungültig. ${summary}`, fields);
}
