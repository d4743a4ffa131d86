/**
 * A list as a PDF to print: A4, landscape when the columns would not fit upright, the club's
 * name and the list's title at the top of every page, the header row repeated on each page,
 * the date, the number of entries and "Seite x von y" at the foot. Long text wraps within its
 * column — nothing is cut off. Drawn with pdfkit directly: pdfmake's layout took 4–7 s for
 * 6,000 members, this takes well under the 3 s the club's printout may take. A sheet may have
 * a figure (a chart) drawn before its table, on pages with the same head.
 */
import { formatGermanDate } from '../../shared/domain/dates.ts';
import type { Language } from '../../shared/messages/language.ts';
import { translate } from '../../shared/messages/translate.ts';
import { A4, codePoints, type PrintDocument, printDocument, wrapText } from './pdfDocument.ts';
import { cellText, type Sheet, type SheetHead } from './sheet.ts';

const MARGIN = 36;
const TABLE_TOP = 58;
const FOOTER_GAP = 40;
const PADDING = 2;
const GAP = 6;

/** Column widths by the widest text in a sample of rows, within what the page offers. */
function columnWidths(
  print: PrintDocument,
  sheet: Sheet,
  texts: string[][],
  size: number,
  pageWidth: number,
) {
  const wanted = sheet.columns.map((column, i) => {
    print.setFontFor(column.heading, 'bold', size);
    let widest = print.doc.widthOfString(column.heading);
    for (const row of texts.slice(0, 400)) {
      // Each text in the font it will be printed in (a name with ł is wider in Roboto).
      print.setFontFor(row[i]!, 'normal', size);
      widest = Math.max(widest, print.doc.widthOfString(row[i]!));
    }
    return Math.min(widest, size * 22) + 2 * PADDING;
  });
  const available = pageWidth - 2 * MARGIN - GAP * (sheet.columns.length - 1);
  const total = wanted.reduce((a, b) => a + b, 0);
  return {
    widths: total <= available ? wanted : wanted.map((w) => (w * available) / total),
    total,
    available,
  };
}

/** Where a figure may draw on the sheet's first page, and how it gets another page. */
export interface FigureFrame {
  print: PrintDocument;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Adds a page with the club's name and the sheet's title; returns where drawing may start. */
  newPage(): number;
}

/** Draws a figure from `frame.top`, on further pages if it needs them; returns where it ended. */
export type DrawFigure = (frame: FigureFrame) => number;

export interface SheetPdfOptions {
  /** By the sheets' order: what to draw before each one's table. */
  figures?: readonly (DrawFigure | undefined)[];
}

const sizeFor = (sheet: Sheet) => (sheet.columns.length > 8 ? 7.5 : 9);
const textsOf = (sheet: Sheet) =>
  sheet.rows.map((row) => row.map((value, i) => cellText(sheet.columns[i]!.kind, value)));

export function pdfFromSheet(sheet: Sheet, head: SheetHead, language: Language): Promise<Buffer> {
  return pdfFromSheets([sheet], head, language);
}

/**
 * Several lists in one document (the Stärkemeldung's counts and its list of active members),
 * each from a new page; the document is landscape when any of them needs it.
 */
export async function pdfFromSheets(
  sheets: readonly Sheet[],
  head: SheetHead,
  language: Language,
  options: SheetPdfOptions = {},
): Promise<Buffer> {
  const say = (key: string, params?: Record<string, string | number>) =>
    translate({ key, params }, language);
  const allTexts = sheets.map(textsOf);
  // Measured on a throwaway document: the orientation must be known before the first page.
  const probe = printDocument({ title: '' });
  const landscape = sheets.some((sheet, i) => {
    const upright = columnWidths(probe, sheet, allTexts[i]!, sizeFor(sheet), A4.width);
    return upright.total > upright.available;
  });
  probe.doc.end();
  const title = `${head.clubName} – ${sheets.map((s) => s.title).join(', ')}`;
  const print = printDocument({ landscape, title, bufferPages: true });
  const { doc } = print;
  const pageWidth = landscape ? A4.height : A4.width;
  const pageHeight = landscape ? A4.width : A4.height;
  sheets.forEach((sheet, index) => {
    if (index > 0) doc.addPage();
    const figure = options.figures?.[index];
    drawSheet(print, sheet, allTexts[index]!, head, pageWidth, pageHeight, figure);
  });
  if (print.missing.size > 0) {
    // Said in the document too: what is missing from the printout is not lost from the data.
    doc.addPage();
    const text = say('core.export.undrawable', { characters: codePoints(print.missing) });
    print.setFontFor(text, 'normal', 10);
    doc.fillColor('black').text(text, MARGIN, TABLE_TOP, { width: pageWidth - 2 * MARGIN });
  }
  const madeOn = say('core.export.madeOn', { date: formatGermanDate(head.date) });
  // One list says how many entries it has; several say it in their own heads.
  const made =
    sheets.length === 1
      ? `${madeOn} · ${say('core.export.rowCount', { count: sheets[0]!.rows.length })}`
      : madeOn;
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    const footer = pageHeight - 26;
    const right = pageWidth - MARGIN;
    print.setFontFor(made, 'normal', 8);
    doc.fillColor('black').text(made, MARGIN, footer, { lineBreak: false });
    const number = say('core.export.pageOf', { page: page + 1, pages: range.count });
    doc.text(number, right - doc.widthOfString(number), footer, { lineBreak: false });
  }
  return print.finish();
}

