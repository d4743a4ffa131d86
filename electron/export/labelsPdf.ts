/**
 * Address labels on a standard sheet (shared/export/labelFormats.ts): each address in its
 * label, 4 mm from the label's top left edge, smaller type when a line would not fit, from a
 * start position for a partly used first sheet.
 */
import type { LabelFormat } from '../../shared/export/labelFormats.ts';
import { labelPosition } from '../../shared/export/labelFormats.ts';
import { mm, printDocument } from './pdfDocument.ts';

/** Inside a label, the address keeps this distance from its edges. */
export const LABEL_PADDING_MM = 4;
const LARGEST = 10;
const SMALLEST = 6.5;

export async function labelsPdf(
  addresses: readonly string[][],
  format: LabelFormat,
  /** 1 = top left; a partly used sheet starts further on. */
  start: number,
  title: string,
): Promise<Buffer> {
  const print = printDocument({ title });
  const { doc } = print;
  const inner = mm(format.width - 2 * LABEL_PADDING_MM);
  let sheet = 0;
  addresses.forEach((lines, n) => {
    const place = labelPosition(format, start - 1 + n);
    if (place.sheet > sheet) {
      doc.addPage();
      sheet = place.sheet;
    }
    // The largest type in which every line fits the label's width and all lines its height.
    let size = LARGEST;
    const fits = (s: number) =>
      lines.every((line) => {
        print.setFontFor(line, 'normal', s);
        return doc.widthOfString(line) <= inner;
      }) && lines.length * s * 1.2 <= mm(format.height - 2 * LABEL_PADDING_MM);
    while (size > SMALLEST && !fits(size)) size -= 0.5;
    lines.forEach((line, i) => {
      print.setFontFor(line, 'normal', size);
      doc.text(
        line,
        mm(place.x + LABEL_PADDING_MM),
        mm(place.y + LABEL_PADDING_MM) + i * size * 1.2,
        {
          lineBreak: false,
          width: inner,
          ellipsis: true,
        },
      );
    });
  });
  return print.finish();
}
