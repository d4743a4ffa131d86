/**
 * A club's own honours as the club form edits them (numbers as typed) and back; and the
 * problems of each, at its fields, in the UI's language.
 */

import type { Counting, HonourCategory } from '../../../shared/domain/honours/honourRule.ts';
import { type OwnHonour, ownHonourSchema } from '../../../shared/domain/honours/ownHonours.ts';
import { newId } from '../../../shared/domain/ids.ts';
import { issueField, issueMessage } from '../../../shared/domain/issueMessage.ts';
import { messageText } from '../i18n/messageText.ts';

export interface OwnHonourRow {
  id: string;
  category: HonourCategory;
  counting: Counting;
  fromAge: string;
  minYearsSincePrevious: string;
  leadWeeks: string;
  levels: { years: string; name: string }[];
}

const numberText = (n: number | null) => (n === null ? '' : String(n));

/** A typed number as a number; anything else is kept as typed, for the schema to name it. */
function typedNumber(text: string): number | string | null {
  const value = text.trim();
  if (value === '') return null;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function ownHonourToRow(own: OwnHonour): OwnHonourRow {
  return {
    id: own.id,
    category: own.category,
    counting: own.counting,
    fromAge: numberText(own.fromAge),
    minYearsSincePrevious: numberText(own.minYearsSincePrevious),
    leadWeeks: numberText(own.leadWeeks),
    levels: own.levels.map((l) => ({ years: String(l.years), name: l.name })),
  };
}

export function ownHonourFromRow(row: OwnHonourRow): Record<string, unknown> {
  return {
    id: row.id,
    category: row.category,
    counting: row.counting,
    fromAge: typedNumber(row.fromAge),
    minYearsSincePrevious: typedNumber(row.minYearsSincePrevious),
    leadWeeks: typedNumber(row.leadWeeks),
    levels: row.levels.map((l) => ({ years: typedNumber(l.years) ?? '', name: l.name })),
  };
}

export function newOwnHonourRow(): OwnHonourRow {
  return {
    id: newId(),
    category: 'musicians',
    counting: 'sum',
    fromAge: '',
    minYearsSincePrevious: '',
    leadWeeks: '',
    levels: [{ years: '', name: '' }],
  };
}

/** Each field's first problem, keyed like `levels.0.years`. */
export function ownHonourProblems(row: OwnHonourRow): Record<string, string> {
  const parsed = ownHonourSchema.safeParse(ownHonourFromRow(row));
  const problems: Record<string, string> = {};
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues)
    problems[issueField(issue as never)] ??= messageText(issueMessage(issue as never));
  return problems;
}
