/**
 * Address labels and serial letters (issue #23), read back from the PDF: each label's address
 * where the sheet's label is (measured with pdftotext -bbox, within ±0.5 mm), a partly used
 * sheet continued from its start position, one letter per member with the fields filled in,
 * and the members without an address named.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLUB_RECORD_ID } from '../../shared/domain/club.ts';
import { labelFormat, labelPosition } from '../../shared/export/labelFormats.ts';
import { deviceRights } from '../../shared/rights/deviceRights.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { saveRecord } from '../core/recordWriter.ts';
import { LocalStore } from '../store/localStore.ts';
import { LABEL_PADDING_MM } from './labelsPdf.ts';
import { printMembers } from './memberPrints.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: LocalStore;
let ids: string[];
const everything = deviceRights({ connected: false, access: null });

function save(entity: 'members' | 'club', draft: Record<string, unknown>): string {
  const saved = saveRecord(store, entity, draft as never);
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  return saved.value.id;
}

beforeEach(() => {
  temp = makeTempDir('tutti-member-prints-');
  store = LocalStore.open(join(temp.dir, 'tutti.db'), randomBytes(32));
  save('club', {
    id: CLUB_RECORD_ID,
    name: 'Musikverein Beispiel',
    street: 'Am Markt 1',
    postalCode: '79100',
    city: 'Freiburg',
  });
  ids = [
    save('members', {
      salutation: 'Frau',
      firstName: 'Anna',
      lastName: 'Adler',
      street: 'Weg 1',
      postalCode: '79100',
      city: 'Freiburg',
      status: 'aktiv',
    }),
    save('members', {
      salutation: 'Herr',
      title: 'Dr.',
      firstName: 'Bernd',
      lastName: 'Berg',
      street: 'Weg 2',
      postalCode: '6020',
      city: 'Innsbruck',
      country: 'AT',
      status: 'aktiv',
    }),
    save('members', {
      firstName: 'Łukasz',
      lastName: 'Wróbel',
      street: 'Weg 3',
      postalCode: '79100',
      city: 'Freiburg',
      status: 'aktiv',
    }),
    save('members', { firstName: 'Dora', lastName: 'Dach', status: 'aktiv' }),
    save('members', {
      salutation: 'Frau',
      firstName: 'Emma',
      lastName: 'Eck',
      street: 'Weg 5',
      postalCode: '79100',
      city: 'Freiburg',
      status: 'aktiv',
    }),
  ];
});
afterEach(() => {
  store.close();
  temp.cleanup();
});

function file(base64: string): string {
  const path = join(temp.dir, `${Math.random()}.pdf`);
  writeFileSync(path, Buffer.from(base64, 'base64'));
  return path;
}

/** The words of each page with their boxes, in points from the top left. */
function words(path: string): { page: number; x: number; y: number; text: string }[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  const found: { page: number; x: number; y: number; text: string }[] = [];
  let page = -1;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/.exec(line);
    if (m) found.push({ page, x: Number(m[1]), y: Number(m[2]), text: m[3]! });
  }
  return found;
}

const mm = (points: number) => (points * 25.4) / 72;

