/**
 * One source row → the fields of one record, before references are resolved: every mapped
 * cell cleaned, member-specific repairs made (street and house number joined, a status from an
 * "Aktiv" flag, an IBAN from an old account number), values a rule refuses kept in their field
 * and flagged for review, and everything that could not be taken kept: as lines for the
 * record's notes, or — values of sensitive fields, and columns nobody mapped — among the
 * record's imported values, which only roles with sensitive fields read. Pure: the same row
 * always gives the same draft, which is what makes importing the same file twice create nothing.
 */

import { valueLabelKey } from '../domain/catalogue/index.ts';
import { formatGermanDate } from '../domain/dates.ts';
import { isEmptyValue, postalCodeProblem } from '../domain/fields.ts';
import {
  IMPORTED_NAME_MAX,
  IMPORTED_VALUES_MAX_BYTES,
  IMPORTED_VALUES_MAX_ENTRIES,
  LONG_TEXT_MAX,
} from '../domain/importedValues.ts';
import {
  MEMBER_SENSITIVE_FIELDS,
  type MemberStatus,
  REVIEWABLE_SENSITIVE_FIELDS,
} from '../domain/member.ts';
import { cleanCell } from './cleanValues.ts';
import { importText } from './importText.ts';
import type { ImportText } from './importTextShape.ts';
import { germanIbanFromAccount } from './legacyAccount.ts';
import type { TableMapping } from './mapping.ts';
import type { SourceCell } from './sourceTable.ts';
import { IMPORT_TARGETS, type ImportEntity, type ImportTarget } from './targets.ts';

/** Raw reference values, resolved against the other tables by the importer. */
export interface RowReferences {
  register?: string;
  member?: string;
  instrument?: string;
  borrower?: string;
}

export interface RowDraft {
  fields: Record<string, unknown>;
  refs: RowReferences;
  /** Instruments: since when the borrower has it, when the source says so. */
  loanedSince: string | null;
  /** Lines for the notes: what the (non-sensitive) fields could not take. */
  keep: string[];
  /** Column (or field label) → text: what is kept with the record apart from its fields. */
  imported: Record<string, string>;
  /**
   * Fields whose value is kept as the source had it although a rule refuses it, with the
   * warning that says so (taken back if the field must be emptied after all).
   */
  review: Map<string, ImportText | null>;
  /** Fields whose source value was refused (kept in the notes instead). */
  refused: string[];
  warnings: ImportText[];
  /**
   * The warnings about sensitive values (bank data, birth date, kept values of a member): taken
   * back when the importing role may not write those fields (they are then not stored at all).
   */
  sensitiveWarnings: ImportText[];
  cleaned: ImportText[];
}

const REF_FIELDS = new Set(['register', 'member', 'instrument', 'borrower']);
const NOT_A_FIELD = new Set([
  'houseNumber',
  'active',
  'purchasePrice',
  'loanedSince',
  'accountNumber',
  'bankCode',
]);
/** Never quoted in a message, never kept where every role reads. */
const SENSITIVE = new Set<string>([...MEMBER_SENSITIVE_FIELDS, 'accountNumber', 'bankCode']);

export function isSensitiveImportField(entity: ImportEntity, field: string): boolean {
  return entity === 'members' && SENSITIVE.has(field);
}

function cellText(cell: SourceCell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'ja' : 'nein';
  return String(cell).trim();
}

/** A value kept apart from the fields; one longer than a text may be is kept in parts. */
export function keepImported(imported: Record<string, string>, name: string, text: string): void {
  if (text.length <= LONG_TEXT_MAX) {
    imported[name] = text;
    return;
  }
  for (let part = 0; part * LONG_TEXT_MAX < text.length; part++) {
    const key = part === 0 ? name : `${name} (Teil ${part + 1})`;
    imported[key] = text.slice(part * LONG_TEXT_MAX, (part + 1) * LONG_TEXT_MAX);
  }
}

function refText(cell: SourceCell): string | undefined {
  if (cell === null) return undefined;
  const text = String(cell).trim();
  return text === '' ? undefined : text;
}

interface MappedColumn {
  column: string;
  field: string;
  target: ImportTarget;
}

/** The mapping's columns with their targets, worked out once per mapping, not once per row. */
const mappedColumnsCache = new WeakMap<TableMapping, MappedColumn[]>();

function mappedColumns(entity: ImportEntity, mapping: TableMapping): MappedColumn[] {
  let columns = mappedColumnsCache.get(mapping);
  if (!columns) {
    columns = Object.entries(mapping.columns).flatMap(([column, field]) => {
      const target = IMPORT_TARGETS[entity].find((t) => t.field === field);
      return target ? [{ column, field, target }] : [];
    });
    mappedColumnsCache.set(mapping, columns);
  }
  return columns;
}

