/**
 * Every text of the core, the schemas, the server and the command line, by language. The UI
 * merges these trees into its own (renderer/src/i18n), so a key means the same everywhere.
 */
import { de } from './de/index.ts';
import { en } from './en/index.ts';
import type { Language } from './language.ts';

export interface TextTree {
  [key: string]: string | TextTree;
}

/** The English tree has the German tree's shape: every key, a string at every leaf. */
export type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

export const TEXTS: Record<Language, TextTree> = { de, en };
