/**
 * A club's own honours (the "Vereinsehrennadel" for 10, 25 and 40 years): kept in the club
 * record beside the federations' rule sets the club follows, so every device computes the same
 * list. A club names its levels and says what counts; everything else has the engine's shape.
 */
import { z } from 'zod';
import { requiredText, uuid } from '../fields.ts';
import { CATEGORY_COUNTS, COUNTINGS, HONOUR_CATEGORIES, type HonourRule } from './honourRule.ts';

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: 'validation.number' })
    .int({ error: 'validation.number' })
    .min(min, { error: 'validation.number' })
    .max(max, { error: 'validation.number' });

const optionalWhole = (min: number, max: number) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), wholeNumber(min, max).nullable());

export const ownHonourSchema = z
  .object({
    id: uuid,
    category: z.enum(HONOUR_CATEGORIES, { error: 'validation.choose.honourCategory' }),
    counting: z.enum(COUNTINGS, { error: 'validation.choose.honourCounting' }),
    fromAge: optionalWhole(0, 99),
    minYearsSincePrevious: optionalWhole(1, 99),
    leadWeeks: optionalWhole(0, 52),
    levels: z
      .array(z.object({ years: wholeNumber(1, 99), name: requiredText(150) }))
      .min(1, { error: 'validation.honour.noLevel' })
      .max(20),
  })
  .superRefine((rule, ctx) => {
    const years = rule.levels.map((l) => l.years);
    years.forEach((y, i) => {
      if (i > 0 && y <= years[i - 1]!)
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'years'],
          message: 'validation.honour.levelsAscending',
        });
    });
  });
export type OwnHonour = z.output<typeof ownHonourSchema>;

export const ownHonourList = z.preprocess((v) => v ?? [], z.array(ownHonourSchema).max(20));

/** Ids of shipped rule sets; an id this version does not know is kept for a newer one. */
export const ruleSetIdList = z.preprocess(
  (v) => v ?? [],
  z
    .array(z.string().min(1).max(40))
    .max(20)
    .transform((ids) => [...new Set(ids)]),
);

/** A club's own honour as a rule of the engine, given by the club itself. */
export function ownHonourRule(own: OwnHonour, clubName: string): HonourRule {
  return {
    id: `own.${own.id}`,
    issuer: clubName,
    category: own.category,
    levels: own.levels.map((l) => ({ years: l.years, name: { de: l.name, en: l.name } })),
    counting: own.counting,
    fromAge: own.fromAge,
    counts: CATEGORY_COUNTS[own.category],
    holdsAtCutOff: null,
    cutOff: null,
    minYearsSincePrevious: own.minYearsSincePrevious,
    leadWeeks: own.leadWeeks,
    applicationDeadline: null,
    sources: [],
    assumptions: [],
  };
}
