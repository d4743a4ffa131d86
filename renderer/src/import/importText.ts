/**
 * The import's texts (report lines, cleanings, a mapping file's problem) in the UI's language,
 * with the field labels of the field catalogue.
 */
import type { ImportText } from '../../../shared/api/import.ts';
import { fieldLabelWith, sayImportText } from '../../../shared/import/importText.ts';
import type { ImportEntity } from '../../../shared/import/targets.ts';
import type { Language } from '../../../shared/messages/language.ts';
import { i18next } from '../i18n/index.ts';
import { messageText } from '../i18n/messageText.ts';

/** The UI's language, as the shared texts know it. */
export function uiLanguage(): Language {
  return i18next.language?.startsWith('en') ? 'en' : 'de';
}

/** A field's label in the UI's language. */
export function fieldLabelShown(entity: ImportEntity | null, field: string): string {
  return fieldLabelWith(entity, field, messageText, (key) => i18next.exists(key));
}

/** An import text in the UI's language; `entity`: whose fields it names. */
export function importTextShown(text: ImportText, entity: ImportEntity | null = null): string {
  return sayImportText(text, messageText, (field) => fieldLabelShown(entity, field));
}