/**
 * `keptColumns`: the columns nobody mapped or left out on purpose (see `columnFates`); their
 * values are kept with the record under the column's name.
 */
export function buildRowDraft(
  entity: ImportEntity,
  mapping: TableMapping,
  row: Record<string, SourceCell>,
  today: string,
  keptColumns: readonly string[] = [],
): RowDraft {
  const draft: RowDraft = {
    fields: {},
    refs: {},
    loanedSince: null,
    keep: [],
    imported: {},
    review: new Map(),
    refused: [],
    warnings: [],
    sensitiveWarnings: [],
    cleaned: [],
  };
  const extra: Record<string, unknown> = {};
  for (const { column, field, target } of mappedColumns(entity, mapping)) {
    const cell = row[column] ?? null;
    if (REF_FIELDS.has(field)) {
      draft.refs[field as keyof RowReferences] = refText(cell);
      continue;
    }
    const sensitive = isSensitiveImportField(entity, field);
    const result = cleanCell(target.kind, cell, field, today, sensitive);
    if (result.cleaned) draft.cleaned.push(result.cleaned);
    if (result.warning) warn(draft, result.warning, sensitive);
    if (result.review) draft.review.set(field, result.warning ?? null);
    if (result.keep) {
      if (sensitive) keepImported(draft.imported, column, result.keep);
      else draft.keep.push(`${target.label}: ${result.keep}`);
      if (result.value === null) draft.refused.push(field);
    }
    if (NOT_A_FIELD.has(field)) extra[field] = result.value;
    else draft.fields[field] = result.value;
  }
  for (const column of keptColumns) {
    const text = cellText(row[column] ?? null);
    if (text !== '') keepImported(draft.imported, column, text);
  }
  const notes = draft.fields.notes;
  if (typeof notes === 'string' && notes.length > LONG_TEXT_MAX) {
    const column = Object.keys(mapping.columns).find((c) => mapping.columns[c] === 'notes')!;
    draft.fields.notes = notes.slice(0, LONG_TEXT_MAX);
    keepImported(draft.imported, `${column} (Fortsetzung)`, notes.slice(LONG_TEXT_MAX));
    warn(
      draft,
      importText('import.row.notesTooLong', { max: LONG_TEXT_MAX }),
      entity === 'members',
    );
  }
  if (entity === 'members') repairMember(draft, extra, row, mapping);
  if (entity === 'instruments') {
    if ('purchasePrice' in extra) draft.fields.purchasePriceCents = extra.purchasePrice;
    draft.loanedSince = (extra.loanedSince as string | null | undefined) ?? null;
  }
  const dropped = fitImported(draft.imported);
  if (dropped > 0)
    warn(
      draft,
      importText('import.row.charactersDropped', { count: dropped }),
      entity === 'members',
    );
  draft.fields.importedValues = Object.keys(draft.imported).length > 0 ? draft.imported : null;
  if (entity === 'members') {
    const flagged = [...draft.review.keys()];
    const sensitive = new Set<string>(REVIEWABLE_SENSITIVE_FIELDS);
    draft.fields.review = flagged.filter((f) => !sensitive.has(f)).sort();
    draft.fields.reviewSensitive = flagged.filter((f) => sensitive.has(f)).sort();
  }
  return draft;
}

/** Flags a field for review, with the warning that says so. */
function flagField(draft: RowDraft, field: string, warning: ImportText): void {
  const sensitive = (REVIEWABLE_SENSITIVE_FIELDS as readonly string[]).includes(field);
  if (!draft.review.has(field)) warn(draft, warning, sensitive);
  draft.review.set(field, warning);
}

function warn(draft: RowDraft, warning: ImportText, sensitive: boolean): void {
  draft.warnings.push(warning);
  if (sensitive) draft.sensitiveWarnings.push(warning);
}

/**
 * The importing role may not write this entity's sensitive fields: they are emptied (never
 * stored, never sent), and so are the warnings about them. Answers the fields that held a value.
 */
export function withholdSensitive(entity: ImportEntity, draft: RowDraft): string[] {
  const withheld: string[] = [];
  for (const field of SENSITIVE) {
    if (!(field in draft.fields) || isEmptyValue(draft.fields[field])) continue;
    withheld.push(field);
    const value = draft.fields[field];
    draft.fields[field] = Array.isArray(value) ? [] : typeof value === 'boolean' ? false : null;
  }
  if (entity === 'members') draft.imported = {};
  draft.warnings = draft.warnings.filter((w) => !draft.sensitiveWarnings.includes(w));
  draft.sensitiveWarnings = [];
  return withheld;
}

/**
 * The field had to be emptied after all (its value is kept elsewhere): its review flag goes,
 * and so does the warning that said it was kept in the field.
 */
