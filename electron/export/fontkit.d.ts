/** fontkit (pdfkit's font engine; no types shipped): only what Tutti asks of a font. */
declare module 'fontkit' {
  export function openSync(path: string): { hasGlyphForCodePoint(codePoint: number): boolean };
}
