/**
 * Musikbund von Ober- und Niederbayern (MON): pins for musicians, medals for officials, pins
 * for conductors. The source gives the years only — not how they are counted, from which age,
 * or by which date: Tutti sums the periods of the status (pauses left out) up to the ceremony
 * and says so beside every rule. Its Fördermedaille is given for merit, not years: not here.
 */
import type { RuleSet, RuleSource } from '../honourRule.ts';
import { ACTIVE_KINDS } from '../honourRule.ts';

const PAGE = {
  title: 'Musikbund von Ober- und Niederbayern e. V., Ehrungen',
  url: 'https://www.mon.bayern/informationen/ehrungen',
};

const MUSICIANS: RuleSource = {
  ...PAGE,
  quote:
    'Ehrennadeln des Musikbundes von Ober- und Niederbayern – Bronze (für 15 Jahre) … – Silber (für 25 Jahre) … – Gold (für 40 Jahre)',
};
const OFFICIALS: RuleSource = {
  ...PAGE,
  quote:
    'Verdienstmedaille (für Verdienste als Funktionär) – Bronze (für 10 Jahre) – Silber (für 15 Jahre) – Gold (für 20 Jahre) – Diamant (für 25 Jahre) – Diamant (für 30 Jahre) – Diamant (für 35 Jahre)',
};
const CONDUCTORS: RuleSource = {
  ...PAGE,
  quote:
    'Dirigentennadeln … für aktive Tätigkeit – Bronze (für 10 Jahre) – Silber (für 15 Jahre) – Gold (für 20 Jahre) – Gold (für 25 Jahre) – Gold (für 30 Jahre)',
};

const ISSUER = 'Musikbund von Ober- und Niederbayern';
const METAL = {
  Bronze: 'bronze',
  Silber: 'silver',
  Gold: 'gold',
  Diamant: 'diamond',
} as const;
type Metal = keyof typeof METAL;

function levels(thing: { de: string; en: string }, steps: [number, Metal][]) {
  return steps.map(([years, metal]) => ({
    years,
    name: {
      de: `${thing.de} in ${metal} (${years} Jahre)`,
      en: `${thing.en} in ${METAL[metal]} (${years} years)`,
    },
  }));
}

const UNSTATED = {
  issuer: ISSUER,
  counting: 'sum',
  fromAge: null,
  holdsAtCutOff: null,
  cutOff: null,
  minYearsSincePrevious: null,
  leadWeeks: null,
  applicationDeadline: null,
} as const;

export const MON: RuleSet = {
  id: 'mon',
  name: {
    de: 'Musikbund von Ober- und Niederbayern (MON)',
    en: 'Music Federation of Upper and Lower Bavaria (MON)',
  },
  country: 'DE',
  rules: [
    {
      ...UNSTATED,
      id: 'mon.musicians',
      category: 'musicians',
      levels: levels({ de: 'MON-Ehrennadel', en: 'MON pin of honour' }, [
        [15, 'Bronze'],
        [25, 'Silber'],
        [40, 'Gold'],
      ]),
      counts: ACTIVE_KINDS,
      sources: [MUSICIANS],
      assumptions: ['counting', 'statuses', 'cutOff'],
    },
    {
      ...UNSTATED,
      id: 'mon.officials',
      category: 'officials',
      levels: levels({ de: 'MON-Verdienstmedaille', en: 'MON medal of merit' }, [
        [10, 'Bronze'],
        [15, 'Silber'],
        [20, 'Gold'],
        [25, 'Diamant'],
        [30, 'Diamant'],
        [35, 'Diamant'],
      ]),
      counts: ['vorstand'],
      sources: [OFFICIALS],
      assumptions: ['counting', 'cutOff'],
    },
    {
      ...UNSTATED,
      id: 'mon.conductors',
      category: 'conductors',
      levels: levels({ de: 'MON-Dirigentennadel', en: "MON conductor's pin" }, [
        [10, 'Bronze'],
        [15, 'Silber'],
        [20, 'Gold'],
        [25, 'Gold'],
        [30, 'Gold'],
      ]),
      counts: ['dirigent'],
      sources: [CONDUCTORS],
      assumptions: ['counting', 'cutOff'],
    },
  ],
  notShipped: {
    de: 'Die Fördermedaille wird für besondere Verdienste verliehen, nicht nach Jahren; die Ehrungen für Stabführer setzen eine Funktion voraus, die Tutti nicht führt.',
    en: 'The supporters’ medal is given for special merit, not for years; the honours for drum majors need a function Tutti does not keep.',
  },
};