export function unflagField(
  draft: RowDraft,
  candidate: Record<string, unknown>,
  field: string,
): void {
  const warning = draft.review.get(field);
  if (warning) {
    const at = draft.warnings.indexOf(warning);
    if (at >= 0) draft.warnings.splice(at, 1);
  }
  draft.review.delete(field);
  for (const list of ['review', 'reviewSensitive'])
    if (Array.isArray(candidate[list]))
      candidate[list] = (candidate[list] as string[]).filter((f) => f !== field);
}

const utf8 = new TextEncoder();

/**
 * Makes the kept values fit what a record may hold (IMPORTED_VALUES_*): names cut to their
 * limit, the entries beyond the limit joined into one, the total cut at its byte limit.
 * Returns how many characters could not be kept (0 almost always; the report says so).
 */
export function fitImported(imported: Record<string, string>): number {
  const entries = Object.entries(imported);
  for (const key of Object.keys(imported)) delete imported[key];
  const unique = (name: string) => {
    let key = name.length > IMPORTED_NAME_MAX ? `${name.slice(0, IMPORTED_NAME_MAX - 1)}…` : name;
    for (let n = 2; key in imported; n++) key = `${name.slice(0, IMPORTED_NAME_MAX - 8)}… (${n})`;
    return key;
  };
  const fitting = entries.slice(0, IMPORTED_VALUES_MAX_ENTRIES - 1);
  const rest = entries.slice(IMPORTED_VALUES_MAX_ENTRIES - 1);
  if (rest.length === 1) fitting.push(rest[0]!);
  else if (rest.length > 1)
    fitting.push(['Weitere Spalten', rest.map(([k, v]) => `${k}: ${v}`).join('\n')]);
  let bytes = 0;
  let dropped = 0;
  for (const [name, value] of fitting) {
    const key = unique(name);
    let text = value.slice(0, LONG_TEXT_MAX);
    dropped += value.length - text.length;
    const room = IMPORTED_VALUES_MAX_BYTES - bytes - utf8.encode(key).length;
    while (text.length > 0 && utf8.encode(text).length > room) {
      const cut = Math.max(1, Math.floor(text.length / 10));
      dropped += cut;
      text = text.slice(0, text.length - cut);
    }
    if (text.length === 0) continue;
    imported[key] = text;
    bytes += utf8.encode(key).length + utf8.encode(text).length;
  }
  return dropped;
}

/**
 * Bank data from before SEPA: an account number and bank code become a German IBAN (flagged
 * for review: a few banks compute theirs differently); an "account" column holding an IBAN
 * fills the IBAN. The source's values are always kept among the imported values.
 */
function repairBankAccount(
  draft: RowDraft,
  extra: Record<string, unknown>,
  row: Record<string, SourceCell>,
  mapping: TableMapping,
): void {
  const f = draft.fields;
  const account = typeof extra.accountNumber === 'string' ? extra.accountNumber : null;
  const bankCode = typeof extra.bankCode === 'string' ? extra.bankCode : null;
  for (const field of ['accountNumber', 'bankCode']) {
    const column = Object.keys(mapping.columns).find((c) => mapping.columns[c] === field);
    const text = column ? cellText(row[column] ?? null) : '';
    if (column && text !== '') keepImported(draft.imported, column, text);
  }
  if (f.iban || !account) return;
  const compact = account.replace(/\s/g, '').toUpperCase();
  if (/^[A-Z]{2}\d{2}/.test(compact)) {
    const result = cleanCell('iban', compact, 'iban', '', true);
    if (result.value) {
      f.iban = result.value;
      if (result.review) draft.review.set('iban', null);
      warn(draft, importText('import.row.ibanFromAccountColumn'), true);
    }
    return;
  }
  const iban = bankCode ? germanIbanFromAccount(bankCode, account) : null;
  if (!iban) {
    warn(draft, importText('import.row.noIbanComputed'), true);
    return;
  }
  f.iban = iban;
  flagField(draft, 'iban', importText('import.row.ibanComputed'));
}

