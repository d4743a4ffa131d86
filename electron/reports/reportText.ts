/**
 * The reports of `tutti report` as plain text for the terminal: a head saying what the report
 * is, its tables aligned, and the lines saying what it could not include — an incomplete list
 * says so under the list, never passes for a whole one.
 */
import { formatGermanDate } from '../../shared/domain/dates.ts';
import type { Member } from '../../shared/domain/member.ts';
import type { OccasionList } from '../../shared/domain/reports/birthdays.ts';
import type { StrengthReport } from '../../shared/domain/reports/staerkemeldung.ts';
import type { Language } from '../../shared/messages/language.ts';
import { type MessageParams, msg } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';
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
import { textTable } from './textTable.ts';

const say = (language: Language, key: string, params?: MessageParams) =>
  translate(msg(key, params), language);

/** Blocks of lines, a blank line between them, ending with a line break. */
function document(blocks: readonly (readonly string[])[]): string {
  return `${blocks
    .filter((b) => b.length > 0)
    .map((b) => b.join('\n'))
    .join('\n\n')}\n`;
}

export interface HonoursTextInput extends HonoursInput {
  ceremonyDate: string | null;
}

export function honoursText(input: HonoursTextInput, language: Language): string {
  const text = (key: string, params?: MessageParams) =>
    say(language, `reports.honours.${key}`, params);
  const { list } = input;
  const head = [
    `${text('title')} ${list.year}`,
    input.ceremonyDate
      ? `${text('ceremonyDate')}: ${formatGermanDate(input.ceremonyDate)}`
      : text('ceremonyHint'),
    text('rules', { names: ruleSetNames(input.rules, language) }),
  ];
  const body =
    list.items.length > 0
      ? textTable(honoursTable(input, { language, output: 'text' }))
      : [text('none', { year: list.year })];
  const end = list.complete
    ? [text('complete')]
    : [text('incomplete'), ...honourProblems(input, language).map((m) => translate(m, language))];
  return document([head, body, end]);
}

export function strengthText(report: StrengthReport, language: Language): string {
  const text = (key: string, params?: MessageParams) =>
    say(language, `reports.staerkemeldung.${key}`, params);
  const head = [
    `${text('title')} ${report.year}`,
    `${text('club')}: ${report.clubName}`,
    ...report.federations.map((f) => text('federation', f)),
    text('referenceDate', { date: formatGermanDate(report.referenceDate) }),
  ];
  return document([
    head,
    textTable(strengthCountsTable(report, language)),
    [functionsLine(report, language)],
    [text('activeMembers'), ...textTable(activeMembersTable(report, { language, output: 'text' }))],
    [text('unaffected')],
  ]);
}

export interface BirthdaysTextInput {
  list: OccasionList;
  members: readonly Member[];
  from: string;
  to: string;
}

export function birthdaysText(input: BirthdaysTextInput, language: Language): string {
  const { list } = input;
  const head = [
    say(language, 'reports.birthdays.title', {
      from: formatGermanDate(input.from),
      to: formatGermanDate(input.to),
    }),
  ];
  const body =
    list.occasions.length > 0
      ? textTable(birthdaysTable(list, input.members, { language, output: 'text' }))
      : [say(language, 'reports.birthdays.none')];
  const notes = birthdayNotes(list).map((m) => translate(m, language));
  return document([head, body, notes]);
}
