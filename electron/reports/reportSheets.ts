/**
 * The reports of `tutti report` as sheets for Excel and PDF: the same rows as the text and CSV
 * (dates as `YYYY-MM-DD`, typed), and the lines the text prints around them as the sheet's
 * notes — an incomplete honours list says so in the file.
 */
import { formatGermanDate } from '../../shared/domain/dates.ts';
import type { StrengthReport } from '../../shared/domain/reports/staerkemeldung.ts';
import type { Language } from '../../shared/messages/language.ts';
import { type MessageParams, msg } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';
import type { CellKind, Sheet } from '../export/sheet.ts';
import {
  activeMembersTable,
  birthdayNotes,
  birthdaysTable,
  functionsLine,
  type HonoursInput,
  honourProblems,
  honoursTable,
  ruleSetNames,
  strengthCountsTable,
} from './reportTables.ts';
import type { BirthdaysTextInput, HonoursTextInput } from './reportText.ts';
import type { Table } from './textTable.ts';

const say = (language: Language, key: string, params?: MessageParams) =>
  translate(msg(key, params), language);

function sheetOf(title: string, table: Table, kinds: readonly CellKind[], notes: string[]): Sheet {
  return {
    title,
    columns: table.header.map((heading, i) => ({ heading, kind: kinds[i] ?? 'text' })),
    rows: table.rows.map((row) => row.map((cell) => (cell === '' ? null : cell))),
    notes,
  };
}

export function honoursSheets(input: HonoursTextInput, language: Language): Sheet[] {
  const text = (key: string, params?: MessageParams) =>
    say(language, `reports.honours.${key}`, params);
  const { list } = input;
  const notes = [
    input.ceremonyDate
      ? `${text('ceremonyDate')}: ${formatGermanDate(input.ceremonyDate)}`
      : text('ceremonyHint'),
    text('rules', { names: ruleSetNames(input.rules, language) }),
    ...(list.complete
      ? [text('complete')]
      : [
          text('incomplete'),
          ...honourProblems(input as HonoursInput, language).map((m) => translate(m, language)),
        ]),
  ];
  return [
    sheetOf(
      `${text('title')} ${list.year}`,
      honoursTable(input, { language, output: 'csv' }),
      ['text', 'text', 'text', 'number', 'text', 'date'],
      notes,
    ),
  ];
}

export function strengthSheets(report: StrengthReport, language: Language): Sheet[] {
  const text = (key: string, params?: MessageParams) =>
    say(language, `reports.staerkemeldung.${key}`, params);
  const counts = strengthCountsTable(report, language);
  return [
    sheetOf(
      `${text('title')} ${report.year}`,
      counts,
      counts.header.map((_, i) => (i === 0 ? 'text' : 'number')),
      [
        `${text('club')}: ${report.clubName}`,
        ...report.federations.map((f) => text('federation', f)),
        text('referenceDate', { date: formatGermanDate(report.referenceDate) }),
        functionsLine(report, language),
        text('unaffected'),
      ],
    ),
    sheetOf(
      text('activeMembers'),
      activeMembersTable(report, { language, output: 'csv' }),
      ['text', 'date', 'text', 'text', 'date'],
      [],
    ),
  ];
}

export function birthdaysSheets(input: BirthdaysTextInput, language: Language): Sheet[] {
  const title = say(language, 'reports.birthdays.title', {
    from: formatGermanDate(input.from),
    to: formatGermanDate(input.to),
  });
  return [
    sheetOf(
      title,
      birthdaysTable(input.list, input.members, { language, output: 'csv' }),
      ['date', 'text', 'text'],
      birthdayNotes(input.list).map((m) => translate(m, language)),
    ),
  ];
}
