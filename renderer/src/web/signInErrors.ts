/**
 * A refusal of the sign-in as the screens show it: messages at the fields they belong to, or
 * one for the whole form, in the UI's language. Times in it (a lockout's end) are said as
 * local times, not as the server's ISO text.
 */
import type { ApiError } from '../../../shared/api/result.ts';
import { i18next } from '../i18n/index.ts';
import { errorText, type FieldTexts, fieldTexts } from '../i18n/messageText.ts';

export interface SignInProblem {
  fields: FieldTexts;
  form: string | null;
}

export const NO_PROBLEM: SignInProblem = { fields: {}, form: null };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function localTime(iso: string): string {
  // Four-digit years: TT.MM.JJJJ in German (`dateStyle: 'short'` would write 05.03.25).
  return new Date(iso).toLocaleString(i18next.language === 'en' ? 'en-GB' : 'de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function readable(error: ApiError): ApiError {
  if (!error.params) return error;
  const params = Object.fromEntries(
    Object.entries(error.params).map(([name, value]) => [
      name,
      typeof value === 'string' && ISO_TIME.test(value) ? localTime(value) : value,
    ]),
  );
  return { ...error, params };
}

/** `known`: the fields the screen has; a message for any other field goes to the form. */
export function signInProblem(error: ApiError, known: readonly string[]): SignInProblem {
  const fields = error.fields ? fieldTexts(error.fields) : {};
  const atFields = Object.fromEntries(Object.entries(fields).filter(([f]) => known.includes(f)));
  const elsewhere = Object.entries(fields)
    .filter(([f]) => !known.includes(f))
    .map(([, text]) => text);
  if (elsewhere.length > 0) return { fields: atFields, form: elsewhere.join(' ') };
  if (Object.keys(atFields).length > 0) return { fields: atFields, form: null };
  return { fields: {}, form: errorText(readable(error)) };
}
