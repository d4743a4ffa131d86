/**
 * The server's refusals are `AppError`s (shared/api/appError.ts): a code, a message as a key of
 * `server.*` (or `validation.*`, `reasons.*`) with its parameters, and — for a record or a
 * request that failed its schema — a message per field. Whoever shows one says it in their
 * language: HTTP answers and sync rejections in German beside the key (older desktops show the
 * German text), the command line by `--lang`/`LANG`.
 */
// Every schema's message is a key (validation.*), also of the schemas built here.
import '../shared/domain/zodSetup.ts';
import { AppError } from '../shared/api/appError.ts';
import type { FieldErrors } from '../shared/domain/entities.ts';
import { issueFieldErrors, type SchemaIssue } from '../shared/domain/issueMessage.ts';
import type { Language } from '../shared/messages/language.ts';
import type { Message } from '../shared/messages/message.ts';
import { translate } from '../shared/messages/translate.ts';

export { AppError, isAppError } from '../shared/api/appError.ts';

/** What an id handed in from outside names; each has its own sentence. */
export type IdKind = 'club' | 'user' | 'register' | 'member' | 'record' | 'staff';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks an id handed in from outside before it reaches a query. */
export function requireUuid(value: string, kind: IdKind): string {
  if (!UUID.test(value)) throw new AppError('bad_request', `server.ids.${kind}`, { value });
  return value.toLowerCase();
}

/**
 * zod issues → one message per field (unknown fields named as such) under a summary
 * (`whatKey`, e.g. `server.http.invalidRequest`: "Die Anfrage ist ungültig.").
 */
export function validationError(whatKey: string, issues: readonly SchemaIssue[]): AppError {
  return new AppError('validation', whatKey, {}, { fields: issueFieldErrors(issues) });
}

/** Messages per field in one language: what older desktops expect as `fields`. */
export function fieldTexts(fields: FieldErrors, language: Language = 'de'): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([field, message]) => [field, translate(message, language)]),
  );
}

/** The messages per field of an error: its `fields`, or its one `field`. */
export function fieldMessagesOf(error: AppError): FieldErrors | undefined {
  return error.fields ?? (error.field ? { [error.field]: error.text } : undefined);
}

/**
 * A refusal in one line: its message and, for a request or record that failed its schema
 * (several `fields`), what is wrong with each field — "Der Datensatz ist ungültig. iban: Die
 * IBAN ist ungültig: Prüfsumme stimmt nicht."
 */
export function describeError(error: AppError, language: Language = 'de'): string {
  const text = translate(error.text, language);
  if (!error.fields) return text;
  const details = Object.entries(error.fields).map(
    ([field, message]) => `${field}: ${translate(message, language)}`,
  );
  return [text, ...details].join(' ');
}

/**
 * A text a shared module still gives as a German sentence (or already as a message): as a
 * message, so that it can travel and be told like any other.
 */
export function messageOf(text: string | Message): Message {
  return typeof text === 'string' ? { key: 'server.detail', params: { detail: text } } : text;
}
