/**
 * The import's texts as data and as words. The importer says everything as an `ImportText`: a
 * message key with its values, the field it is about and other texts that fill placeholders
 * (the rule a value broke). Whoever shows one says it in the reader's language: the UI with
 * i18next and its field labels, the command line and the saved report with `translate`.
 */

import { fieldLabelKey } from '../domain/catalogue/index.ts';
import type { Language } from '../messages/language.ts';
import type { Message, MessageParams } from '../messages/message.ts';
import { hasText, translate } from '../messages/translate.ts';
import type { ImportText } from './importTextShape.ts';
import { type ImportEntity, targetOf } from './targets.ts';

/** An import text: `key` (under `import.` mostly), its values, and texts for placeholders. */
export function importText(
  key: string,
  params?: MessageParams,
  more: { field?: string; parts?: Record<string, ImportText> } = {},
): ImportText {
  const message: Message = params && Object.keys(params).length > 0 ? { key, params } : { key };
  const text: ImportText = { message };
  if (more.field !== undefined) text.field = more.field;
  if (more.parts && Object.keys(more.parts).length > 0) text.parts = more.parts;
  return text;
}

/** A message of elsewhere (a schema's, a rule's) as an import text. */
export function textOf(message: Message): ImportText {
  return importText(message.key, message.params);
}

/**
 * The words: the field's label into `{{field}}`, each part said into its placeholder, then the
 * message said by `say` (the UI's i18next, or `translate`).
 */
export function sayImportText(
  text: ImportText,
  say: (message: Message) => string,
  fieldLabel: (field: string) => string,
): string {
  const params: MessageParams = { ...text.message.params };
  if (text.field !== undefined) params.field = fieldLabel(text.field);
  for (const [name, part] of Object.entries(text.parts ?? {}))
    params[name] = sayImportText(part, say, fieldLabel);
  return say({ key: text.message.key, params });
}

/**
 * A field's label, from the field catalogue's texts: the mapping's label for a field it offers
 * ("Register (Name oder Nummer)"), else the record's ("Register"), else the field's name.
 * `say` and `known` are the UI's i18next or `translate` and `hasText`.
 */
export function fieldLabelWith(
  entity: ImportEntity | null,
  field: string,
  say: (message: Message) => string,
  known: (key: string) => boolean,
): string {
  if (!entity) return field;
  const target = targetOf(entity, field);
  for (const key of [target?.labelKey, fieldLabelKey(entity, field)])
    if (key && known(key)) return say({ key });
  return target?.label ?? field;
}

/** A field's label for the command line and the saved report, in `language`. */
export function fieldLabelIn(
  entity: ImportEntity | null,
  field: string,
  language: Language = 'de',
): string {
  return fieldLabelWith(
    entity,
    field,
    (message) => translate(message, language),
    (key) => hasText(key, language),
  );
}

/** An import text in words, in `language`; `entity`: whose fields it names. */
export function importTextIn(
  text: ImportText,
  language: Language = 'de',
  entity: ImportEntity | null = null,
): string {
  return sayImportText(
    text,
    (message) => translate(message, language),
    (field) => fieldLabelIn(entity, field, language),
  );
}
