/**
 * Calendar dates travel as `YYYY-MM-DD` strings, never as Date objects: a birthday must not
 * move by a time zone. The UI shows and accepts `TT.MM.JJJJ`.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** True for a real calendar day written as `YYYY-MM-DD` (no 2023-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  return isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Reads `TT.MM.JJJJ` (also `T.M.JJJJ` and two-digit years) or an ISO date; returns
 * `YYYY-MM-DD` or null. Two-digit years are taken as 19xx when they would lie in the future,
 * because in a club database they are almost always birth or entry years.
 */
export function parseGermanDate(input: string, today: string = todayIso()): string | null {
  const text = input.trim();
  if (isCalendarDate(text)) return text;
  const m = GERMAN_DATE.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  let year = Number(m[3]);
  if (m[3]!.length === 2) {
    const currentYear = Number(today.slice(0, 4));
    year = 2000 + year > currentYear ? 1900 + year : 2000 + year;
  }
  if (!isValidDay(year, month, day)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `YYYY-MM-DD` → `TT.MM.JJJJ`; anything else is returned unchanged. */
export function formatGermanDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** Today's calendar date in the local time zone of the machine, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

/** Cents → `1.234,50 €`-style text without a currency sign: `1.234,50`. */
export function formatCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${euros},${pad(abs % 100, 2)}`;
}

/** Reads `1.234,50`, `1234,5`, `1234.50` or `1234` as euros and returns cents, or null. */
export function parseEuroToCents(input: string): number | null {
  let text = input.trim().replace(/\s|€/g, '');
  if (text === '') return null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(text)) text = text.replace(/\./g, '');
  text = text.replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(text)) return null;
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return text.startsWith('-') ? -cents : cents;
}