function drawSheet(
  print: PrintDocument,
  sheet: Sheet,
  texts: string[][],
  head: SheetHead,
  pageWidth: number,
  pageHeight: number,
  figure?: DrawFigure,
): void {
  const { doc } = print;
  const size = sizeFor(sheet);
  const lineHeight = size * 1.2;
  const { widths } = columnWidths(print, sheet, texts, size, pageWidth);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b + GAP, 0));
  const bottom = pageHeight - FOOTER_GAP;
  const right = pageWidth - MARGIN;

  const line = (y: number, width: number, grey: string) =>
    doc.moveTo(MARGIN, y).lineTo(right, y).lineWidth(width).strokeColor(grey).stroke();
  /** A row's cells broken into lines, and the height they take. */
  const layOut = (cells: string[], weight: 'normal' | 'bold') => {
    const lines = cells.map((text, i) => {
      print.setFontFor(text, weight, size);
      return wrapText(print, text, widths[i]! - 2 * PADDING);
    });
    const height = Math.max(1, ...lines.map((l) => l.length)) * lineHeight + 2 * PADDING;
    return { lines, height };
  };
  const paint = (cells: string[], lines: string[][], y: number, weight: 'normal' | 'bold') => {
    cells.forEach((text, i) => {
      if (!text) return;
      print.setFontFor(text, weight, size);
      const kind = sheet.columns[i]!.kind;
      const inner = widths[i]! - 2 * PADDING;
      lines[i]!.forEach((piece, n) => {
        const x =
          xs[i]! +
          PADDING +
          (kind === 'money' || kind === 'number' || kind === 'percent'
            ? inner - doc.widthOfString(piece)
            : 0);
        doc.text(piece, x, y + PADDING + n * lineHeight, { lineBreak: false });
      });
    });
  };
  /** The club's name left, the title right; a title that would meet the name goes below it. */
  const titleHead = () => {
    print.setFontFor(head.clubName, 'bold', 11);
    doc.fillColor('black').text(head.clubName, MARGIN, 20, { lineBreak: false });
    const nameEnd = MARGIN + doc.widthOfString(head.clubName);
    let titleSize = 11;
    print.setFontFor(sheet.title, 'normal', titleSize);
    if (nameEnd + 12 + doc.widthOfString(sheet.title) <= right) {
      doc.text(sheet.title, right - doc.widthOfString(sheet.title), 20, { lineBreak: false });
    } else {
      // Below the name, as large as fits the width of the page.
      while (titleSize > 6 && doc.widthOfString(sheet.title) > right - MARGIN) {
        titleSize -= 0.5;
        print.setFontFor(sheet.title, 'normal', titleSize);
      }
      doc.text(sheet.title, MARGIN, 35, { lineBreak: false });
    }
  };
  const headings = sheet.columns.map((c) => c.heading);
  /** The header row at `top`; returns where the rows start. */
  const tableHead = (top: number) => {
    const { lines, height } = layOut(headings, 'bold');
    doc.fillColor('black');
    paint(headings, lines, top, 'bold');
    line(top + height, 0.8, '#000000');
    return top + height;
  };
  const pageHead = () => {
    titleHead();
    return tableHead(TABLE_TOP);
  };

  let y: number;
  if (figure) {
    titleHead();
    const end = figure({
      print,
      left: MARGIN,
      right,
      top: TABLE_TOP,
      bottom,
      newPage: () => {
        doc.addPage();
        titleHead();
        return TABLE_TOP;
      },
    });
    // The table below the figure when its header and a few rows fit there, else on a new page.
    const top = end + 2 * lineHeight;
    const fits = top + layOut(headings, 'bold').height + 3 * (lineHeight + 2 * PADDING) <= bottom;
    if (!fits) doc.addPage();
    y = fits ? tableHead(top) : pageHead();
  } else {
    y = pageHead();
  }
  texts.forEach((cells) => {
    const { lines, height } = layOut(cells, 'normal');
    if (y + height > bottom) {
      doc.addPage();
      y = pageHead();
    }
    // A row taller than a page (a long note) goes on over the next pages, line by line.
    let from = 0;
    const longest = Math.max(1, ...lines.map((l) => l.length));
    while (from < longest) {
      const room = Math.max(1, Math.floor((bottom - y - 2 * PADDING) / lineHeight));
      const part = lines.map((l) => l.slice(from, from + room));
      paint(cells, part, y, 'normal');
      const taken = Math.min(room, longest - from);
      from += taken;
      y += taken * lineHeight + 2 * PADDING;
      if (from < longest) {
        doc.addPage();
        y = pageHead();
      }
    }
    line(y, 0.3, '#bbbbbb');
  });
  y += lineHeight;
  for (const note of sheet.notes ?? []) {
    print.setFontFor(note, 'normal', size);
    for (const piece of wrapText(print, note, right - MARGIN)) {
      if (y + lineHeight > bottom) {
        doc.addPage();
        y = TABLE_TOP;
      }
      doc.fillColor('black').text(piece, MARGIN, y, { lineBreak: false });
      y += lineHeight;
    }
  }
}
