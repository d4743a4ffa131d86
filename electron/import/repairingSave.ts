/**
 * Saving one imported record so that nothing is lost: a value the record's rules refuse is
 * kept in its field and flagged for review where the field allows that (an IBAN, a postal
 * code, an e-mail address); otherwise the field is emptied (on an update: keeps what Tutti
 * had) and its value kept — in the notes, or for a sensitive field among the imported values
 * that only roles with sensitive fields read — then the record is saved again. Only a refusal
 * of a field the record cannot do without skips the row.
 */

import type { ImportText } from '../../shared/api/import.ts';
import type { ApiResult } from '../../shared/api/result.ts';
import { fieldOf } from '../../shared/domain/catalogue/index.ts';
import { formatGermanDate } from '../../shared/domain/dates.ts';
import type { Draft, EntityMap, EntityName } from '../../shared/domain/entities.ts';
import { REVIEWABLE_FIELDS, REVIEWABLE_SENSITIVE_FIELDS } from '../../shared/domain/member.ts';
import { importText, textOf } from '../../shared/import/importText.ts';
import {
  addKept,
  fitImported,
  fitsNotes,
  isSensitiveImportField,
  keepImported,
  type RowDraft,
  unflagField,
} from '../../shared/import/rowDraft.ts';
import { type ImportEntity, targetOf } from '../../shared/import/targets.ts';
import type { Message } from '../../shared/messages/message.ts';
import { isEmptyImportValue } from './importKeys.ts';

/** How the import saves a record: `saveRecordInTransaction` bound to the profile's store. */
export type SaveRecord = <E extends EntityName>(
  entity: E,
  draft: Draft<E>,
) => ApiResult<EntityMap[E]>;

export type SavedRow =
  | { ok: true; record: Record<string, unknown> }
  | { ok: false; reason: ImportText };

/** Fields whose refused value skips the row instead of being emptied (and kept in the notes). */
const REQUIRED: Record<ImportEntity, readonly string[]> = {
  registers: ['name'],
  members: ['firstName', 'lastName', 'status'],
  instruments: ['inventoryNumber', 'kind'],
  // An impossible return date is not emptied: that would turn a past loan into an open one.
  loans: ['instrumentId', 'memberId', 'issuedOn', 'returnedOn'],
  honours: ['memberId', 'kind', 'date'],
};

/**
 * Where a value the record could not take is now: each is a text of its own
 * (`import.repair.where.*`), put into the warning's `{{where}}`.
 */
const WHERE = {
  keptAside: 'import.repair.where.keptAside',
  onlySource: 'import.repair.where.onlySource',
  inNotes: 'import.repair.where.inNotes',
  intoNotes: 'import.repair.where.intoNotes',
  notesFullKeptAside: 'import.repair.where.notesFullKeptAside',
  notesFullOnlySource: 'import.repair.where.notesFullOnlySource',
} as const;

/** The warnings' keys: with the value quoted, and without (for a sensitive field). */
const SHORTENED = ['import.repair.shortened', 'import.repair.shortenedHidden'] as const;
const NOT_TAKEN = ['import.repair.notTaken', 'import.repair.notTakenHidden'] as const;
const REVIEW = ['import.repair.review', 'import.repair.reviewHidden'] as const;

/** "Feld: Grund" for every field the record refused, one after the other. */
function refusal(errors: [string, Message][]): ImportText | null {
  const [first, ...rest] = errors;
  if (!first) return null;
  const text = importText(
    'import.repair.refused',
    {},
    { field: first[0], parts: { reason: textOf(first[1]) } },
  );
  const more = refusal(rest);
  return more ? importText('import.repair.and', {}, { parts: { first: text, rest: more } }) : text;
}

