/**
 * Turns a message into words, the way i18next does in the UI (same texts, `{{name}}`
 * placeholders, `_one`/`_other` plurals by `count`), for the places without i18next: the
 * command line, the server's answers and the logs (always German).
 */
import type { Language } from './language.ts';
import type { Message, MessageParams } from './message.ts';
import { TEXTS, type TextTree } from './texts.ts';

function lookup(tree: TextTree, key: string): string | undefined {
  let node: TextTree | string | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const pluralRules = new Map<Language, Intl.PluralRules>();

function textOf(language: Language, key: string, params: MessageParams): string | undefined {
  const tree = TEXTS[language];
  if (typeof params.count === 'number') {
    let rules = pluralRules.get(language);
    if (!rules) {
      rules = new Intl.PluralRules(language);
      pluralRules.set(language, rules);
    }
    const plural = lookup(tree, `${key}_${rules.select(params.count)}`);
    if (plural !== undefined) return plural;
  }
  return lookup(tree, key);
}

/** The message in `language`; a key no text knows is shown as it is, never dropped. */
export function translate(message: Message, language: Language = 'de'): string {
  const params = message.params ?? {};
  const text = textOf(language, message.key, params) ?? textOf('de', message.key, params);
  if (text === undefined) return message.key;
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name]!;
    return typeof value === 'object' ? translate(value, language) : String(value);
  });
}

/** Whether some text exists for the key (with or without plural forms). */
export function hasText(key: string, language: Language = 'de'): boolean {
  const tree = TEXTS[language];
  return lookup(tree, key) !== undefined || lookup(tree, `${key}_other`) !== undefined;
}