function repairMember(
  draft: RowDraft,
  extra: Record<string, unknown>,
  row: Record<string, SourceCell>,
  mapping: TableMapping,
): void {
  const f = draft.fields;
  const houseNumber = extra.houseNumber as string | null | undefined;
  if (houseNumber) f.street = f.street ? `${f.street} ${houseNumber}` : houseNumber;

  // A spreadsheet drops the leading zero of "01067": put it back for a German four-digit code.
  const postalColumn = Object.keys(mapping.columns).find(
    (c) => mapping.columns[c] === 'postalCode',
  );
  if (
    postalColumn &&
    typeof row[postalColumn] === 'number' &&
    /^\d{4}$/.test(String(f.postalCode))
  ) {
    const country = typeof f.country === 'string' ? f.country.toUpperCase() : 'DE';
    if (country === 'DE') f.postalCode = `0${f.postalCode}`;
  }

  repairBankAccount(draft, extra, row, mapping);
  if (f.sepaMandateReference && !f.iban) {
    // A mandate without a usable IBAN cannot be collected from until someone adds the IBAN.
    flagField(draft, 'sepaMandateReference', importText('import.row.mandateWithoutIban'));
  }

  if (typeof f.postalCode === 'string') {
    const country =
      typeof f.country === 'string' && f.country.trim() ? f.country.trim().toUpperCase() : 'DE';
    if (postalCodeProblem(f.postalCode, country)) {
      flagField(
        draft,
        'postalCode',
        importText('import.row.postalCode', { postalCode: f.postalCode, country }),
      );
    }
  }

  // An entry date that contradicts the birth or exit date is the doubtful one: flagged, kept.
  // The birth date is sensitive: the message never names it.
  if (f.entryDate && f.birthDate && (f.entryDate as string) < (f.birthDate as string)) {
    flagField(
      draft,
      'entryDate',
      importText('import.row.entryBeforeBirth', {
        entry: formatGermanDate(f.entryDate as string),
      }),
    );
  }
  if (f.entryDate && f.exitDate && (f.exitDate as string) < (f.entryDate as string)) {
    flagField(
      draft,
      'entryDate',
      importText('import.row.exitBeforeEntry', {
        exit: formatGermanDate(f.exitDate as string),
        entry: formatGermanDate(f.entryDate as string),
      }),
    );
  }

  const active = extra.active as boolean | null | undefined;
  if (f.status && typeof active === 'boolean') {
    // Both columns: the status wins; an "Aktiv" that contradicts it is kept, not dropped.
    const activeStatus = f.status === 'aktiv' || f.status === 'jugend';
    if (activeStatus !== active) {
      const said = active ? 'ja' : 'nein';
      draft.keep.push(`Aktiv: ${said}`);
      draft.warnings.push(
        importText(
          active ? 'import.row.activeYesContradicts' : 'import.row.activeNoContradicts',
          {},
          {
            parts: {
              status: importText(valueLabelKey('members', 'status', f.status as MemberStatus)),
            },
          },
        ),
      );
    }
  }
  if (f.status === undefined || f.status === null) {
    // Not compared with today: the same file must give the same status on every import.
    if (f.exitDate) f.status = 'ausgetreten';
    else if (active === true) f.status = 'aktiv';
    else if (active === false) f.status = 'passiv';
    else {
      f.status = 'aktiv';
      draft.cleaned.push(importText('import.cleaned.statusMissing'));
    }
  }
  if (f.status === 'ausgetreten' && !f.exitDate) {
    draft.warnings.push(importText('import.row.exitedWithoutDate'));
    draft.keep.push('Status: ausgetreten (ohne Austrittsdatum)');
    f.status = 'passiv';
  }
}

const KEPT_PREFIX = 'Aus dem Import (nicht in Felder übernommen): ';

/**
 * New notes from the source, keeping the "Aus dem Import" line the old notes had: what an
 * earlier import could not put into fields is not lost when the source's notes change.
 */
export function carryKept(oldNotes: unknown, newNotes: unknown): string | null {
  const old = typeof oldNotes === 'string' ? oldNotes.split('\n') : [];
  const line = old.find((l) => l.startsWith(KEPT_PREFIX));
  if (!line) return typeof newNotes === 'string' && newNotes !== '' ? newNotes : null;
  const lines = line.slice(KEPT_PREFIX.length).split('; ');
  const current = typeof newNotes === 'string' ? newNotes : '';
  const already = current.split('\n').find((l) => l.startsWith(KEPT_PREFIX)) ?? '';
  return addKept(
    current,
    lines.filter((l) => !already.includes(l)),
  );
}

/** Notes with kept lines still fit the notes field; what would not is kept apart instead. */
export function fitsNotes(notes: string | null): boolean {
  return notes === null || notes.length <= LONG_TEXT_MAX;
}

/** Adds lines to the notes' "Aus dem Import" line (made when there is none yet). */
export function addKept(notes: unknown, lines: readonly string[]): string | null {
  const text = typeof notes === 'string' ? notes : '';
  if (lines.length === 0) return text === '' ? null : text;
  const existing = text.split('\n');
  const at = existing.findIndex((line) => line.startsWith(KEPT_PREFIX));
  if (at < 0) return notesWithKept(text, lines);
  existing[at] = `${existing[at]}; ${lines.join('; ')}`;
  return existing.join('\n');
}

/** The record's notes: its own, then what the import could not put into fields. */
export function notesWithKept(notes: unknown, keep: readonly string[]): string | null {
  const own = typeof notes === 'string' && notes.trim() !== '' ? notes.trim() : '';
  if (keep.length === 0) return own === '' ? null : own;
  const kept = `${KEPT_PREFIX}${keep.join('; ')}`;
  return own === '' ? kept : `${own}\n${kept}`;
}
