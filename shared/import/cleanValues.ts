/**
 * Turns one source cell into the value of one field, the way the field wants it, and says what
 * it did: a normalisation that changes nothing of substance is counted (`cleaned`), anything a
 * person should look at is a `warning`. A value that cannot be taken is never dropped: it comes
 * back as `keep`, the text the import writes into the record's notes.
 */
import { electronicFormatIBAN, validateBIC } from 'ibantools';
import { valueLabelKey } from '../domain/catalogue/index.ts';
import {
  formatGermanDate,
  isCalendarDate,
  parseEuroToCents,
  parseGermanDate,
} from '../domain/dates.ts';
import { ibanProblem, PHONE_PATTERN } from '../domain/fields.ts';
import { INSTRUMENT_CONDITIONS } from '../domain/instrument.ts';
import { MEMBER_STATUSES, type MemberStatus } from '../domain/member.ts';
import { importText } from './importText.ts';
import type { ImportText } from './importTextShape.ts';
import type { SourceCell } from './sourceTable.ts';
import { foldGerman, type TargetKind } from './targets.ts';

export interface CellResult {
  value: unknown;
  /** A category of harmless normalisation, counted in the report ("Leerzeichen entfernt"). */
  cleaned?: ImportText;
  /** Something to review, listed in the report with its row; names the field it is about. */
  warning?: ImportText;
  /**
   * The original text, kept because the field could not take it: in the record's notes, or —
   * for a sensitive field — with the record's imported values (see rowDraft.ts).
   */
  keep?: string;
  /** The value is in the field as the source had it, though a rule refuses it: flag it for review. */
  review?: boolean;
}

/**
 * A warning about the value of `field`. A sensitive field's value (bank data, birth date) is
 * never quoted: such texts have their own key, without the value.
 */
function warning(
  key: string,
  field: string,
  params?: Record<string, string>,
  parts?: Record<string, ImportText>,
): ImportText {
  return importText(key, params, { field, parts });
}

