/**
 * A date cell as the import's text: the calendar day as stored, plus the time when it is not
 * midnight. Access and Excel keep dates without a time zone and their readers hand them over
 * as UTC, so the day is read in UTC parts: 20.08.1939 stays 20.08.1939 wherever Tutti runs.
 */
function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function dateCellText(date: Date): string {
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  return seconds === 0
    ? day
    : `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}
