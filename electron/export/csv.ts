/**
 * CSV the way German Excel opens it with a double click: UTF-8 with a byte-order mark, `;` as
 * separator, CRLF line ends. Cells that Excel would run as a formula are defused with a leading
 * apostrophe (OWASP "CSV injection"); phone numbers like +49 … stay as they are.
 */
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;
const FORMULA_START = /^[=@\t\r]|^[+-](?![0-9 ()/-]*$)/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
