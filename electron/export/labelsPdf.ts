/**
 * Address labels on a standard sheet (shared/export/labelFormats.ts): each address in its
 * label, 4 mm from the label's top left edge, in the largest type (10 pt down to 6.5 pt) in
 * which it fits — long lines wrapped within the label. An address that fits in no size is not
 * printed over its neighbours: it is left out and named, and the next one takes its place.
 */
import type { LabelFormat } from '../../shared/export/labelFormats.ts';
import { labelPosition } from '../../shared/export/labelFormats.ts';
import { mm, type PrintDocument, printDocument, wrapText } from './pdfDocument.ts';

/** Inside a label, the address keeps this distance from its edges. */
export const LABEL_PADDING_MM = 4;
const LARGEST = 10;
const SMALLEST = 6.5;

/** The address's lines wrapped to the width at `size`, or null when they are too many to fit. */
function fitted(
  print: PrintDocument,
  lines: readonly string[],
  size: number,
  width: number,
  height: number,
) {
  const wrapped = lines.flatMap((line) => {
    print.setFontFor(line, 'normal', size);
    return wrapText(print, line, width);
  });
  return wrapped.length * size * 1.2 <= height ? wrapped : null;
}

export async function labelsPdf(
  addresses: readonly string[][],
  format: LabelFormat,
  /** 1 = top left; a partly used sheet starts further on. */
  start: number,
  title: string,
): Promise<{ bytes: Buffer; notFitting: number[]; missing: Set<string> }> {
  const print = printDocument({ title });
  const { doc } = print;
  const width = mm(format.width - 2 * LABEL_PADDING_MM);
  const height = mm(format.height - 2 * LABEL_PADDING_MM);
  const notFitting: number[] = [];
  let sheet = 0;
  let next = start - 1;
  addresses.forEach((lines, n) => {
    // Smaller type before wrapping a line; wrapped lines only where no size keeps them whole.
    let size = LARGEST;
    let wrapped = fitted(print, lines, size, width, height);
    while ((!wrapped || wrapped.length > lines.length) && size > SMALLEST) {
      size -= 0.5;
      wrapped = fitted(print, lines, size, width, height);
    }
    if (wrapped && wrapped.length > lines.length) {
      // Every size wraps: the largest in which the wrapped address fits without a word broken.
      const wordsFit = (s: number) =>
        lines.every((line) =>
          line.split(/\s+/).every((word) => {
            print.setFontFor(word, 'normal', s);
            return print.doc.widthOfString(word) <= width;
          }),
        );
      for (let larger = LARGEST; larger > SMALLEST; larger -= 0.5) {
        const candidate = wordsFit(larger) && fitted(print, lines, larger, width, height);
        if (candidate) {
          size = larger;
          wrapped = candidate;
          break;
        }
      }
    }
    if (!wrapped) {
      notFitting.push(n);
      return;
    }
    const place = labelPosition(format, next++);
    if (place.sheet > sheet) {
      doc.addPage();
      sheet = place.sheet;
    }
    wrapped.forEach((line, i) => {
      print.setFontFor(line, 'normal', size);
      doc.text(
        line,
        mm(place.x + LABEL_PADDING_MM),
        mm(place.y + LABEL_PADDING_MM) + i * size * 1.2,
        {
          lineBreak: false,
        },
      );
    });
  });
  return { bytes: await print.finish(), notFitting, missing: print.missing };
}
