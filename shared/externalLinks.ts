/**
 * The only web pages the desktop program opens in the user's browser. A link not on this list
 * is never handed to the operating system, whatever a page asks for.
 */
import { RULE_SETS } from './domain/honours/ruleSets/index.ts';

export const EXTERNAL_LINKS = {
  /** The GDPR in German: what a club may do with its members' data. */
  gdprText: 'https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:32016R0679',
} as const;

/** The sources of the shipped honour rules, which "Fällige Ehrungen" links to. */
const RULE_SOURCES: readonly string[] = RULE_SETS.flatMap((set) =>
  set.rules.flatMap((rule) => rule.sources.map((source) => source.url)),
);

export function isOfferedExternalLink(url: string): boolean {
  return (
    ((Object.values(EXTERNAL_LINKS) as string[]).includes(url) || RULE_SOURCES.includes(url)) &&
    url.startsWith('https://')
  );
}
