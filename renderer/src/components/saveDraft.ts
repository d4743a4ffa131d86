/**
 * Saves a draft the way every form does: check it with the shared schema first (instant errors
 * at the fields, in the UI's language), then let the core save it and show its answer at the
 * fields too.
 */
import type { ApiResult } from '../../../shared/api/result.ts';
import {
  type Draft,
  type EntityMap,
  type EntityName,
  validateRecord,
} from '../../../shared/domain/entities.ts';
import { newId } from '../../../shared/domain/ids.ts';
import { errorText, type FieldTexts, fieldTexts } from '../i18n/messageText.ts';
import { useClubData } from '../state/clubData.ts';

export interface SaveOutcome<E extends EntityName> {
  record?: EntityMap[E];
  fieldErrors?: FieldTexts;
  /** A problem that belongs to no single field. */
  formError?: string;
}

/**
 * `shown` is the record the form opened with (not a newer copy from the lists): on the web a
 * field someone else changed since is then a conflict at that field, and the typed values stay.
 */
export async function saveDraft<E extends EntityName>(
  entity: E,
  draft: Draft<E>,
  shown?: EntityMap[E],
): Promise<SaveOutcome<E>> {
  // A placeholder id lets the schema check a new record; the core assigns the real one.
  const checked = validateRecord(entity, { ...draft, id: draft.id ?? newId() });
  if (!checked.ok) return { fieldErrors: fieldTexts(checked.fieldErrors) };
  const result: ApiResult<EntityMap[E]> = await useClubData.getState().save(entity, draft, shown);
  if (result.ok) return { record: result.value };
  if (result.error.fields && Object.keys(result.error.fields).length > 0)
    return {
      fieldErrors: fieldTexts(result.error.fields),
      // A conflict is no mistake to correct: the form says what saving again does.
      ...(result.error.code === 'conflict' ? { formError: errorText(result.error) } : {}),
    };
  return { formError: errorText(result.error) };
}

/** Focuses the first field with an error, so the keyboard user lands where the fix is. */
export function focusFirstError(container: HTMLElement | null, fieldErrors: FieldTexts): void {
  if (!container) return;
  for (const field of Object.keys(fieldErrors)) {
    const input = container.querySelector<HTMLElement>(`[data-field="${field}"]`);
    if (input) {
      input.focus();
      input.scrollIntoView({ block: 'center' });
      return;
    }
  }
}
