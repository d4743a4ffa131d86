/**
 * A chart drawn into a PDF as vector graphics (pdfkit, no image): horizontal bars, one row per
 * category with its series stacked — or, for an age pyramid, the first series left of a centre
 * axis and the others right of it. The colours stay apart in greyscale print (dark and light
 * alternate, the second four are hatched), a value is written in its segment where it fits, a
 * bar's total at its end; legend and axis on every page. A long chart goes on over pages up to
 * MAX_CHART_ROWS bars and then says that the table below lists every one.
 */
import { type PrintDocument, wrapText } from './pdfDocument.ts';
import type { FigureFrame } from './pdfSheet.ts';

export interface BarChart {
  /** One bar per category, top to bottom. */
  categories: readonly string[];
  series: readonly string[];
  /** `values[category][series]`. */
  values: readonly (readonly number[])[];
  /** Counts, or shares in percent (the axis runs 0–100 %). */
  unit: 'count' | 'percent';
  /** The first series left of a centre axis, the others right of it (an age pyramid). */
  mirrored: boolean;
  /** What the chart itself says, in the file's language. */
  texts: {
    /** Above the legend on the chart's further pages. */
    continued: string;
    /** Below a chart cut short: it shows the first `shown` of `total`, the table all. */
    capped(shown: number, total: number): string;
  };
}

/** About three pages of bars; the table lists the rest (300 members' attendance). */
export const MAX_CHART_ROWS = 120;

interface Swatch {
  fill: string;
  /** The text written on it. */
  ink: 'white' | 'black';
  hatched: boolean;
}

/** Lightness alternates (in greyscale: 24, 77, 58, 87, 34, 73, 45, 62 L*); 5–8 hatched. */
const PALETTE: readonly Swatch[] = [
  { fill: '#1f3a68', ink: 'white', hatched: false },
  { fill: '#f2b53a', ink: 'black', hatched: false },
  { fill: '#4a9a6a', ink: 'white', hatched: false },
  { fill: '#cfdcec', ink: 'black', hatched: false },
  { fill: '#8e2c3b', ink: 'white', hatched: true },
  { fill: '#f0a283', ink: 'black', hatched: true },
  { fill: '#6b6b6b', ink: 'white', hatched: true },
  { fill: '#a58bc9', ink: 'black', hatched: true },
];
export const swatchOf = (series: number): Swatch => PALETTE[series % PALETTE.length]!;

const LABEL_SIZE = 8;
const VALUE_SIZE = 7;
const LEGEND_SIZE = 8;
const BAR = 11;
const SWATCH = 8;
const AXIS_HEIGHT = 18;
const GAP = 8;

/** As the table says it, without the unit: `12`, `33,3`. */
export function chartNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace('.', ',');
}

/** Ticks 0, step, 2·step … up to at least `extent`, a step of 1, 2 or 5 × 10ⁿ. */
export function axisTicks(extent: number, most: number): number[] {
  if (extent <= 0) return [0, 1];
  const raw = extent / Math.max(1, most);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? raw);
  const ticks: number[] = [];
  for (let tick = 0; tick < extent + step; tick += step) ticks.push(tick);
  return ticks;
}

/** At most two lines; a longer label ends with "…". */
function labelLines(print: PrintDocument, text: string, width: number): string[] {
  print.setFontFor(text, 'normal', LABEL_SIZE);
  const lines = wrapText(print, text, width);
  if (lines.length <= 2) return lines;
  let last = lines[1]!;
  while (last.length > 1 && print.doc.widthOfString(`${last}…`) > width) last = last.slice(0, -1);
  return [lines[0]!, `${last}…`];
}

function paintSwatch(
  doc: PDFKit.PDFDocument,
  swatch: Swatch,
  x: number,
  y: number,
  w: number,
  h: number,
) {
  doc.save();
  doc.rect(x, y, w, h).fillColor(swatch.fill).fill();
  if (swatch.hatched) {
    doc.rect(x, y, w, h).clip();
    for (let d = -h; d < w; d += 3.5) doc.moveTo(x + d, y + h).lineTo(x + d + h, y);
    doc
      .lineWidth(0.6)
      .strokeColor(swatch.ink === 'white' ? '#ffffff' : '#000000')
      .strokeOpacity(0.5)
      .stroke();
  }
  doc.restore();
}

