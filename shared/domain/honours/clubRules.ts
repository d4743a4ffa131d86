/** The honour rules a club follows: the federations' rule sets it chose and its own honours. */
import type { Club } from '../club.ts';
import type { HonourRule, RuleSet } from './honourRule.ts';
import { ownHonourRule } from './ownHonours.ts';
import { RULE_SETS } from './ruleSets/index.ts';

export interface ClubRules {
  /** The chosen shipped rule sets this version knows, in the order Tutti lists them. */
  sets: RuleSet[];
  rules: HonourRule[];
}

export function clubRules(club: Club | undefined): ClubRules {
  const chosen = new Set(club?.honourRuleSets ?? []);
  const sets = RULE_SETS.filter((s) => chosen.has(s.id));
  const own = (club?.ownHonours ?? []).map((o) => ownHonourRule(o, club?.name ?? ''));
  return { sets, rules: [...sets.flatMap((s) => s.rules), ...own] };
}

/** The rule a due honour came from, for its name and sources. */
export function ruleById(rules: readonly HonourRule[], id: string): HonourRule | undefined {
  return rules.find((r) => r.id === id);
}
