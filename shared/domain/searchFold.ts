/**
 * Text folded the way a German reader compares names: case ignored, ä = ae = a, ö = oe = o,
 * ü = ue = u, ß = ss, and every other accent dropped — so "Muller", "Mueller" and "müller"
 * all find Müller, "ozdemir" finds Özdemir and "noel" finds Noël.
 *
 * Umlauts are expanded both ways instead of contracting "ae" to "a": the text is kept once with
 * ü → u and once with ü → ue, and a query word with an umlaut tries both. So no letters of the
 * text disappear ("el" still finds Michael), and each letter folds on its own: a query that
 * grows by a letter only ever narrows what it finds (the lists rely on that while typing).
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const UMLAUTS = /[äöü]/;

function base(text: string): string {
  return text
    .toLocaleLowerCase('de')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '');
}

function withE(text: string): string {
  return base(text.toLocaleLowerCase('de').replace(/[äöü]/g, (u) => `${base(u)}e`));
}

/** The searchable form of a text: both spellings when it has an umlaut. */
export function foldForSearch(text: string): string {
  const lower = text.toLocaleLowerCase('de');
  return UMLAUTS.test(lower) ? `${base(lower)}\n${withE(lower)}` : base(lower);
}

/** One word of a query: the spellings it may be found in. */
export type SearchWord = readonly string[];

/** The words of a query; empty when nothing was typed. */
export function searchWords(query: string): SearchWord[] {
  return query
    .toLocaleLowerCase('de')
    .split(/[\s,()]+/)
    .filter(Boolean)
    .map((word) => (UMLAUTS.test(word) ? [base(word), withE(word)] : [base(word)]));
}

/** True when every word is found in the folded text (one of its spellings suffices). */
export function findsAll(folded: string, words: readonly SearchWord[]): boolean {
  return words.every((spellings) => spellings.some((s) => folded.includes(s)));
}
