/**
 * zod issues → messages. A schema's message is a key (see zodSetup.ts); the numbers a text
 * needs (`{{max}}`) are taken from the issue, a custom issue brings its own `params`.
 */
import type { Message, MessageParams } from '../messages/message.ts';

export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  maximum?: unknown;
  minimum?: unknown;
  params?: Record<string, unknown>;
}

function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'bigint' ? Number(value) : undefined;
}

export function issueMessage(issue: SchemaIssue): Message {
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(issue.params ?? {}))
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  const max = numeric(issue.maximum);
  const min = numeric(issue.minimum);
  if (max !== undefined) params.max = max;
  if (min !== undefined) params.min = min;
  return Object.keys(params).length > 0 ? { key: issue.message, params } : { key: issue.message };
}

/** The field an issue belongs to: its path joined by dots, `_form` for the whole record. */
export function issueField(issue: SchemaIssue): string {
  return issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
}

/**
 * One message per field, the first (a form shows one per field); unknown fields are named each
 * as such, so a client learns exactly which of its fields the other side does not know.
 */
export function issueFieldErrors(issues: readonly SchemaIssue[]): Record<string, Message> {
  const fields: Record<string, Message> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? [])
        fields[[...issue.path, key].map(String).join('.')] = { key: 'validation.unknownField' };
      continue;
    }
    fields[issueField(issue)] ??= issueMessage(issue);
  }
  return fields;
}
