/**
 * Saving a change to an existing record with a way back: after the save a notice offers
 * "Rückgängig" for a while, which saves the values from before the change again.
 */
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Draft, EntityMap, EntityName } from '../../../shared/domain/entities.ts';
import { type SaveOutcome, saveDraft } from './saveDraft.ts';

export function useEditWithUndo() {
  const { t } = useTranslation();

  const undo = async <E extends EntityName>(entity: E, before: EntityMap[E], name: string) => {
    const back = await saveDraft(entity, before as Draft<E>);
    notifications.show(
      back.record
        ? { message: t('common.editUndone', { name }), autoClose: 3000 }
        : {
            color: 'red',
            message: back.formError ?? Object.values(back.fieldErrors ?? {})[0] ?? '',
            autoClose: 8000,
          },
    );
  };

  return async <E extends EntityName>(
    entity: E,
    before: EntityMap[E],
    draft: Draft<E>,
    name: string,
  ): Promise<SaveOutcome<E>> => {
    const outcome = await saveDraft(entity, draft);
    if (!outcome.record) return outcome;
    const notificationId = `edited-${before.id}`;
    notifications.show({
      id: notificationId,
      autoClose: 10_000,
      message: (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{t('common.edited', { name })}</Text>
          <Button
            size="xs"
            variant="light"
            onClick={() => {
              notifications.hide(notificationId);
              void undo(entity, before, name);
            }}
          >
            {t('common.undo')}
          </Button>
        </Group>
      ),
    });
    return outcome;
  };
}
