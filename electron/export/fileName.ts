/** An exported file's name ("Mitglieder 2026-12-07.pdf") and media type. */

/** A list's title and the day, nothing a file system would refuse. */
const REFUSED = '\\/:*?"<>|';

export function exportFileName(title: string, date: string, extension: string): string {
  const safe = [...title]
    .map((ch) => (ch < ' ' || REFUSED.includes(ch) ? ' ' : ch))
    .join('')
    .trim();
  return `${safe || 'Tutti'} ${date}.${extension}`;
}

/** The media types of the files Tutti makes, for the browser's download. */
export const MIME_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
} as const;
