/**
 * Saving a change to an existing record with a way back: after the save a notice offers
 * "Rückgängig" for a while, which saves the values from before the change again.
 */
import { useTranslation } from 'react-i18next';
import type { Draft, EntityMap, EntityName } from '../../../shared/domain/entities.ts';
import { type SaveOutcome, saveDraft } from './saveDraft.ts';
import { showUndoNotice } from './undoNotice.tsx';

export function useEditWithUndo() {
  const { t } = useTranslation();

  return async <E extends EntityName>(
    entity: E,
    before: EntityMap[E],
    draft: Draft<E>,
    name: string,
  ): Promise<SaveOutcome<E>> => {
    const outcome = await saveDraft(entity, draft, before);
    const after = outcome.record;
    if (!after) return outcome;
    showUndoNotice({
      id: `edited-${before.id}`,
      text: t('common.edited', { name }),
      undoLabel: t('common.undo'),
      undo: async () => {
        const back = await saveDraft(entity, before as Draft<E>, after);
        return back.record
          ? { ok: true, text: t('common.editUndone', { name }) }
          : {
              ok: false,
              text: back.formError ?? Object.values(back.fieldErrors ?? {})[0] ?? '',
            };
      },
    });
    return outcome;
  };
}