export const CLEANED = {
  whitespace: importText('import.cleaned.whitespace'),
  email: importText('import.cleaned.email'),
  iban: importText('import.cleaned.iban'),
  dateTime: importText('import.cleaned.dateTime'),
  dateText: importText('import.cleaned.dateText'),
  salutation: importText('import.cleaned.salutation'),
  status: importText('import.cleaned.status'),
  money: importText('import.cleaned.money'),
  flag: importText('import.cleaned.flag'),
  country: importText('import.cleaned.country'),
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(cell: SourceCell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'ja' : 'nein';
  return String(cell);
}

function trimmed(cell: SourceCell): { value: string; cleaned?: ImportText } {
  const raw = text(cell);
  const value = raw.trim().replace(/[ \t]{2,}/g, ' ');
  return value === raw || typeof cell !== 'string'
    ? { value }
    : { value, cleaned: CLEANED.whitespace };
}

/** A calendar date from a typed date cell (`YYYY-MM-DD`) or from text; never shifted. */
export function cleanDate(
  cell: SourceCell,
  field: string,
  today: string,
  sensitive = false,
): CellResult {
  const { value: raw, cleaned } = trimmed(cell);
  if (raw === '') return { value: null };
  let date: string | null = null;
  let how: ImportText | undefined = cleaned;
  if (isCalendarDate(raw)) date = raw;
  else {
    const withTime = /^(\S+)[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z)?$/.exec(raw);
    const candidate = withTime ? withTime[1]! : raw;
    date = parseGermanDate(candidate, today);
    how = withTime ? CLEANED.dateTime : typeof cell === 'string' ? CLEANED.dateText : how;
  }
  if (date === null) {
    return {
      value: null,
      warning: sensitive
        ? warning('import.cell.dateInvalidSensitive', field)
        : warning('import.cell.dateInvalid', field, { value: raw }),
      keep: raw,
    };
  }
  if (date < '1900-01-01') {
    return {
      value: date,
      cleaned: how,
      warning: sensitive
        ? warning('import.cell.before1900Sensitive', field)
        : warning('import.cell.before1900', field, { date: formatGermanDate(date) }),
    };
  }
  if (date > today) {
    return {
      value: date,
      cleaned: how,
      warning: sensitive
        ? warning('import.cell.futureSensitive', field)
        : warning('import.cell.future', field, { date: formatGermanDate(date) }),
    };
  }
  return { value: date, cleaned: how };
}

/** Euros to integer cents: Access stores currency as exact decimal text ("8122.7400"). */
export function cleanMoney(cell: SourceCell, field: string): CellResult {
  if (cell === null) return { value: null };
  let cents: number | null = null;
  let cleaned: ImportText | undefined;
  let rounded = false;
  if (typeof cell === 'number') {
    cents = Math.round(cell * 100);
    rounded = Math.abs(cell * 100 - cents) > 1e-6;
  } else {
    const raw = text(cell).trim();
    if (raw === '') return { value: null };
    const decimal = /^(-?)(\d+)(?:\.(\d+))?$/.exec(raw);
    if (decimal) {
      const fraction = (decimal[3] ?? '').padEnd(2, '0');
      cents = Number(decimal[2]) * 100 + Number(fraction.slice(0, 2));
      const rest = fraction.slice(2).replace(/0+$/, '');
      if (rest !== '') {
        rounded = true;
        if (Number(`0.${rest}`) >= 0.5) cents += 1;
      }
      if (decimal[1] === '-') cents = -cents;
    } else {
      // German notation ("1.234,50 €") as the UI reads it; anything else is no amount.
      cents = parseEuroToCents(raw.replace(/\s*(EUR|Euro)$/i, ''));
      if (cents !== null) cleaned = CLEANED.money;
    }
  }
  const shown = text(cell).trim();
  if (cents === null || !Number.isSafeInteger(cents)) {
    return {
      value: null,
      warning: warning('import.cell.notAmount', field, { value: shown }),
      keep: shown,
    };
  }
  if (cents < 0) {
    return {
      value: null,
      warning: warning('import.cell.negative', field, { value: shown }),
      keep: shown,
    };
  }
  if (rounded) {
    return {
      value: cents,
      cleaned,
      warning: warning('import.cell.rounded', field, { value: shown }),
    };
  }
  return { value: cents, cleaned };
}

export function cleanEmail(cell: SourceCell, field: string): CellResult {
  const raw = text(cell).trim();
  if (raw === '') return { value: null };
  const value = raw
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
  if (!EMAIL.test(value) || !/^[\x21-\x7e]+$/.test(value)) {
    // An address with umlauts or a typo is still the person's address: kept, flagged for review.
    if (value.includes('@') && !/\s/.test(value) && value.length <= 254) {
      return {
        value,
        review: true,
        warning: warning('import.cell.emailReview', field, { value: raw }),
      };
    }
    return {
      value: null,
      warning: warning('import.cell.emailNotTaken', field, { value: raw }),
      keep: raw,
    };
  }
  return { value, cleaned: value === text(cell) ? undefined : CLEANED.email };
}

/** Bank data is sensitive: no message quotes it, and what a field cannot take stays sensitive. */
export function cleanIban(cell: SourceCell, field: string): CellResult {
  const raw = text(cell).trim();
  if (raw === '') return { value: null };
  const value = electronicFormatIBAN(raw) ?? raw.replace(/\s/g, '').toUpperCase();
  const problem = ibanProblem(value);
  if (problem) {
    const reason = { reason: importText(problem) };
    if (/^[A-Z]{2}[0-9]{2}[0-9A-Z]{4,30}$/.test(value)) {
      return {
        value,
        review: true,
        warning: warning('import.cell.ibanReview', field, {}, reason),
      };
    }
    return {
      value: null,
      warning: warning('import.cell.ibanNotTaken', field, {}, reason),
      keep: raw,
    };
  }
  return { value, cleaned: value === text(cell) ? undefined : CLEANED.iban };
}

export function cleanBic(cell: SourceCell, field: string): CellResult {
  const raw = text(cell).trim();
  if (raw === '') return { value: null };
  const value = raw.replace(/\s/g, '').toUpperCase();
  if (!validateBIC(value).valid) {
    if (/^[A-Z0-9]{6,11}$/.test(value)) {
      return {
        value,
        review: true,
        warning: warning('import.cell.bicReview', field),
      };
    }
    return { value: null, warning: warning('import.cell.bicNotTaken', field), keep: raw };
  }
  return { value, cleaned: value === text(cell) ? undefined : CLEANED.iban };
}

export function cleanPhone(cell: SourceCell, field: string): CellResult {
  const { value: raw, cleaned } = trimmed(cell);
  if (raw === '') return { value: null };
  if (PHONE_PATTERN.test(raw)) return { value: raw, cleaned };
  // "Tel. 06201/1234" or "06201-1234 (abends)": the number alone, the rest into the notes.
  const digits = /\+?\(?[0-9][0-9 ()/-]*[0-9]/.exec(raw)?.[0]?.trim();
  if (digits && PHONE_PATTERN.test(digits)) {
    return {
      value: digits,
      warning: warning('import.cell.phoneNumberOnly', field, { value: raw }),
      keep: raw,
    };
  }
  return {
    value: null,
    warning: warning('import.cell.phoneNotTaken', field, { value: raw }),
    keep: raw,
  };
}

const YES = new Set(['ja', 'j', 'x', 'yes', 'y', 'true', 'wahr', '1', '-1', 'aktiv']);
const NO = new Set(['nein', 'n', 'no', 'false', 'falsch', '0', '', 'inaktiv', 'passiv']);

export function cleanFlag(cell: SourceCell, field: string, sensitive = false): CellResult {
  if (cell === null) return { value: null };
  if (typeof cell === 'boolean') return { value: cell };
  if (typeof cell === 'number') return { value: cell !== 0, cleaned: CLEANED.flag };
  const raw = cell.trim().toLowerCase();
  if (YES.has(raw)) return { value: true, cleaned: CLEANED.flag };
  if (NO.has(raw))
    return { value: raw === '' ? null : false, cleaned: raw === '' ? undefined : CLEANED.flag };
  return {
    value: null,
    warning: sensitive
      ? warning('import.cell.flagInvalidSensitive', field)
      : warning('import.cell.flagInvalid', field, { value: cell }),
    keep: cell,
  };
}

export function cleanInteger(cell: SourceCell, field: string): CellResult {
  const raw = text(cell).trim();
  if (raw === '') return { value: null };
  const value = Number(raw.replace(',', '.'));
  if (Number.isInteger(value) && value >= 0) return { value };
  return {
    value: null,
    warning: warning('import.cell.notInteger', field, { value: raw }),
    keep: raw,
  };
}

const SALUTATIONS: Record<string, string> = {
  frau: 'Frau',
  fr: 'Frau',
  w: 'Frau',
  weiblich: 'Frau',
  mrs: 'Frau',
  ms: 'Frau',
  herr: 'Herr',
  herrn: 'Herr',
  hr: 'Herr',
  m: 'Herr',
  maennlich: 'Herr',
  mr: 'Herr',
  divers: 'Divers',
  d: 'Divers',
};

export function cleanSalutation(cell: SourceCell, field: string): CellResult {
  const raw = text(cell).trim();
  if (raw === '') return { value: null };
  const value = SALUTATIONS[foldGerman(raw).replace(/[^a-z]/g, '')];
  if (!value)
    return {
      value: null,
      warning: warning('import.cell.salutationUnknown', field, { value: raw }),
      keep: raw,
    };
  return { value, cleaned: value === raw ? undefined : CLEANED.salutation };
}

const STATUS_WORDS: [RegExp, MemberStatus][] = [
  [/^ehren/, 'ehrenmitglied'],
  [/^(jugend|zoegling|schueler|nachwuchs|kind|youth)/, 'jugend'],
  [/^(ausgetreten|ausgeschieden|ehemalig|verstorben|gekuendigt|former|left)/, 'ausgetreten'],
  [/^(passiv|foerder|inaktiv|unterstuetz|passive|supporting)/, 'passiv'],
  [/^(aktiv|musiker|active)/, 'aktiv'],
];

export function cleanMemberStatus(cell: SourceCell, field: string): CellResult {
  return cleanByWords(cell, field, MEMBER_STATUSES, STATUS_WORDS, () => CLEANED.status);
}

/**
 * A value from a fixed list: taken as it is when it is on the list, else recognised by the
 * first pattern its folded text matches, else kept in the notes with a warning.
 */
function cleanByWords<T extends string>(
  cell: SourceCell,
  field: string,
  allowed: readonly T[],
  words: readonly [RegExp, T][],
  cleaned: (raw: string, value: T) => ImportText,
): CellResult {
  const raw = text(cell).trim();
  if (raw === '') return { value: null };
  if ((allowed as readonly string[]).includes(raw)) return { value: raw };
  const key = foldGerman(raw);
  for (const [pattern, value] of words) {
    if (pattern.test(key)) return { value, cleaned: cleaned(raw, value) };
  }
  return {
    value: null,
    warning: warning('import.cell.unknown', field, { value: raw }),
    keep: raw,
  };
}

const CONDITION_WORDS: [RegExp, (typeof INSTRUMENT_CONDITIONS)[number]][] = [
  [/^(neu|new|neuwertig|wie neu)$/, 'neu'],
  [/^(sehr gut|gut|good|very good|ok|in ordnung)$/, 'gut'],
  [/^(gebraucht|used|befriedigend|mittel|alt)$/, 'gebraucht'],
  [/reparatur|repair|ueberholung/, 'reparaturbedürftig'],
  [/^(defekt|kaputt|broken|unbrauchbar)$/, 'defekt'],
  [/^(ausgemustert|ausgesondert|verkauft|retired|verschrottet)$/, 'ausgemustert'],
];

export function cleanCondition(cell: SourceCell, field: string): CellResult {
  return cleanByWords(cell, field, INSTRUMENT_CONDITIONS, CONDITION_WORDS, (raw, condition) =>
    importText(
      'import.cleaned.condition',
      { value: raw },
      { parts: { condition: importText(valueLabelKey('instruments', 'condition', condition)) } },
    ),
  );
}

/** Country names and the car codes old programs use ("D", "A", "CH") as ISO codes. */
const COUNTRIES: Record<string, string> = {
  d: 'DE',
  deutschland: 'DE',
  germany: 'DE',
  a: 'AT',
  oesterreich: 'AT',
  austria: 'AT',
  ch: 'CH',
  schweiz: 'CH',
  switzerland: 'CH',
  fl: 'LI',
  liechtenstein: 'LI',
  i: 'IT',
  italien: 'IT',
  italy: 'IT',
  f: 'FR',
  frankreich: 'FR',
  france: 'FR',
  nl: 'NL',
  niederlande: 'NL',
  b: 'BE',
  belgien: 'BE',
  l: 'LU',
  luxemburg: 'LU',
  cz: 'CZ',
  tschechien: 'CZ',
};

export function cleanCountry(cell: SourceCell, field: string): CellResult {
  const raw = text(cell).trim();
  if (raw === '') return { value: null };
  if (/^[A-Za-z]{2}$/.test(raw) && !COUNTRIES[raw.toLowerCase()])
    return { value: raw.toUpperCase() };
  const code = COUNTRIES[foldGerman(raw).replace(/[^a-z]/g, '')];
  if (code) return { value: code, cleaned: code === raw ? undefined : CLEANED.country };
  return {
    value: null,
    warning: warning('import.cell.countryUnknown', field, { value: raw }),
    keep: raw,
  };
}

/** One cell for one field of the given kind. References stay text; the importer resolves them. */
export function cleanCell(
  kind: TargetKind,
  cell: SourceCell,
  field: string,
  today: string,
  sensitive = false,
): CellResult {
  switch (kind) {
    case 'date':
      return cleanDate(cell, field, today, sensitive);
    case 'money':
      return cleanMoney(cell, field);
    case 'email':
      return cleanEmail(cell, field);
    case 'iban':
      return cleanIban(cell, field);
    case 'bic':
      return cleanBic(cell, field);
    case 'phone':
      return cleanPhone(cell, field);
    case 'flag':
    case 'activeFlag':
      return cleanFlag(cell, field, sensitive);
    case 'int':
      return cleanInteger(cell, field);
    case 'salutation':
      return cleanSalutation(cell, field);
    case 'memberStatus':
      return cleanMemberStatus(cell, field);
    case 'condition':
      return cleanCondition(cell, field);
    case 'country':
      return cleanCountry(cell, field);
    default: {
      const { value, cleaned } = trimmed(cell);
      return { value: value === '' ? null : value, cleaned };
    }
  }
}
