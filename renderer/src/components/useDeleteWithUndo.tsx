import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { EntityName } from '../../../shared/domain/entities.ts';
import { errorText } from '../i18n/messageText.ts';
import { useClubData } from '../state/clubData.ts';
import { showUndoNotice } from './undoNotice.tsx';

/**
 * Deleting asks first and can be undone: after the delete a notice offers "Rückgängig" for a
 * while, which restores the record (the core keeps it, marked deleted).
 */
export function useDeleteWithUndo() {
  const { t } = useTranslation();
  const remove = useClubData((s) => s.remove);
  const restore = useClubData((s) => s.restore);

  /** What depends on the record, said before deleting it (a register's members, instruments). */
  const dependents = (entity: EntityName, id: string): string | null => {
    if (entity !== 'registers') return null;
    const { members, instruments } = useClubData.getState();
    const memberCount = [...members.values()].filter((m) => m.registerIds.includes(id)).length;
    const instrumentCount = [...instruments.values()].filter((i) => i.registerId === id).length;
    if (memberCount === 0 && instrumentCount === 0) return null;
    return t('common.registerDependents', {
      members: t('common.memberCount', { count: memberCount }),
      instruments: t('common.instrumentCount', { count: instrumentCount }),
    });
  };

  return (entity: EntityName, id: string, name: string, onDeleted?: () => void) => {
    const detail = dependents(entity, id);
    modals.openConfirmModal({
      title: t('common.confirmDeleteTitle'),
      children: (
        <>
          <Text size="sm">{t('common.confirmDelete', { name })}</Text>
          {detail && (
            <Text size="sm" mt="xs" data-testid="delete-dependents">
              {detail}
            </Text>
          )}
        </>
      ),
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete' } as never,
      onConfirm: async () => {
        const result = await remove(entity, id);
        if (!result.ok) {
          notifications.show({ color: 'red', message: errorText(result.error), autoClose: 8000 });
          return;
        }
        onDeleted?.();
        showUndoNotice({
          id: `deleted-${id}`,
          text: t('common.deleted', { name }),
          undoLabel: t('common.undo'),
          undo: async () => {
            const restored = await restore(entity, id);
            return restored.ok
              ? { ok: true, text: t('common.restored', { name }) }
              : { ok: false, text: errorText(restored.error) };
          },
        });
      },
    });
  };
}
