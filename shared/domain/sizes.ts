/**
 * A file size as people read it, in decimal units with one decimal where it helps: `812 Byte`,
 * `48,2 kB`, `5,8 MB`, `1,2 GB` in German (`48.2 kB` in English). A small backup is never
 * shown as "0,0 MB", and a size is rounded before its unit is chosen ("1,0 MB", not "1000,0 kB").
 */
const UNITS: [number, string][] = [
  [1_000_000_000, 'GB'],
  [1_000_000, 'MB'],
  [1000, 'kB'],
];

export function formatFileSize(bytes: number, language: 'de' | 'en' = 'de'): string {
  for (const [size, unit] of UNITS) {
    const rounded = Math.round((bytes / size) * 10) / 10;
    if (rounded >= 1) {
      const text = rounded.toFixed(1);
      return `${language === 'de' ? text.replace('.', ',') : text} ${unit}`;
    }
  }
  return `${bytes} Byte${language === 'en' && bytes !== 1 ? 's' : ''}`;
}