describe('address labels', () => {
  it('puts each address in its label, from the start position, over onto the next sheet', async () => {
    const result = await printMembers(store, everything, {
      kind: 'labels',
      ids,
      labelFormat: 'L7160',
      start: 20,
      language: 'de',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.leftOut).toEqual(['Dach, Dora']);
    const format = labelFormat('L7160')!;
    const all = words(file(result.value.base64));
    // The first word of each address: positions 20 and 21 of sheet 1, then 1 and 2 of sheet 2.
    const firsts = ['Frau', 'Herrn', 'Łukasz', 'Frau'];
    const expected = [19, 20, 21, 22].map((i) => labelPosition(format, i));
    const seen = all.filter((w) => firsts.includes(w.text) && w.x < 600);
    const starts = [seen[0], seen[1], seen[2], seen.filter((w) => w.page === 1)[1]];
    starts.forEach((word, i) => {
      const place = expected[i]!;
      expect(word!.page).toBe(place.sheet);
      expect(Math.abs(mm(word!.x) - (place.x + LABEL_PADDING_MM))).toBeLessThanOrEqual(0.5);
      expect(Math.abs(mm(word!.y) - (place.y + LABEL_PADDING_MM))).toBeLessThanOrEqual(0.5);
    });
    const text = all.map((w) => w.text).join(' ');
    expect(text).toContain('Herrn Dr. Bernd Berg Weg 2 6020 Innsbruck ÖSTERREICH');
    expect(text).toContain('Wróbel');
  });

  it('refuses a start position beyond the sheet, at the field', async () => {
    const result = await printMembers(store, everything, {
      kind: 'labels',
      ids,
      labelFormat: 'L7160',
      start: 22,
      language: 'de',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.start?.key).toBe('core.export.startOutside');
  });
});

describe('addresses that are long', () => {
  it('wraps a long line within its label, and leaves out (naming it) an address that fits nowhere', async () => {
    const long = save('members', {
      firstName: 'Maximiliane-Alexandra',
      lastName: 'Müller-Lüdenscheidt',
      street: 'Oberer Kirchberg-Sonnenhalde-Weinbergstraße 123a, Hinterhaus',
      postalCode: '79100',
      city: 'Freiburg',
      status: 'aktiv',
    });
    // Every field as long as it may be: more than a label holds in any type.
    const huge = save('members', {
      title: 'Prof. Dr. Dr. h. c. mult.',
      firstName: 'Zu '.repeat(33).trim(),
      lastName: 'Lang '.repeat(20).trim(),
      street: 'Sehr lange Straße '.repeat(11).trim(),
      postalCode: '79100',
      city: 'Freiburg im Breisgau '.repeat(4).trim(),
      status: 'aktiv',
    });
    const result = await printMembers(store, everything, {
      kind: 'labels',
      ids: [long, huge],
      labelFormat: 'L7160',
      start: 1,
      language: 'de',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.tooLong).toHaveLength(1);
    expect(result.value.tooLong![0]).toMatch(/^Lang Lang/);
    const text = execFileSync('pdftotext', [file(result.value.base64), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(text).toContain('Oberer Kirchberg-Sonnenhalde-Weinbergstraße 123a, Hinterhaus');
    // No two lines of the label share a baseline: nothing printed over anything.
    const ys = words(file(result.value.base64)).map((w) => Math.round(w.y));
    const lines = [...new Set(ys)].sort((a, b) => a - b);
    for (let i = 1; i < lines.length; i++) expect(lines[i]! - lines[i - 1]!).toBeGreaterThan(5);
  });
});

describe('serial letters', () => {
  it('fills the subject for each member, not with the first one', async () => {
    const result = await printMembers(store, everything, {
      kind: 'letters',
      ids: [ids[3]!, ids[0]!, ids[4]!],
      subject: 'Einladung für {{vorname}} {{nachname}}',
      body: 'Text',
      place: '',
      date: '2027-02-01',
      language: 'de',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const pages = execFileSync('pdftotext', [file(result.value.base64), '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
    expect(pages[0]).toContain('Einladung für Anna Adler');
    expect(pages[1]).toContain('Einladung für Emma Eck');
    expect(result.value.fileName).toMatch(/^Serienbrief /);
  });

  it('writes one letter per member with an address, the fields filled in', async () => {
    const result = await printMembers(store, everything, {
      kind: 'letters',
      ids,
      subject: 'Einladung zur Jahreshauptversammlung',
      body: 'wir laden Sie, {{vorname}}, herzlich ein.\n\nIhr {{verein}}',
      place: '',
      date: '2027-02-01',
      language: 'de',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const path = file(result.value.base64);
    const pages = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
    expect(pages).toHaveLength(4);
    expect(pages[0]).toContain('Sehr geehrte Frau Adler,');
    expect(pages[0]).toContain('wir laden Sie, Anna, herzlich ein.');
    expect(pages[0]).toContain('Ihr Musikverein Beispiel');
    expect(pages[0]).toContain('Freiburg, 01.02.2027');
    expect(pages[1]).toContain('Sehr geehrter Herr Dr. Berg,');
    expect(pages[2]).toContain('Guten Tag Łukasz Wróbel,');
    expect(result.value.leftOut).toEqual(['Dach, Dora']);
  });

  it('names a field the template holds that does not exist, at the text', async () => {
    const result = await printMembers(store, everything, {
      kind: 'letters',
      ids,
      subject: 'Hallo',
      body: 'Liebe {{vornahme}}',
      place: '',
      date: '2027-02-01',
      language: 'de',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.body?.params?.fields).toBe('{{vornahme}}');
  });
});
