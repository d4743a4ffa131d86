/**
 * Blasmusikverband Karlsruhe (BVK), a regional federation in the BDB: its own pins for 10, 20
 * and 30 years. The BDB's and BDMV's honours for 40 to 70 years, which it mentions, are not
 * here: the source names neither them nor how their years count.
 * The rule says the years count from the completed 8th year of age and that every year counts
 * in which the member was reported as "aktiv" — a sum of active time; it names non-playing
 * administrators beside musicians. It names no cut-off date: the years count to the ceremony.
 */
import { ACTIVE_KINDS, type RuleSet, type RuleSource } from '../honourRule.ts';

const ORDER: RuleSource = {
  title: 'Blasmusikverband Karlsruhe e. V., Ehrungsordnung',
  url: 'https://www.blasmusikverband-karlsruhe.de/verwaltung/ehrungsordnung',
  quote:
    'Der BVK verleiht an aktive Musikerinnen und Musiker und an Verwaltungsmitglieder, die nicht musikalisch tätig sind, für langjährige Tätigkeit folgende Ehrenzeichen: 10 Jahre = Verbandsehrennadel in Bronze · 20 Jahre = Verbandsehrennadel in Silber · 30 Jahre = Verbandsehrennadel in Gold. – Die Ehrungsberechtigung beginnt mit Vollendung des 8. Lebensjahres. Von diesem Zeitpunkt an werden all diejenigen Jahre berücksichtigt, in denen das zu ehrende Mitglied namentlich und mit dem Status „aktiv“ erfasst wurde. – Verbandsehrungen sind schriftlich mindestens 8 Wochen vor dem Ehrungstermin beim Verbandsgeschäftsführer zu beantragen.',
};

export const BVK_KARLSRUHE: RuleSet = {
  id: 'bvk',
  name: {
    de: 'Blasmusikverband Karlsruhe (BVK)',
    en: 'Karlsruhe Wind Music Federation (BVK)',
  },
  country: 'DE',
  rules: [
    {
      id: 'bvk.musicians',
      issuer: 'Blasmusikverband Karlsruhe',
      category: 'musicians',
      levels: [
        { years: 10, name: { de: 'Verbandsehrennadel in Bronze', en: 'Federation pin in bronze' } },
        { years: 20, name: { de: 'Verbandsehrennadel in Silber', en: 'Federation pin in silver' } },
        { years: 30, name: { de: 'Verbandsehrennadel in Gold', en: 'Federation pin in gold' } },
      ],
      counting: 'sum',
      fromAge: 8,
      counts: ACTIVE_KINDS,
      holdsAtCutOff: null,
      cutOff: null,
      minYearsSincePrevious: null,
      leadWeeks: 8,
      applicationDeadline: null,
      sources: [ORDER],
      // "All years reported as aktiv" read as a sum; conductors counted with the musicians.
      assumptions: ['counting', 'statuses', 'cutOff'],
    },
  ],
  notShipped: {
    de: 'Für 40, 50, 60 und 70 Jahre ehren laut BVK der BDB und die BDMV; deren Namen und Zählweise nennt die Quelle nicht. Die Dirigenten- und CISM-Ehrungen des BVK nennen dort keine Jahre.',
    en: 'For 40, 50, 60 and 70 years the BDB and the BDMV give honours, the BVK says; the source names neither them nor how they count. The BVK’s conductor and CISM honours name no years there.',
  },
};
