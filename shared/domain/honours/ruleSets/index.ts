/** The federations' honour rules Tutti ships, each rule with its source. */
import type { RuleSet } from '../honourRule.ts';
import { AMV_SBV } from './amvSbv.ts';
import { BDMV } from './bdmv.ts';
import { BVK_KARLSRUHE } from './bvkKarlsruhe.ts';
import { MON } from './mon.ts';
import { VMB_NRW } from './vmbNrw.ts';

export const RULE_SETS: readonly RuleSet[] = [BDMV, BVK_KARLSRUHE, MON, VMB_NRW, AMV_SBV];

export function ruleSet(id: string): RuleSet | undefined {
  return RULE_SETS.find((s) => s.id === id);
}
