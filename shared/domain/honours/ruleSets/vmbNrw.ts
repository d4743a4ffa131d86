/**
 * Volksmusikerbund NRW, as a district federation restates it: pins for 10 to 30 years of
 * active service and for conductors, applied for four weeks ahead. The source states no
 * counting, age or cut-off: Tutti sums the periods up to the ceremony and says so. The state
 * certificates for 40 and 50 years name no category of service: not shipped.
 */
import { ACTIVE_KINDS, type RuleSet, type RuleSource } from '../honourRule.ts';

const SOURCE: RuleSource = {
  title: 'Kreismusikverband Olpe, Ehrenordnung (nach dem Volksmusikerbund NRW)',
  url: 'http://kmv-olpe.de/index.php/ehrungen/ehrordmenu',
  quote:
    'Ehrennadel in Bronze für 10jährige aktive Tätigkeit … Ehrennadel in Altsilber für 20jährige … Ehrennadel in Silber für 25jährige … Ehrennadel in Gold für 30jährige aktive Tätigkeit · Dirigentennadel in Bronze für 10jährige … Silber für 15jährige … Gold für 20jährige Tätigkeit … beim Kreisgeschäftsführer/Kreisvorsitzenden 4 Wochen vorher schriftlich zu beantragen.',
  secondary: true,
};

const ISSUER = 'Volksmusikerbund NRW';
const COMMON = {
  issuer: ISSUER,
  counting: 'sum',
  fromAge: null,
  holdsAtCutOff: null,
  cutOff: null,
  minYearsSincePrevious: null,
  leadWeeks: 4,
  applicationDeadline: null,
  sources: [SOURCE],
} as const;

export const VMB_NRW: RuleSet = {
  id: 'vmb-nrw',
  name: { de: 'Volksmusikerbund NRW', en: 'Folk Musicians’ Federation NRW (VMB)' },
  country: 'DE',
  rules: [
    {
      ...COMMON,
      id: 'vmb-nrw.musicians',
      category: 'musicians',
      levels: [
        { years: 10, name: { de: 'VMB-Ehrennadel in Bronze', en: 'VMB pin in bronze' } },
        { years: 20, name: { de: 'VMB-Ehrennadel in Altsilber', en: 'VMB pin in antique silver' } },
        { years: 25, name: { de: 'VMB-Ehrennadel in Silber', en: 'VMB pin in silver' } },
        { years: 30, name: { de: 'VMB-Ehrennadel in Gold', en: 'VMB pin in gold' } },
      ],
      counts: ACTIVE_KINDS,
      assumptions: ['counting', 'statuses', 'cutOff'],
    },
    {
      ...COMMON,
      id: 'vmb-nrw.conductors',
      category: 'conductors',
      levels: [
        {
          years: 10,
          name: { de: 'VMB-Dirigentennadel in Bronze', en: "VMB conductor's pin in bronze" },
        },
        {
          years: 15,
          name: { de: 'VMB-Dirigentennadel in Silber', en: "VMB conductor's pin in silver" },
        },
        {
          years: 20,
          name: { de: 'VMB-Dirigentennadel in Gold', en: "VMB conductor's pin in gold" },
        },
      ],
      counts: ['dirigent'],
      assumptions: ['counting', 'cutOff'],
    },
  ],
  notShipped: {
    de: 'Die Landesurkunden für 40 und 50 Jahre nennen keine Art der Tätigkeit; die Landes-Ehrenplakette wird ohne Jahre verliehen.',
    en: 'The state certificates for 40 and 50 years name no kind of service; the state plaque is given without years.',
  },
};
