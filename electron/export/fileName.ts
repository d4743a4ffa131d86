/** "Mitglieder 2026-12-07.pdf": a list's title and the day, nothing a file system would refuse. */
const REFUSED = '\\/:*?"<>|';

export function exportFileName(title: string, date: string, extension: string): string {
  const safe = [...title]
    .map((ch) => (ch < ' ' || REFUSED.includes(ch) ? ' ' : ch))
    .join('')
    .trim();
  return `${safe || 'Tutti'} ${date}.${extension}`;
}
