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
  isSensitiveImportField,
  keepImported,
  type RowDraft,
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
): SavedRow {
  for (let attempt = 0; attempt < 4; attempt++) {
    const result = save(entity, candidate as Draft<typeof entity>);
    if (result.ok) return { ok: true, record: result.value as unknown as Record<string, unknown> };
    const errors = result.error.fields ?? {};
    const repairable = Object.entries(errors).filter(
      ([field]) =>
        !REQUIRED[entity].includes(field) &&
        written.includes(field) &&
        !isEmptyImportValue(candidate[field]),
    );
    if (result.error.code !== 'validation' || repairable.length === 0) {
      const details = Object.entries(errors)
        .map(([field, message]) => `${fieldLabel(entity, field)}: ${message}`)
        .join(' ');
      return { ok: false, reason: details || result.error.message };
    }
    const kept: string[] = [];
    for (const [field, message] of repairable) {
      const label = fieldLabel(entity, field);
      const value = candidate[field];
      const sensitive = isSensitiveImportField(entity, field);
      if (entity === 'members' && flagForReview(candidate, field)) {
        draft.warnings.push(
          `${label}${sensitive ? '' : ` „${display(value)}“`}: ${message} So übernommen und zur Prüfung markiert.`,
        );
        continue;
      }
      if (sensitive || field === 'notes' || field === 'importedValues') {
        draft.warnings.push(
          `${label}${sensitive ? '' : ` „${display(value)}“`} nicht übernommen: ${message} Unter „Weitere Angaben aus dem Import“ aufbewahrt.`,
        );
        const imported = { ...((candidate.importedValues as Record<string, string> | null) ?? {}) };
        if (field === 'importedValues') {
          // Too much to keep with one record: the row stays in the source file.
          return { ok: false, reason: `${label}: ${message}` };
        }
        keepImported(imported, label, display(value));
        candidate.importedValues = imported;
      } else {
        draft.warnings.push(
          `${label} „${display(value)}“ nicht übernommen: ${message} In die Bemerkung übernommen.`,
        );
        kept.push(`${label}: ${display(value)}`);
      }
      // On an update the record keeps what it had; a new one leaves the field empty.
      candidate[field] = stored ? (stored[field] ?? null) : Array.isArray(value) ? [] : null;
    }
    if (kept.length > 0) candidate.notes = addKept(candidate.notes, kept);
  }
  return { ok: false, reason: 'Die Zeile ließ sich nicht speichern.' };
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