export function drawBarChart(frame: FigureFrame, chart: BarChart): number {
  const { print } = frame;
  const { doc } = print;
  const total = chart.categories.length;
  if (total === 0 || chart.series.length === 0) return frame.top;
  const shown = Math.min(total, MAX_CHART_ROWS);
  const width = frame.right - frame.left;
  const percent = chart.unit === 'percent';
  const sum = (row: readonly number[]) => row.reduce((a, b) => a + b, 0);
  // Left and right of the zero line: a pyramid's first series, and the rest.
  const sides = chart.values
    .slice(0, shown)
    .map((row): [left: number, right: number] =>
      chart.mirrored ? [row[0] ?? 0, sum(row.slice(1))] : [0, sum(row)],
    );

  // The labels' column: as wide as the widest, at most 30 % of the width.
  let widest = 0;
  for (const label of chart.categories.slice(0, shown)) {
    print.setFontFor(label, 'normal', LABEL_SIZE);
    widest = Math.max(widest, doc.widthOfString(label));
  }
  const labelWidth = Math.min(widest + 1, width * 0.3);
  const labels = chart.categories.slice(0, shown).map((l) => labelLines(print, l, labelWidth));
  const lineHeight = LABEL_SIZE * 1.2;
  const pitch = Math.max(BAR + 5, Math.max(...labels.map((l) => l.length)) * lineHeight + 3);

  // A count's total at the end of its bar needs room beside the plot.
  const totalTexts = sides.map(([l, r]) => [chartNumber(l), chartNumber(r)] as const);
  let totalWidth = 0;
  if (!percent) {
    print.setFontFor('0', 'normal', VALUE_SIZE);
    for (const [l, r] of totalTexts)
      totalWidth = Math.max(totalWidth, doc.widthOfString(l), doc.widthOfString(r));
    totalWidth += 4;
  }
  const plotLeft = frame.left + labelWidth + GAP + (chart.mirrored ? totalWidth : 0);
  // The last tick's label is centred on the plot's end: keep it on the page.
  const plotRight = frame.right - Math.max(totalWidth, 12);
  const plotWidth = plotRight - plotLeft;
  const extent = percent ? 100 : Math.max(1, ...sides.flat());
  const ticks = percent
    ? [0, 20, 40, 60, 80, 100]
    : axisTicks(extent, chart.mirrored ? Math.max(2, Math.floor(plotWidth / 120)) : plotWidth / 60);
  const top = ticks.at(-1)!;
  const zero = chart.mirrored ? plotLeft + plotWidth / 2 : plotLeft;
  const span = chart.mirrored ? plotWidth / 2 : plotWidth;
  /** Where a value ends on the axis, to the right (or left: -1) of zero. */
  const at = (value: number, direction: 1 | -1 = 1) =>
    zero + direction * (Math.min(value, top) / top) * span;

  const legend = (y: number) => {
    let x = frame.left;
    const height = LEGEND_SIZE * 1.5;
    chart.series.forEach((name, index) => {
      print.setFontFor(name, 'normal', LEGEND_SIZE);
      const w = SWATCH + 3 + doc.widthOfString(name);
      if (x > frame.left && x + w > frame.right) {
        x = frame.left;
        y += height;
      }
      paintSwatch(doc, swatchOf(index), x, y + 1, SWATCH, SWATCH);
      doc
        .rect(x, y + 1, SWATCH, SWATCH)
        .lineWidth(0.4)
        .strokeColor('#888888')
        .stroke();
      doc.fillColor('black').text(name, x + SWATCH + 3, y + 1, { lineBreak: false });
      x += w + 12;
    });
    return y + height + 4;
  };

  const grid = (from: number, to: number) => {
    for (const tick of ticks) {
      for (const direction of chart.mirrored ? ([-1, 1] as const) : ([1] as const)) {
        const x = at(tick, direction);
        doc.moveTo(x, from).lineTo(x, to);
        doc
          .lineWidth(tick === 0 ? 0.8 : 0.4)
          .strokeColor(tick === 0 ? '#444444' : '#d0d0d0')
          .stroke();
      }
    }
  };

  const axis = (y: number) => {
    doc.moveTo(chart.mirrored ? at(top, -1) : zero, y).lineTo(at(top), y);
    doc.lineWidth(0.6).strokeColor('#444444').stroke();
    for (const tick of ticks) {
      for (const direction of chart.mirrored && tick > 0 ? ([-1, 1] as const) : ([1] as const)) {
        const x = at(tick, direction);
        doc
          .moveTo(x, y)
          .lineTo(x, y + 3)
          .stroke();
        const text = percent ? `${tick} %` : String(tick);
        print.setFontFor(text, 'normal', VALUE_SIZE);
        const w = doc.widthOfString(text);
        doc.fillColor('black').text(text, x - w / 2, y + 5, { lineBreak: false });
      }
    }
    return y + AXIS_HEIGHT;
  };

  /** A value in its segment, if it fits. */
  const valueIn = (value: number, swatch: Swatch, x0: number, x1: number, y: number) => {
    if (chart.series.length === 1) return; // the total at the bar's end says it
    const text = chartNumber(value);
    print.setFontFor(text, 'normal', VALUE_SIZE);
    const w = doc.widthOfString(text);
    if (w + 4 > Math.abs(x1 - x0)) return;
    doc
      .fillColor(swatch.ink)
      .text(text, (x0 + x1) / 2 - w / 2, y + (BAR - VALUE_SIZE) / 2, { lineBreak: false });
  };

  const segment = (series: number, from: number, to: number, direction: 1 | -1, y: number) => {
    const x0 = at(from, direction);
    const x1 = at(to, direction);
    const x = Math.min(x0, x1);
    const w = Math.abs(x1 - x0);
    if (w <= 0) return;
    const swatch = swatchOf(series);
    paintSwatch(doc, swatch, x, y, w, BAR);
    // A white seam between neighbours, which greyscale keeps.
    doc.rect(x, y, w, BAR).lineWidth(0.5).strokeColor('#ffffff').stroke();
    valueIn(to - from, swatch, x0, x1, y);
  };

  const bar = (row: number, y: number) => {
    const lines = labels[row]!;
    let textY = y + (pitch - lines.length * lineHeight) / 2;
    for (const text of lines) {
      print.setFontFor(text, 'normal', LABEL_SIZE);
      doc.fillColor('black').text(text, frame.left, textY, { lineBreak: false });
      textY += lineHeight;
    }
    const barY = y + (pitch - BAR) / 2;
    const values = chart.values[row]!;
    let right = 0;
    values.forEach((value, series) => {
      if (value <= 0) return;
      if (chart.mirrored && series === 0) {
        segment(0, 0, value, -1, barY);
      } else {
        segment(series, right, right + value, 1, barY);
        right += value;
      }
    });
    if (percent) return;
    const [leftText, rightText] = totalTexts[row]!;
    print.setFontFor(rightText, 'normal', VALUE_SIZE);
    const textTop = barY + (BAR - VALUE_SIZE) / 2;
    doc.fillColor('black').text(rightText, at(sides[row]![1]) + 3, textTop, { lineBreak: false });
    if (chart.mirrored) {
      const w = doc.widthOfString(leftText);
      doc.text(leftText, at(sides[row]![0], -1) - 3 - w, textTop, { lineBreak: false });
    }
  };

  const capped = shown < total ? chart.texts.capped(shown, total) : '';
  print.setFontFor(capped, 'normal', LABEL_SIZE);
  const cappedLines = capped ? wrapText(print, capped, width) : [];
  const cappedHeight = cappedLines.length * lineHeight;

  let y = frame.top;
  let from = 0;
  while (from < shown) {
    if (from > 0) {
      y = frame.newPage();
      print.setFontFor(chart.texts.continued, 'normal', LEGEND_SIZE);
      doc.fillColor('black').text(chart.texts.continued, frame.left, y, { lineBreak: false });
      y += LEGEND_SIZE * 1.5;
    }
    y = legend(y);
    const room = Math.floor((frame.bottom - y - AXIS_HEIGHT - cappedHeight) / pitch);
    const to = Math.min(shown, from + Math.max(1, room));
    grid(y, y + (to - from) * pitch);
    for (let row = from; row < to; row++) bar(row, y + (row - from) * pitch);
    y = axis(y + (to - from) * pitch);
    from = to;
  }
  for (const text of cappedLines) {
    print.setFontFor(text, 'normal', LABEL_SIZE);
    doc.fillColor('black').text(text, frame.left, y, { lineBreak: false });
    y += lineHeight;
  }
  return y;
}
