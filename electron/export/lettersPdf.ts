/**
 * Serial letters (issue #23): one letter per member in one PDF, laid out after DIN 5008 form B —
 * the club's return line and the address in the window of a DL envelope, the place and date,
 * the subject in bold, the salutation and the text with the member's fields filled in.
 */
import { formatGermanDate } from '../../shared/domain/dates.ts';
import { mm, printDocument, wrapText } from './pdfDocument.ts';

export interface Letter {
  address: string[];
  /** The subject, its fields filled in for this member. */
  subject: string;
  /** The text after the salutation, its fields filled in; paragraphs by blank lines. */
  body: string;
  salutation: string;
}

export interface LetterHead {
  clubName: string;
  /** "Musikverein Beispiel · Hauptstraße 1 · 79100 Freiburg". */
  returnLine: string;
  place: string;
  date: string;
}

const LEFT = 25;
const RIGHT = 20;
const WIDTH = 210 - LEFT - RIGHT;

export async function lettersPdf(
  letters: readonly Letter[],
  head: LetterHead,
): Promise<{ bytes: Buffer; missing: Set<string> }> {
  const print = printDocument({
    title: `${head.clubName} – ${letters[0]?.subject ?? ''}`,
    margins: { top: mm(20), bottom: mm(20), left: mm(LEFT), right: mm(RIGHT) },
  });
  const { doc } = print;
  letters.forEach((letter, index) => {
    if (index > 0) doc.addPage();
    print.setFontFor(head.clubName, 'bold', 14);
    doc.text(head.clubName, mm(LEFT), mm(20), { width: mm(WIDTH), align: 'right' });
    // The return line sits at the foot of the window's top zone, the address below it: one
    // line in the window's width, smaller type where it is long.
    let returnSize = 7;
    print.setFontFor(head.returnLine, 'normal', returnSize);
    while (returnSize > 5 && doc.widthOfString(head.returnLine) > mm(85)) {
      returnSize -= 0.5;
      print.setFontFor(head.returnLine, 'normal', returnSize);
    }
    // (pdfkit draws the underline from the width it is given.)
    doc.text(head.returnLine, mm(LEFT), mm(57), {
      width: mm(85) + 1,
      lineBreak: false,
      underline: true,
    });
    // The window holds the address in 27 mm: long lines wrap, the type gets smaller to fit.
    let size = 11;
    let lines: string[] = [];
    for (; size >= 7; size -= 0.5) {
      lines = letter.address.flatMap((line) => {
        print.setFontFor(line, 'normal', size);
        return wrapText(print, line, mm(85));
      });
      if (lines.length * size * 1.2 <= mm(27)) break;
    }
    lines.forEach((line, i) => {
      print.setFontFor(line, 'normal', size);
      doc.text(line, mm(LEFT), mm(62.7) + i * size * 1.2, { lineBreak: false });
    });
    const dated = [head.place, formatGermanDate(head.date)].filter(Boolean).join(', ');
    print.setFontFor(dated, 'normal', 11);
    doc.text(dated, mm(LEFT), mm(98.4), { width: mm(WIDTH), align: 'right' });
    print.setFontFor(letter.subject, 'bold', 11);
    doc.text(letter.subject, mm(LEFT), mm(108.4), { width: mm(WIDTH) });
    doc.moveDown(1.5);
    const salutation = `${letter.salutation},`;
    print.setFontFor(salutation, 'normal', 11);
    doc.text(salutation, { width: mm(WIDTH) });
    doc.moveDown(1);
    for (const paragraph of letter.body.split(/\n\s*\n/)) {
      print.setFontFor(paragraph, 'normal', 11);
      doc.text(paragraph.trim(), { width: mm(WIDTH), align: 'left', lineGap: 2 });
      doc.moveDown(0.8);
    }
  });
  return { bytes: await print.finish(), missing: print.missing };
}
