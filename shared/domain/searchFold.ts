/**
 * Text folded the way a German reader compares names: case ignored, ä = ae = a, ö = oe = o,
 * ü = ue = u, ß = ss, and every other accent dropped — so "Muller", "Mueller" and "müller"
 * all find Müller, and "ozdemir" finds Özdemir. The query and the searched text are folded
 * alike; a few more hits ("Manuel" for "manul") are the price of never missing a name.
 */
const UMLAUT = /[äöü]|ae|oe|ue/g;
const BASE: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ae: 'a', oe: 'o', ue: 'u' };
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldForSearch(text: string): string {
  return text
    .toLocaleLowerCase('de')
    .replace(/ß/g, 'ss')
    .replace(UMLAUT, (m) => BASE[m]!)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '');
}

/** The words of a query, folded; empty when nothing was typed. */
export function searchWords(query: string): string[] {
  return foldForSearch(query)
    .split(/[\s,()]+/)
    .filter(Boolean);
}
