/**
 * `npm run bench:export` — a list of 6,000 members printed and exported (issue #23): the PDF of
 * the printed member list (`PRINT_FIELDS`, the columns of a printed list) ≤ 3 s and the Excel
 * workbook with every exported column ≤ 2 s, each the median of three runs after one warm-up,
 * from the members in memory to the finished file. Also the CSV for comparison.
 */

import { toCsv } from '../../electron/export/csv.ts';
import { exportSheet, exportTable, PRINT_FIELDS } from '../../electron/export/exportTables.ts';
import { pdfFromSheet } from '../../electron/export/pdfSheet.ts';
import { xlsxFromSheet } from '../../electron/export/xlsxSheet.ts';
import { validateRecord } from '../../shared/domain/entities.ts';
import type { Member } from '../../shared/domain/member.ts';
import type { Register } from '../../shared/domain/register.ts';

const MEMBERS = 6_000;
const RUNS = 3;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

const FIRST = ['Anna', 'Bernd', 'Clara', 'Dieter', 'Łukasz', 'Emma', 'Felix', 'Greta', 'Hannes'];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wróbel', 'Bäcker', 'Groß'];
const STREETS = ['Hauptstraße', 'Kirchweg', 'Am Mühlbach', 'Lindenallee', 'Schulstraße'];
const CITIES = ['Freiburg im Breisgau', 'Offenburg', 'Lahr', 'Emmendingen', 'Waldkirch'];

function record<T>(entity: 'members' | 'registers', draft: Record<string, unknown>): T {
  const result = validateRecord(entity, draft);
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value as T;
}

const registers = ['Holz', 'Blech', 'Schlagwerk', 'Tiefes Blech'].map((name, i) =>
  record<Register>('registers', {
    id: `00000000-0000-4000-8000-00000000010${i}`,
    name,
    sortOrder: i,
  }),
);
const members: Member[] = [];
for (let i = 0; i < MEMBERS; i++) {
  const year = 1940 + (i % 70);
  members.push(
    record<Member>('members', {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      memberNumber: String(1000 + i),
      salutation: i % 2 ? 'Herr' : 'Frau',
      firstName: FIRST[i % FIRST.length],
      lastName: `${LAST[i % LAST.length]}${i % 3 ? '' : '-Lüdenscheidt'}`,
      street: `${STREETS[i % STREETS.length]} ${1 + (i % 120)}`,
      postalCode: String(79_100 + (i % 800)),
      city: CITIES[i % CITIES.length],
      phone: `+49 761 ${100_000 + i}`,
      email: `mitglied${i}@example.org`,
      birthDate: `${year}-0${1 + (i % 9)}-1${i % 9}`,
      entryDate: `${year + 15}-03-01`,
      status: i % 5 ? 'aktiv' : 'passiv',
      registerIds: [registers[i % registers.length]!.id],
      iban: 'DE89370400440532013000',
      notes: i % 10 ? null : 'Spielt auch im Jugendorchester mit und hilft beim Notenarchiv.',
    }),
  );
}
const data = { members, registers, instruments: [], loans: [], events: [], honours: [] };
const head = { clubName: 'Musikverein Beispiel', date: '2026-12-07' };

async function timed(
  run: () => Promise<unknown> | unknown,
): Promise<{ median: number; size: number }> {
  await run();
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const out = (await run()) as { length: number };
    times.push(performance.now() - start);
    size = out.length;
  }
  return { median: median(times), size };
}

console.log(`Tutti export benchmark: ${MEMBERS} members (median of ${RUNS} runs after a warm-up)`);
const pdf = await timed(() =>
  pdfFromSheet(exportSheet('members', data, 'de', { fields: PRINT_FIELDS.members }), head, 'de'),
);
console.log(
  `  PDF, printed member list (${PRINT_FIELDS.members!.length} fields): ${ms(pdf.median)}  goal ≤ 3000 ms  ${pdf.median <= 3000 ? 'met' : 'NOT met'}  (${(pdf.size / 1e6).toFixed(1)} MB)`,
);
const xlsx = await timed(() => xlsxFromSheet(exportSheet('members', data, 'de'), head, 'de'));
console.log(
  `  Excel, every exported column: ${ms(xlsx.median)}  goal ≤ 2000 ms  ${xlsx.median <= 2000 ? 'met' : 'NOT met'}  (${(xlsx.size / 1e6).toFixed(1)} MB)`,
);
const csv = await timed(() => {
  const { header, rows } = exportTable('members', data, 'de');
  return toCsv(header, rows);
});
console.log(`  CSV, every exported column (for comparison): ${ms(csv.median)}`);
