/**
 * The words that give a language away on screen, and what the UI itself says (not the club's
 * data): for the tests that the English UI shows no German and the German no English UI word.
 */
import type { Page } from 'playwright-core';

/** Whole words only, umlauts counted as letters ("Schröder" holds no "der"). */
const words = (list: string) => new RegExp(`(?<!\\p{L})(${list})(?!\\p{L})`, 'iu');

export const GERMAN = words(
  'der|die|das|und|oder|nicht|bitte|Sie|Ihre?|ist|wird|wurde|mit|für|von|noch|keine?|Mitglied(er)?|Verein|Speichern|Abbrechen|Löschen|Schließen|Zeile|Datei|Sicherung|Abgleich|Termine?|Ausleihe|Wartung|Einwilligung(en)?|Zeitraum|Geschlecht|weiblich|aktiv|passiv|ausgetreten|Zustand|Art|Datum|Ort|Straße|Bemerkung|Gläubiger|Verband|Gegründet|Gerät|prüfen|Verlauf|Neue[sr]?|Anwesenheit|Probe|Rolle|Vereinsserver|verbunden|gespeichert|Einrichten|Passphrase wiederholen|Ordner',
);
export const ENGLISH = words(
  'the|and|Please|Save|Cancel|Delete|Close|Members?|Sections?|Settings|Import file|Backup|Consents?|Gender|Club details|Federation|Founded|Notes|Street|Postcode',
);

/**
 * What the UI itself says on the screen now: the visible text without table bodies (the club's
 * data), plus placeholders, accessible names and tooltips.
 */
export async function uiText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    for (const data of copy.querySelectorAll('tbody, [data-user-data], script, style'))
      data.remove();
    copy.style.position = 'absolute';
    document.body.append(copy);
    const visible = copy.innerText;
    copy.remove();
    const attributes = [...document.querySelectorAll('[placeholder], [aria-label], [title]')]
      .filter((e) => !e.closest('tbody'))
      .flatMap((e) => ['placeholder', 'aria-label', 'title'].map((a) => e.getAttribute(a) ?? ''));
    return [visible, ...attributes].join('\n');
  });
}
