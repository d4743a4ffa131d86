/**
 * Saving one imported record so that nothing is lost: a value the record's rules refuse is
 * kept in its field and flagged for review where the field allows that (an IBAN, a postal
 * code, an e-mail address); otherwise the field is emptied (on an update: keeps what Tutti
 * had) and its value kept — in the notes, or for a sensitive field among the imported values
 * that only roles with sensitive fields read — then the record is saved again. Only a refusal
 * of a field the record cannot do without skips the row.
 */

import type { ApiResult } from '../../shared/api/result.ts';
import { formatGermanDate } from '../../shared/domain/dates.ts';
import type { Draft, EntityMap, EntityName } from '../../shared/domain/entities.ts';
import { REVIEWABLE_FIELDS, REVIEWABLE_SENSITIVE_FIELDS } from '../../shared/domain/member.ts';
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
import { isEmptyImportValue } from './importKeys.ts';

/** How the import saves a record: `saveRecordInTransaction` bound to the profile's store. */
export type SaveRecord = <E extends EntityName>(
  entity: E,
  draft: Draft<E>,
) => ApiResult<EntityMap[E]>;

export type SavedRow =
  | { ok: true; record: Record<string, unknown> }
  | { ok: false; reason: string };

/** Fields whose refused value skips the row instead of being emptied (and kept in the notes). */
const REQUIRED: Record<ImportEntity, readonly string[]> = {
  registers: ['name'],
  members: ['firstName', 'lastName', 'status'],
  instruments: ['inventoryNumber', 'kind'],
  // An impossible return date is not emptied: that would turn a past loan into an open one.
  loans: ['instrumentId', 'memberId', 'issuedOn', 'returnedOn'],
  honours: ['memberId', 'kind', 'date'],
};

const FIELD_LABELS: Record<string, string> = {
  registerIds: 'Register',
  registerId: 'Register',
  purchasePriceCents: 'Kaufpreis',
  instrumentId: 'Instrument',
  memberId: 'Mitglied',
};

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
      const details = Object.entries(errors)
        .map(([field, message]) => `${fieldLabel(entity, field)}: ${message}`)
        .join(' ');
      return { ok: false, reason: details || result.error.message };
    }
    const kept: string[] = [];
    /** Warnings that say a value went into the notes: corrected if the notes are full. */
    const toNotes: number[] = [];
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
      isSensitiveImportField(entity, field) || field === 'notes'
        ? keepAside
          ? 'Vollständig unter „Weitere Angaben aus dem Import“ aufbewahrt.'
          : 'Der Wert steht nur in der Quelldatei (Ihre Rolle darf ihn nicht beim Datensatz aufbewahren).'
        : 'Vollständig in der Bemerkung.';
    for (const [field, message] of tooLong) {
      // Too long for its field: a name or number the record needs is shortened, anything else
      // emptied; the whole value is kept either way.
      const label = fieldLabel(entity, field);
      const value = candidate[field] as string;
      const max = maxLengthOf(message)!;
      const shown = isSensitiveImportField(entity, field) ? '' : ` „${value.slice(0, 40)}…“`;
      keepValue(field, value, label);
      unflagField(draft, candidate, field);
      if (REQUIRED[entity].includes(field)) {
        candidate[field] = value.slice(0, max);
        draft.warnings.push(`${label}${shown} auf ${max} Zeichen gekürzt. ${where(field)}`);
      } else {
        candidate[field] = stored ? (stored[field] ?? null) : null;
        draft.warnings.push(`${label}${shown} nicht übernommen: ${message} ${where(field)}`);
        if (!isSensitiveImportField(entity, field) && field !== 'notes')
          toNotes.push(draft.warnings.length - 1);
      }
    }
    for (const [field, message] of repairable) {
      if (tooLong.some(([f]) => f === field)) continue;
      const label = fieldLabel(entity, field);
      const value = candidate[field];
      const sensitive = isSensitiveImportField(entity, field);
      if (entity === 'members' && flagForReview(candidate, field)) {
        draft.review.set(field, '');
        draft.warnings.push(
          `${label}${sensitive ? '' : ` „${display(value)}“`}: ${message} So übernommen und zur Prüfung markiert.`,
        );
        continue;
      }
      if (field === 'importedValues') {
        // Cannot happen after fitImported; said plainly if it does: the row stays in the file.
        return { ok: false, reason: `${label}: ${message}` };
      }
      draft.warnings.push(
        `${label}${sensitive ? '' : ` „${display(value)}“`} nicht übernommen: ${message} ${sensitive ? where(field) : 'In die Bemerkung übernommen.'}`,
      );
      if (!sensitive) toNotes.push(draft.warnings.length - 1);
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
        const really = keepAside
          ? 'Die Bemerkung ist voll: vollständig unter „Weitere Angaben aus dem Import“ aufbewahrt.'
          : 'Die Bemerkung ist voll: der Wert steht nur in der Quelldatei.';
        for (const at of toNotes)
          draft.warnings[at] = draft.warnings[at]!.replace(
            /(Vollständig in der Bemerkung|In die Bemerkung übernommen)\./,
            really,
          );
      }
    }
  }
  return { ok: false, reason: 'Die Zeile ließ sich nicht speichern.' };
}

/** "Höchstens 100 Zeichen." / "… ist zu lang (höchstens 30 Zeichen)." → the limit. */
function maxLengthOf(message: string): number | null {
  const match = /höchstens (\d+) Zeichen/i.exec(message);
  return match ? Number(match[1]) : null;
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

function fieldLabel(entity: ImportEntity, field: string): string {
  return targetOf(entity, field)?.label ?? FIELD_LABELS[field] ?? field;
}
