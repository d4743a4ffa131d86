/**
 * The bar chart a PDF draws (issue #24), read back with poppler's `pdftotext -bbox`: where its
 * words stand tells which side of the axis a bar went, how far a long chart went on, and what
 * it said about the rest.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { axisTicks, type BarChart, drawBarChart, MAX_CHART_ROWS, swatchOf } from './pdfChart.ts';
import { A4, printDocument } from './pdfDocument.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir('tutti-pdf-chart-');
});
afterAll(() => temp.cleanup());

const TEXTS: BarChart['texts'] = {
  continued: 'Diagramm, Fortsetzung',
  capped: (shown, total) => `Das Diagramm zeigt die ersten ${shown} von ${total}.`,
};

interface Word {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
}

/** The chart alone on A4 pages, and its words with their places. */
async function drawn(chart: BarChart): Promise<Word[]> {
  const print = printDocument({ title: 'Test' });
  const frame = {
    print,
    left: 36,
    right: A4.width - 36,
    top: 58,
    bottom: A4.height - 40,
    newPage: () => {
      print.doc.addPage();
      return 58;
    },
  };
  drawBarChart(frame, chart);
  const file = join(temp.dir, 'chart.pdf');
  writeFileSync(file, await print.finish());
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], {
    encoding: 'utf8',
    // An empty page's "no word list" is no failure here.
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const words: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/.exec(
      line,
    );
    if (m) words.push({ page, text: m[3]!, xMin: Number(m[1]), xMax: Number(m[2]) });
  }
  return words;
}

const pyramid = (mirrored: boolean): BarChart => ({
  categories: ['40–49'],
  series: ['männlich', 'weiblich', 'divers', 'ohne Angabe'],
  values: [[17, 24, 0, 0]],
  unit: 'count',
  mirrored,
  texts: TEXTS,
});

describe('a bar chart in a PDF', () => {
  it('draws an age pyramid’s first series left of the centre axis and the others right', async () => {
    const words = await drawn(pyramid(true));
    const zero = words.find((w) => w.text === '0')!;
    const centre = (zero.xMin + zero.xMax) / 2;
    const left = words.filter((w) => w.text === '17');
    const right = words.filter((w) => w.text === '24');
    // In the segment and as the side's total at its end.
    expect(left).toHaveLength(2);
    expect(right).toHaveLength(2);
    for (const w of left) expect(w.xMax).toBeLessThan(centre);
    for (const w of right) expect(w.xMin).toBeGreaterThan(centre);
    // The axis counts outwards on both sides.
    expect(words.filter((w) => w.text === '10')).toHaveLength(2);
  });

  it('stacks every series right of the label when not mirrored, the total at the end', async () => {
    const words = await drawn(pyramid(false));
    const zero = words.find((w) => w.text === '0')!;
    const label = words.find((w) => w.text === '40–49')!;
    expect(label.xMax).toBeLessThan(zero.xMin);
    const seventeen = words.find((w) => w.text === '17')!;
    const total = words.find((w) => w.text === '41')!;
    expect(seventeen.xMin).toBeGreaterThan(zero.xMax);
    expect(total.xMin).toBeGreaterThan(words.find((w) => w.text === '24')!.xMax);
    expect(words.map((w) => w.text)).toEqual(
      expect.arrayContaining(['männlich', 'ohne', 'Angabe']),
    );
  });

  it('runs a share’s axis from 0 to 100 %', async () => {
    const words = await drawn({
      categories: ['Blech'],
      series: ['anwesend', 'entschuldigt', 'unentschuldigt'],
      values: [[66.7, 0, 33.3]],
      unit: 'percent',
      mirrored: false,
      texts: TEXTS,
    });
    const texts = words.map((w) => w.text);
    expect(texts).toEqual(expect.arrayContaining(['66,7', '33,3', '100']));
    expect(texts.filter((t) => t === '%')).toHaveLength(6);
  });

  it('goes on over pages with a long chart and says the table lists what it leaves out', async () => {
    const total = MAX_CHART_ROWS + 80;
    const words = await drawn({
      categories: Array.from({ length: total }, (_, i) => `M${String(i).padStart(3, '0')}`),
      series: ['anwesend', 'entschuldigt', 'unentschuldigt'],
      values: Array.from({ length: total }, () => [50, 25, 25]),
      unit: 'percent',
      mirrored: false,
      texts: TEXTS,
    });
    const labels = words.filter((w) => /^M\d{3}$/.test(w.text)).map((w) => w.text);
    expect(labels).toHaveLength(MAX_CHART_ROWS);
    expect(labels.at(-1)).toBe(`M${MAX_CHART_ROWS - 1}`);
    const pages = Math.max(...words.map((w) => w.page));
    expect(pages).toBeGreaterThan(1);
    // Every page has its legend; the further ones say they go on.
    expect(words.filter((w) => w.text === 'entschuldigt')).toHaveLength(pages);
    expect(words.filter((w) => w.text === 'Fortsetzung')).toHaveLength(pages - 1);
    const said = words
      .filter((w) => w.page === pages)
      .map((w) => w.text)
      .join(' ');
    expect(said).toContain(`die ersten ${MAX_CHART_ROWS} von ${total}.`);
  });

  it('draws nothing for a chart without categories', async () => {
    expect(await drawn({ ...pyramid(false), categories: [], values: [] })).toEqual([]);
  });
});

describe('the chart’s axis and colours', () => {
  it('ticks in steps of 1, 2 or 5 times a power of ten, up to the largest value', () => {
    expect(axisTicks(3, 8)).toEqual([0, 1, 2, 3]);
    expect(axisTicks(45, 8)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(axisTicks(108, 8)).toEqual([0, 20, 40, 60, 80, 100, 120]);
    expect(axisTicks(0, 5)).toEqual([0, 1]);
  });

  it('keeps neighbouring colours apart in greyscale, or hatches one of them', () => {
    const lightness = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
    };
    for (let i = 0; i < 7; i++) {
      const [a, b] = [swatchOf(i), swatchOf(i + 1)];
      expect(Math.abs(lightness(a.fill) - lightness(b.fill)), `${i}`).toBeGreaterThan(
        a.hatched === b.hatched ? 10 : 0,
      );
    }
    // Text on a segment: white on the dark ones, black on the light ones.
    for (let i = 0; i < 8; i++)
      expect(swatchOf(i).ink, `${i}`).toBe(lightness(swatchOf(i).fill) < 60 ? 'white' : 'black');
  });
});
