/**
 * The rows of `tutti report` without a profile: aligned text, the names of rules and members
 * in the problems, and every kind of problem, gap and note said in both languages.
 */
import { describe, expect, it } from 'vitest';
import { CLUB_RECORD_ID, type Club } from '../../shared/domain/club.ts';
import { validateRecord } from '../../shared/domain/entities.ts';
import { clubRules } from '../../shared/domain/honours/clubRules.ts';
import { honoursDue } from '../../shared/domain/honours/honoursDue.ts';
import { newId } from '../../shared/domain/ids.ts';
import type { Member } from '../../shared/domain/member.ts';
import { occasionsBetween } from '../../shared/domain/reports/birthdays.ts';
import type { MissingItem } from '../../shared/domain/reports/staerkemeldung.ts';
import { LANGUAGES } from '../../shared/messages/language.ts';
import { translate } from '../../shared/messages/translate.ts';
import {
  birthdayNotes,
  birthdaysTable,
  honourProblems,
  honoursTable,
  missingItems,
  ruleName,
  ruleSetNames,
} from './reportTables.ts';
import { textTable } from './textTable.ts';

function record<T>(entity: 'members' | 'club', fields: Record<string, unknown>): T {
  const result = validateRecord(entity, fields);
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value as T;
}

const member = (fields: Record<string, unknown>) =>
  record<Member>('members', { id: newId(), status: 'aktiv', ...fields });

const club = record<Club>('club', {
  id: CLUB_RECORD_ID,
  name: 'Musikverein Harmonie',
  honourRuleSets: ['vmb-nrw', 'bvk'],
  ownHonours: [
    {
      id: newId(),
      category: 'supporting',
      counting: 'sum',
      fromAge: null,
      minYearsSincePrevious: null,
      leadWeeks: null,
      levels: [{ years: 25, name: 'Vereinsehrennadel' }],
    },
  ],
});

describe('a text table', () => {
  it('pads every column to its widest cell, with one header line and no trailing blanks', () => {
    expect(
      textTable({
        header: ['Name', 'Jahre', 'Stand'],
        rows: [
          ['Meier, Anna', 10, 'fällig'],
          ['Li', 125, ''],
        ],
      }),
    ).toEqual(['Name         Jahre  Stand', 'Meier, Anna  10     fällig', 'Li           125']);
  });
});

describe('the honours rows', () => {
  const rules = clubRules(club);
  const anna = member({ firstName: 'Anna', lastName: 'Meier', entryDate: '2016-03-01' });
  const ohneBeginn = member({
    firstName: 'Eva',
    lastName: 'Roth',
    memberships: [{ status: 'aktiv', from: null, until: null, notes: null }],
  });

  it('names a rule by its set, its category when the set has more, or an own honour by its level', () => {
    const [vmbMusicians] = rules.sets.find((s) => s.id === 'vmb-nrw')!.rules;
    const [bvk] = rules.sets.find((s) => s.id === 'bvk')!.rules;
    const own = rules.rules.find((r) => r.id.startsWith('own.'))!;
    expect(ruleName(vmbMusicians!, rules, 'de')).toBe(
      'Volksmusikerbund NRW: Musikerinnen und Musiker',
    );
    expect(ruleName(bvk!, rules, 'en')).toBe('Karlsruhe Wind Music Federation (BVK)');
    expect(ruleName(own, rules, 'de')).toBe('Vereinsehrennadel');
    expect(ruleSetNames(rules, 'de')).toBe(
      'Blasmusikverband Karlsruhe (BVK), Volksmusikerbund NRW, Vereinsehrennadel',
    );
  });

  it('says, for a role without birth dates, which rule was not computed and for whom the start is unknown', () => {
    const list = honoursDue({
      year: 2026,
      ceremonyDate: null,
      rules: rules.rules,
      members: [anna, ohneBeginn],
      honours: [],
      birthDatesKnown: false,
      today: '2026-12-07',
    });
    expect(list.complete).toBe(false);
    const input = { list, rules, members: [anna, ohneBeginn] };
    expect(honoursTable(input, { language: 'en', output: 'csv' }).rows).toEqual([
      ['Meier, Anna', 'VMB pin in bronze', 'Volksmusikerbund NRW', 10, 'due', ''],
    ]);
    const problems = honourProblems(input, 'de').map((m) => translate(m, 'de'));
    expect(problems).toContain(
      'Blasmusikverband Karlsruhe (BVK) zählt ab einem Lebensjahr und wurde nicht berechnet: Ihre Rolle sieht keine Geburtsdaten.',
    );
    expect(problems).toContain(
      'Roth, Eva: Beginn der Mitgliedschaft unbekannt (Eintrittsdatum fehlt) – „Volksmusikerbund NRW: Musikerinnen und Musiker“ nicht berechnet.',
    );
  });
});

describe('the lines of what a report leaves out', () => {
  const paul = member({ firstName: 'Paul', lastName: 'Lang' });
  const firma = member({ lastName: 'Musikhaus Klang' });

  it('says every gap of a refused Stärkemeldung in both languages, members by name', () => {
    const missing: MissingItem[] = [
      { kind: 'clubName' },
      { kind: 'federationNumber' },
      { kind: 'birthDatesHidden' },
      ...(['birthDate', 'gender', 'statusUnknown', 'activeSinceUnknown'] as const).map((kind) => ({
        kind,
        memberIds: [paul.id, firma.id],
      })),
    ];
    for (const language of LANGUAGES) {
      const lines = missingItems(missing, [paul, firma]).map((m) => translate(m, language));
      expect(lines).toHaveLength(7);
      for (const line of lines) expect(line).not.toMatch(/reports\.|\{\{/);
      expect(lines.slice(3).every((l) => l.endsWith('Paul Lang, Musikhaus Klang'))).toBe(true);
    }
  });

  it('lists jubilees only without birth dates, and says so', () => {
    const anna = member({
      firstName: 'Anna',
      lastName: 'Meier',
      birthDate: '1976-05-03',
      entryDate: '2006-05-15',
      consents: [{ purpose: 'birthdays', givenOn: null, source: null, withdrawnOn: null }],
    });
    const list = occasionsBetween([anna], '2026-05-01', '2026-05-31', false, '2026-12-07');
    expect(birthdaysTable(list, [anna], { language: 'de', output: 'text' }).rows).toEqual([
      ['15.05.2026', 'Meier, Anna', '20 Jahre Mitglied'],
    ]);
    expect(birthdayNotes(list).map((m) => translate(m, 'en'))).toEqual([
      'Your role does not see birth dates: the list shows membership anniversaries only, no birthdays.',
    ]);
  });
});
