/**
 * The rows of `tutti report` (issue #22) in the command line's language: the honours due, the
 * Stärkemeldung's counts and active members, the round birthdays and jubilees, and the lines
 * that say what a report could not include. Dates are TT.MM.JJJJ for the terminal and
 * YYYY-MM-DD in CSV, which a federation's or a spreadsheet's import reads without guessing.
 * Names of members, instruments and issuers are data and stay as they were entered.
 */
import { formatGermanDate } from '../../shared/domain/dates.ts';
import type { ClubRules } from '../../shared/domain/honours/clubRules.ts';
import type { HonourRule } from '../../shared/domain/honours/honourRule.ts';
import type { DueHonour, DueList, HonourProblem } from '../../shared/domain/honours/honoursDue.ts';
import {
  GENDERS,
  type Member,
  memberDisplayName,
  memberSortName,
} from '../../shared/domain/member.ts';
import type { Occasion, OccasionList } from '../../shared/domain/reports/birthdays.ts';
import {
  AGE_BANDS,
  type MissingItem,
  REPORT_FUNCTIONS,
  REPORT_STATUSES,
  type StatusCounts,
  type StrengthReport,
} from '../../shared/domain/reports/staerkemeldung.ts';
import type { Language } from '../../shared/messages/language.ts';
import { type Message, type MessageParams, msg } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';
import type { Cell, Table } from './textTable.ts';

/** Where the rows go: the terminal (or a text file) or a CSV file. */
export type Output = 'text' | 'csv';

export interface Wording {
  language: Language;
  output: Output;
}

const say = (language: Language, key: string, params?: MessageParams) =>
  translate(msg(key, params), language);

function day(iso: string | null, output: Output): string {
  if (!iso) return '';
  return output === 'csv' ? iso : formatGermanDate(iso);
}

/** Member names by id, as lists sort them ("Meier, Anna"). */
export function sortNames(members: readonly Member[]): Map<string, string> {
  return new Map(members.map((m) => [m.id, memberSortName(m)]));
}

// ── Honours due ──────────────────────────────────────────────────────────────────────────────

export interface HonoursInput {
  list: DueList;
  rules: ClubRules;
  members: readonly Member[];
}

function dueState(item: DueHonour, language: Language): string {
  switch (item.state) {
    case 'due':
      return say(language, 'reports.honours.due');
    case 'overdue':
      return say(language, 'reports.honours.overdue', { year: item.reachedIn });
    case 'waiting':
      return say(language, 'reports.honours.waiting', { year: item.waitsUntil ?? '' });
  }
}

export function honoursTable(input: HonoursInput, wording: Wording): Table {
  const { language, output } = wording;
  const names = sortNames(input.members);
  const heading = (key: string) => say(language, `reports.honours.${key}`);
  return {
    header: ['member', 'honour', 'issuer', 'years', 'state', 'applyBy'].map(heading),
    rows: input.list.items.map((item) => [
      names.get(item.memberId) ?? '',
      item.level.name[language],
      item.issuer,
      item.activeYears,
      dueState(item, language),
      day(item.applyBy, output),
    ]),
  };
}

/**
 * A rule as people know it: its federation's rule set ("Volksmusikerbund NRW: Musikerinnen und
 * Musiker" when the set has more than one rule), or a club's own honour by its first level.
 */
export function ruleName(rule: HonourRule, rules: ClubRules, language: Language): string {
  const set = rules.sets.find((s) => s.rules.some((r) => r.id === rule.id));
  if (!set) return rule.levels[0]?.name[language] ?? rule.issuer;
  if (set.rules.length === 1) return set.name[language];
  return `${set.name[language]}: ${say(language, `reports.honours.category.${rule.category}`)}`;
}

/** The rule sets and own honours the club follows, for the report's head. */
export function ruleSetNames(rules: ClubRules, language: Language): string {
  const own = rules.rules.filter((r) => !rules.sets.some((s) => s.rules.includes(r)));
  return [
    ...rules.sets.map((s) => s.name[language]),
    ...own.map((r) => ruleName(r, rules, language)),
  ].join(', ');
}

