/**
 * A message from the core, the schemas or the server in the UI's language. A sync refusal from
 * a server of before the shared texts names its key without the `reasons.` prefix
 * (`rules.registerNameTaken`); such keys are found under `reasons.` too.
 */
import type { ApiError } from '../../../shared/api/result.ts';
import type { FieldErrors } from '../../../shared/domain/entities.ts';
import type { Message } from '../../../shared/messages/message.ts';
import { i18next } from './index.ts';

export function messageKey(key: string): string {
  return /^(rules|sync)\./.test(key) ? `reasons.${key}` : key;
}

export function messageText(message: Message): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {}))
    params[name] = typeof value === 'object' ? messageText(value) : value;
  return i18next.t(messageKey(message.key), { ...params, defaultValue: message.key });
}

/** An API error's message in the UI's language. */
export function errorText(error: ApiError): string {
  return messageText(error);
}

/** Messages per form field, said in the UI's language: what a form shows. */
export type FieldTexts = Record<string, string>;

export function fieldTexts(fields: FieldErrors): FieldTexts {
  return Object.fromEntries(
    Object.entries(fields).map(([field, message]) => [field, messageText(message)]),
  );
}
