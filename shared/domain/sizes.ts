/**
 * A file size as people read it in German, in decimal units with one decimal where it helps:
 * `812 Byte`, `48,2 kB`, `5,8 MB`, `1,2 GB`. A small backup is never shown as "0,0 MB".
 */
export function formatFileSize(bytes: number): string {
  const decimal = (n: number) => n.toFixed(1).replace('.', ',');
  if (bytes < 1000) return `${bytes} Byte`;
  if (bytes < 1_000_000) return `${decimal(bytes / 1000)} kB`;
  if (bytes < 1_000_000_000) return `${decimal(bytes / 1_000_000)} MB`;
  return `${decimal(bytes / 1_000_000_000)} GB`;
}
