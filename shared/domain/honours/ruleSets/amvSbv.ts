/**
 * Aargauischer Musikverband (AMV) with the Schweizer Blasmusikverband (SBV): veterans for 25,
 * 35, 50, 60 and 70 years of active playing. The best-specified rules found: years from the
 * entry confirmed in the Musikerpass, youth bands counting like adult ones and no entry age,
 * whole calendar years (days and months are not considered), cut-off 31 December of the year
 * of the honour, application by 31 January, and still active when honoured.
 */
import { ACTIVE_KINDS, type RuleSet, type RuleSource } from '../honourRule.ts';

const ORDINANCE: RuleSource = {
  title: 'Aargauischer Musikverband, Veteranenverordnung',
  url: 'https://pdfdokument.com/veteranenverordnung-stand-08122012_59cbd2fa1723dd7e22b78f70.html',
  version: '08.12.2012',
  quote:
    'Wer eine aktive Tätigkeit von 25 Jahren aufweist, wird zum Kantonalen Veteran des AMV ernannt. Wer eine aktive Tätigkeit von 50 Jahren aufweist, wird zum Ehrenveteran des AMV ernannt. Die Ehrungen für 35 Jahre, 60 Jahre und 70 Jahre sind Ehrungen des Schweizer Blasmusikverbandes. – Mitgliedjahre in Jugendspielen sind den Jahren in Erwachsenenvereinen gleichgestellt. Das Eintrittsalter ist nicht begrenzt. – Als Stichtag für die Berechnung der Auszeichnung ist der 31. Dezember jenes Jahres maßgebend, in welchem die notwendige Anzahl Aktivjahre erfüllt ist (Beispiel: Eintritt im Jahre 1997 = Ernennung zum AMV-Veteran im Jahre 2022). – Das Mitglied muss … zur Zeit der Ehrung noch Aktivmitglied eines dem AMV angeschlossenen Vereins sein.',
};

const DEADLINE: RuleSource = {
  title: 'Aargauischer Musikverband, Veteranen',
  url: 'https://www.aarg-musikverband.ch/veteranen',
  quote:
    'Anmeldeschluss für sämtliche Ehrungen ist der 31. Januar des Jahres, in dem die Ehrung stattfindet.',
};

const CALENDAR_YEARS: RuleSource = {
  title: 'SBV, Regelung der Berechnung der Veteranenjahre (zitiert in hitobito/hitobito#899)',
  url: 'https://github.com/hitobito/hitobito/issues/899',
  version: 'Juni 2013',
  quote:
    'Massgebend sind nur die im Musikerpass eingetragenen Jahrgänge – Tage und Monate sind nicht zu berücksichtigen.',
  secondary: true,
};

const AMV = 'Aargauischer Musikverband';
const SBV = 'Schweizer Blasmusikverband';

export const AMV_SBV: RuleSet = {
  id: 'amv-sbv',
  name: {
    de: 'Aargauischer Musikverband (AMV) und Schweizer Blasmusikverband (SBV)',
    en: 'Aargau Music Federation (AMV) and Swiss Wind Music Federation (SBV)',
  },
  country: 'CH',
  rules: [
    {
      id: 'amv-sbv.veterans',
      issuer: AMV,
      category: 'musicians',
      levels: [
        { years: 25, name: { de: 'Kantonaler Veteran AMV', en: 'Cantonal veteran (AMV)' } },
        {
          years: 35,
          issuer: SBV,
          name: { de: 'Eidgenössischer Veteran', en: 'Federal veteran (SBV)' },
        },
        { years: 50, name: { de: 'Ehrenveteran AMV', en: 'Honorary veteran (AMV)' } },
        { years: 60, issuer: SBV, name: { de: 'CISM-Veteran', en: 'CISM veteran' } },
        {
          years: 70,
          issuer: SBV,
          name: { de: 'Eidgenössischer Ehrenveteran', en: 'Federal honorary veteran (SBV)' },
        },
      ],
      counting: 'calendarYears',
      fromAge: null,
      counts: ACTIVE_KINDS,
      holdsAtCutOff: ACTIVE_KINDS,
      cutOff: '12-31',
      minYearsSincePrevious: null,
      leadWeeks: null,
      applicationDeadline: '01-31',
      sources: [ORDINANCE, DEADLINE, CALENDAR_YEARS],
      assumptions: ['statuses'],
    },
  ],
  notShipped: null,
};
