import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityName } from '../../../shared/domain/entities.ts';
import type { FieldTexts } from '../i18n/messageText.ts';
import { focusFirstError, type SaveOutcome } from './saveDraft.ts';

/**
 * How a dialog reports a save that did not go through: messages at the fields, a line
 * above the buttons, and the cursor in the first field to fix. `toFormFields` renames fields
 * where the form edits a value differently from the record (price in euros, not cents).
 */
export function useSaveFeedback(form: { setErrors(errors: FieldTexts): void }) {
  const { t } = useTranslation();
  const container = useRef<HTMLFormElement>(null);
  const [formError, setFormError] = useState<string | null>(null);

  function showProblem<E extends EntityName>(
    outcome: SaveOutcome<E>,
    options: {
      toFormFields?: (errors: FieldTexts) => FieldTexts;
      beforeFocus?: (errors: FieldTexts) => void;
    } = {},
  ): void {
    if (!outcome.fieldErrors) {
      setFormError(outcome.formError ?? null);
      return;
    }
    const errors = options.toFormFields
      ? options.toFormFields(outcome.fieldErrors)
      : outcome.fieldErrors;
    form.setErrors(errors);
    setFormError(outcome.formError ?? t('common.fixErrors'));
    options.beforeFocus?.(errors);
    requestAnimationFrame(() => focusFirstError(container.current, errors));
  }

  return { container, formError, setFormError, showProblem };
}