function display(value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return formatGermanDate(value);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * Saves; a field whose value the record refuses (an IBAN that fails its check, an entry date
 * before the birth date, …) is emptied and its value kept in the notes, then saved again.
 * Only a refusal of a required field skips the row.
 */
export function saveWithRepairs(
  save: SaveRecord,
  entity: ImportEntity,
  candidate: Record<string, unknown>,
  draft: RowDraft,
  written: string[],
  stored: Record<string, unknown> | null = null,
  /** The importing role may keep values aside (a member's kept values are sensitive). */
  keepAside = true,
): SavedRow {
  for (let attempt = 0; attempt < 6; attempt++) {
    const result = save(entity, candidate as Draft<typeof entity>);
    if (result.ok) return { ok: true, record: result.value as unknown as Record<string, unknown> };
    const errors = result.error.fields ?? {};
    const tooLong = Object.entries(errors).filter(
      ([field, message]) => typeof candidate[field] === 'string' && maxLengthOf(message) !== null,
    );
    const repairable = Object.entries(errors).filter(
      ([field, message]) =>
        maxLengthOf(message) === null &&
        !REQUIRED[entity].includes(field) &&
        written.includes(field) &&
        !isEmptyImportValue(candidate[field]),
    );
    if (result.error.code !== 'validation' || (repairable.length === 0 && tooLong.length === 0)) {
      return { ok: false, reason: refusal(Object.entries(errors)) ?? textOf(result.error) };
    }
    const kept: string[] = [];
    /** Warnings that say a value went into the notes: corrected if the notes are full. */
    const toNotes: ImportText[] = [];
    /** Keeps the whole value where its field's readers may see it: notes, or kept values. */
    const keepValue = (field: string, value: unknown, label: string) => {
      if (isSensitiveImportField(entity, field) || field === 'notes') {
        if (!keepAside) return; // the role may not store it: said by `where`
        const imported = { ...((candidate.importedValues as Record<string, string> | null) ?? {}) };
        keepImported(imported, label, display(value));
        fitImported(imported);
        candidate.importedValues = imported;
      } else kept.push(`${label}: ${display(value)}`);
    };
    const where = (field: string) =>
      importText(
        isSensitiveImportField(entity, field) || field === 'notes'
          ? keepAside
            ? WHERE.keptAside
            : WHERE.onlySource
          : WHERE.inNotes,
      );
    /** A warning about `field`; its value quoted unless the field is sensitive. */
    const warning = (
      [key, hiddenKey]: readonly [string, string],
      field: string,
      value: string,
      parts: Record<string, ImportText>,
      params: Record<string, number> = {},
    ) =>
      isSensitiveImportField(entity, field)
        ? importText(hiddenKey, params, { field, parts })
        : importText(key, { value, ...params }, { field, parts });
    for (const [field, message] of tooLong) {
      // Too long for its field: a name or number the record needs is shortened, anything else
      // emptied; the whole value is kept either way.
      const label = fieldLabel(entity, field);
      const value = candidate[field] as string;
      const max = maxLengthOf(message)!;
      const shown = `${value.slice(0, 40)}…`;
      keepValue(field, value, label);
      unflagField(draft, candidate, field);
      if (REQUIRED[entity].includes(field)) {
        candidate[field] = value.slice(0, max);
        draft.warnings.push(warning(SHORTENED, field, shown, { where: where(field) }, { max }));
      } else {
        candidate[field] = stored ? (stored[field] ?? null) : null;
        const text = warning(NOT_TAKEN, field, shown, {
          reason: textOf(message),
          where: where(field),
        });
        draft.warnings.push(text);
        if (!isSensitiveImportField(entity, field) && field !== 'notes') toNotes.push(text);
      }
    }
    for (const [field, message] of repairable) {
      if (tooLong.some(([f]) => f === field)) continue;
      const label = fieldLabel(entity, field);
      const value = candidate[field];
      const sensitive = isSensitiveImportField(entity, field);
      const reason = textOf(message);
      if (entity === 'members' && flagForReview(candidate, field)) {
        draft.review.set(field, null);
        draft.warnings.push(warning(REVIEW, field, display(value), { reason }));
        continue;
      }
      if (field === 'importedValues') {
        // Cannot happen after fitImported; said plainly if it does: the row stays in the file.
        return { ok: false, reason: refusal([[field, message]])! };
      }
      const text = warning(NOT_TAKEN, field, display(value), {
        reason,
        where: sensitive ? where(field) : importText(WHERE.intoNotes),
      });
      draft.warnings.push(text);
      if (!sensitive) toNotes.push(text);
      keepValue(field, value, label);
      unflagField(draft, candidate, field);
      // On an update the record keeps what it had; a new one leaves the field empty.
      candidate[field] = stored ? (stored[field] ?? null) : Array.isArray(value) ? [] : null;
    }
    if (kept.length > 0) {
      const notes = addKept(candidate.notes, kept);
      if (fitsNotes(notes)) candidate.notes = notes;
      else {
        if (keepAside)
          keepValue('notes', kept.join('; '), 'Aus dem Import (nicht in Felder übernommen)');
        // The notes are full: the warnings say where the values really are.
        const really = importText(keepAside ? WHERE.notesFullKeptAside : WHERE.notesFullOnlySource);
        for (const text of toNotes) text.parts = { ...text.parts, where: really };
      }
    }
  }
  return { ok: false, reason: importText('import.repair.failed') };
}

/** The schema's "at most 100 characters" (`validation.tooLong`, its kept values' too) → 100. */
function maxLengthOf(message: Message): number | null {
  if (message.key !== 'validation.tooLong' && message.key !== 'validation.imported.valueTooLong')
    return null;
  const max = message.params?.max;
  return typeof max === 'number' ? max : null;
}

/** Adds `field` to the member's review flags; false when the field cannot be flagged. */
function flagForReview(candidate: Record<string, unknown>, field: string): boolean {
  const list = (REVIEWABLE_SENSITIVE_FIELDS as readonly string[]).includes(field)
    ? 'reviewSensitive'
    : (REVIEWABLE_FIELDS as readonly string[]).includes(field)
      ? 'review'
      : null;
  if (!list) return false;
  const flags = Array.isArray(candidate[list]) ? (candidate[list] as string[]) : [];
  if (flags.includes(field)) return false;
  candidate[list] = [...flags, field].sort();
  return true;
}

/**
 * The name a kept value gets in the notes or among the imported values: the record's data,
 * in the club's language (German), like the notes themselves.
 */
function fieldLabel(entity: ImportEntity, field: string): string {
  return targetOf(entity, field)?.label ?? fieldOf(entity, field)?.label.de ?? field;
}
