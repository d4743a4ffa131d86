/**
 * Bundesvereinigung Deutscher Musikverbände (BDMV). Its Ehrenordnung itself could not be found;
 * only its honours for supporting members are restated by a member federation, with years and
 * the rhythm after 50. Everything else of the BDMV — musicians, conductors, officials, the age
 * from which years count — is not shipped rather than guessed (see docs/honour-rules-sources.md);
 * its 40 to 70 years for active members, which the BVK mentions, are not named anywhere found.
 */
import { MEMBER_KINDS, type RuleSet } from '../honourRule.ts';

const supporting = (years: number) => ({
  de: `BDMV-Ehrung für ${years} Jahre fördernde Mitgliedschaft`,
  en: `BDMV honour for ${years} years of supporting membership`,
});

export const BDMV: RuleSet = {
  id: 'bdmv',
  name: {
    de: 'Bundesvereinigung Deutscher Musikverbände (BDMV)',
    en: 'Federal Association of German Music Federations (BDMV)',
  },
  country: 'DE',
  rules: [
    {
      id: 'bdmv.supporting',
      issuer: 'Bundesvereinigung Deutscher Musikverbände',
      category: 'supporting',
      levels: [10, 20, 25, 30, 40, 50].map((years) => ({ years, name: supporting(years) })),
      thenEvery: {
        years: 10,
        name: {
          de: 'BDMV-Ehrung für {{years}} Jahre fördernde Mitgliedschaft',
          en: 'BDMV honour for {{years}} years of supporting membership',
        },
      },
      counting: 'sum',
      fromAge: null,
      counts: MEMBER_KINDS,
      holdsAtCutOff: ['passiv'],
      cutOff: null,
      minYearsSincePrevious: null,
      leadWeeks: null,
      applicationDeadline: null,
      sources: [
        {
          title: 'Musikbund von Ober- und Niederbayern, Bezirk Landshut: Ehrungen',
          url: 'https://www.mon-la.de/informationen-1/ehrungen/',
          quote:
            'Die Bundesvereinigung Deutscher Musikverbände e. V. bietet auch Ehrungen für passive/fördernde Mitglieder für 10/20/25/30/40/50-jährige Mitgliedschaft (sowie alle weiteren 10 Jahre) an.',
          secondary: true,
        },
      ],
      // Membership years of whoever supports the club on the cut-off date, active years included.
      assumptions: ['counting', 'statuses', 'cutOff'],
    },
  ],
  notShipped: {
    de: 'Die Ehrenordnung der BDMV selbst lag nicht vor: Ehrungen für aktive Musiker, Dirigenten und Vorstandsmitglieder sind nicht hinterlegt.',
    en: "The BDMV's own rules of honour could not be found: honours for active musicians, conductors and board members are not included.",
  },
};