function problemMessage(
  problem: HonourProblem,
  input: HonoursInput,
  names: Map<string, string>,
  language: Language,
): Message {
  if (problem.kind === 'membersHidden') return msg('reports.honours.membersHidden');
  const rule = input.rules.rules.find((r) => r.id === problem.ruleId);
  const params: MessageParams = {
    rule: rule ? ruleName(rule, input.rules, language) : problem.ruleId,
  };
  if (problem.kind !== 'birthDatesHidden') params.member = names.get(problem.memberId) ?? '';
  return msg(`reports.honours.${problem.kind}`, params);
}

/** What the list could not compute, one message per member and rule (or per rule). */
export function honourProblems(input: HonoursInput, language: Language): Message[] {
  const names = sortNames(input.members);
  return input.list.problems.map((p) => problemMessage(p, input, names, language));
}

// ── Stärkemeldung ────────────────────────────────────────────────────────────────────────────

const kindLabel = (kind: string, language: Language) =>
  say(language, `values.members.memberships.${kind}`);
const genderLabel = (gender: string, language: Language) =>
  say(language, `values.members.gender.${gender}`);

function countCells(counts: StatusCounts): number[] {
  return [
    counts.total,
    ...GENDERS.map((g) => counts.byGender[g]),
    ...AGE_BANDS.map((b) => counts.byAgeBand[b.id]),
  ];
}

/** Members by status (and in all) on the reference date, by gender and by age band. */
export function strengthCountsTable(report: StrengthReport, language: Language): Table {
  const text = (key: string) => say(language, `reports.staerkemeldung.${key}`);
  return {
    header: [
      text('status'),
      text('total'),
      ...GENDERS.map((g) => genderLabel(g, language)),
      ...AGE_BANDS.map((b) => text(`ageBand.${b.id}`)),
    ],
    rows: [
      ...REPORT_STATUSES.map((s) => [kindLabel(s, language), ...countCells(report.byStatus[s])]),
      [text('total'), ...countCells(report.total)],
    ],
  };
}

/** "Davon in Funktion: Vorstand 2, Dirigent 1". */
export function functionsLine(report: StrengthReport, language: Language): string {
  const held = REPORT_FUNCTIONS.map((f) => `${kindLabel(f, language)} ${report.functions[f]}`);
  return `${say(language, 'reports.staerkemeldung.functions')}: ${held.join(', ')}`;
}

/** The active members on the reference date, the list federations ask for. */
export function activeMembersTable(report: StrengthReport, wording: Wording): Table {
  const { language, output } = wording;
  const heading = (key: string) => say(language, `reports.staerkemeldung.${key}`);
  return {
    header: ['name', 'birthDate', 'gender', 'instrument', 'activeSince'].map(heading),
    rows: report.activeMembers.map((m) => [
      m.name,
      day(m.birthDate, output),
      genderLabel(m.gender, language),
      m.instrument,
      day(m.activeSince, output),
    ]),
  };
}

/** What keeps the report from being made, one message each, the members named. */
export function missingItems(
  missing: readonly MissingItem[],
  members: readonly Member[],
): Message[] {
  const names = new Map(members.map((m) => [m.id, memberDisplayName(m)]));
  return missing.map((item) =>
    msg(
      `reports.staerkemeldung.missing.${item.kind}`,
      'memberIds' in item
        ? { names: item.memberIds.map((id) => names.get(id) ?? id).join(', ') }
        : undefined,
    ),
  );
}

// ── Birthdays and jubilees ───────────────────────────────────────────────────────────────────

function occasionText(occasion: Occasion, language: Language): string {
  return say(language, `reports.birthdays.${occasion.kind}`, { years: occasion.years });
}

export function birthdaysTable(
  list: OccasionList,
  members: readonly Member[],
  wording: Wording,
): Table {
  const { language, output } = wording;
  const names = sortNames(members);
  const heading = (key: string) => say(language, `reports.birthdays.${key}`);
  return {
    header: ['date', 'member', 'occasion'].map(heading),
    rows: list.occasions.map((o): Cell[] => [
      day(o.date, output),
      names.get(o.memberId) ?? '',
      occasionText(o, language),
    ]),
  };
}

/** What the list leaves out: members without consent, birthdays a role does not see. */
export function birthdayNotes(list: OccasionList): Message[] {
  const notes: Message[] = [];
  if (list.withoutConsent > 0)
    notes.push(msg('reports.birthdays.leftOut', { count: list.withoutConsent }));
  if (!list.birthdaysKnown) notes.push(msg('reports.birthdays.noBirthDates'));
  return notes;
}
