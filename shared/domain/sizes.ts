/** A file size as people read it in German: `5,8 MB` (decimal megabytes, one decimal). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1).replace('.', ',')} MB`;
}
