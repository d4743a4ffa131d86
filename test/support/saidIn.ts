/**
 * Results as a person reads them: every message of an API error (and its fields) turned into
 * words, German unless asked otherwise, so tests assert the sentence a secretary sees.
 */
import type { Language } from '../../shared/messages/language.ts';
import type { Message } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';

type Said = {
  ok: boolean;
  value?: unknown;
  error?: { message: string; fields?: Record<string, string> } & Record<string, unknown>;
};

export function saidIn<T>(result: T, language: Language = 'de'): Said {
  const r = result as {
    ok: boolean;
    value?: unknown;
    error?: Message & { fields?: Record<string, Message> };
  };
  if (r.ok || !r.error) return r as Said;
  const fields = r.error.fields
    ? Object.fromEntries(
        Object.entries(r.error.fields).map(([f, m]) => [f, translate(m, language)]),
      )
    : undefined;
  const { fields: _messages, ...error } = r.error;
  return {
    ok: false,
    error: { ...error, message: translate(r.error, language), ...(fields ? { fields } : {}) },
  };
}
