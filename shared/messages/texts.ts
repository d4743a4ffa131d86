/**
 * Every text of the core, the schemas, the server and the command line, by language. The UI
 * merges these trees into its own (renderer/src/i18n), so a key means the same everywhere.
 */
import { de } from './de/index.ts';
import { en } from './en/index.ts';
import type { Language } from './language.ts';
import type { TextTree } from './textTypes.ts';

export type { Texts, TextTree } from './textTypes.ts';

export const TEXTS: Record<Language, TextTree> = { de, en };
