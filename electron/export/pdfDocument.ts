/**
 * The PDF engine every printout uses (pdfkit): A4, the standard Helvetica for text that it can
 * say (WinAnsi: German, French, … with €), and Roboto — shipped with pdfmake, read from the
 * package's own files — for any text with letters beyond it (ł, č, ő), so no name loses a
 * letter. Nothing is fetched from anywhere.
 */

import { openSync } from 'fontkit';
import PDFDocument from 'pdfkit';
import roboto from 'pdfmake/fonts/Roboto.js';

export const A4 = { width: 595.28, height: 841.89 } as const;
/** Millimetres in points. */
export const mm = (value: number) => (value * 72) / 25.4;

/** The characters Windows-1252 (WinAnsi, the standard fonts' encoding) holds. */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
function isWinAnsiCharacter(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    code === 0x0a ||
    WIN_ANSI_EXTRA.includes(ch)
  );
}
function isWinAnsi(text: string): boolean {
  for (const ch of text) if (!isWinAnsiCharacter(ch)) return false;
  return true;
}

let robotoGlyphs: { hasGlyphForCodePoint(codePoint: number): boolean } | null = null;

/** The characters of `text` that neither font can draw (CJK, emoji …). */
function undrawable(text: string): string[] {
  robotoGlyphs ??= openSync(roboto.Roboto.normal);
  const font = robotoGlyphs;
  return [...text].filter(
    (ch) =>
      !isWinAnsiCharacter(ch) && !/\s/.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0)!),
  );
}

/** Characters as a reader can name them without seeing them: "U+5C71 U+1F3BA". */
export function codePoints(characters: Iterable<string>): string {
  return [...characters]
    .map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');
}

export type Weight = 'normal' | 'bold';

export interface PrintDocument {
  doc: PDFKit.PDFDocument;
  /** Sets the font that can say `text`, at `size`. */
  setFontFor(text: string, weight: Weight, size: number): void;
  /** The finished file. */
  finish(): Promise<Buffer>;
  /** Characters set in this document that its fonts cannot draw: they are missing from it. */
  missing: Set<string>;
}

export function printDocument(options: {
  landscape?: boolean;
  title: string;
  /** Keep pages in memory, to write "page x of y" at the end. */
  bufferPages?: boolean;
  /** For text that flows onto further pages (letters); none where everything is placed. */
  margins?: { top: number; bottom: number; left: number; right: number };
}): PrintDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.landscape ? 'landscape' : 'portrait',
    margins: options.margins ?? { top: 0, bottom: 0, left: 0, right: 0 },
    autoFirstPage: true,
    bufferPages: options.bufferPages ?? false,
    info: { Title: options.title, Creator: 'Tutti', Producer: 'Tutti' },
  });
  doc.registerFont('Roboto', roboto.Roboto.normal);
  doc.registerFont('Roboto-Bold', roboto.Roboto.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const missing = new Set<string>();
  return {
    doc,
    missing,
    setFontFor(text, weight, size) {
      const standard = isWinAnsi(text);
      if (!standard) for (const ch of undrawable(text)) missing.add(ch);
      doc.font(
        standard
          ? weight === 'bold'
            ? 'Helvetica-Bold'
            : 'Helvetica'
          : weight === 'bold'
            ? 'Roboto-Bold'
            : 'Roboto',
      );
      doc.fontSize(size);
    },
    finish() {
      doc.end();
      return done;
    },
  };
}

/** Words that fit `width`, a word longer than the column broken by letters. */
export function wrapText(print: PrintDocument, text: string, width: number): string[] {
  const { doc } = print;
  // A word measured as the column's widest must not be split by a rounding error.
  width += 0.01;
  if (doc.widthOfString(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  const push = (piece: string) => {
    const candidate = line ? `${line} ${piece}` : piece;
    if (doc.widthOfString(candidate) <= width) {
      line = candidate;
      return;
    }
    if (line) lines.push(line);
    line = '';
    let rest = piece;
    while (doc.widthOfString(rest) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && doc.widthOfString(rest.slice(0, cut)) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  };
  for (const part of text.split(/\s+/)) if (part) push(part);
  if (line) lines.push(line);
  return lines;
}
