/**
 * "Bearbeiten" and "Löschen" in a row of a small list inside a dialog (loans, maintenance):
 * each shown only to a role that may, each named for screen readers after the row, deleting
 * with a question and undo.
 */
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntityName } from '../../../shared/domain/entities.ts';
import { useRights } from '../state/access.ts';
import { useDeleteWithUndo } from './useDeleteWithUndo.tsx';

export function RowActions({
  entity,
  id,
  name,
  editLabel,
  deleteLabel,
  onEdit,
  testId,
}: {
  entity: EntityName;
  id: string;
  /** What the question and the undo notice call the row. */
  name: string;
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  /** `edit-<testId>` and `delete-<testId>`. */
  testId: string;
}) {
  const { t } = useTranslation();
  const rights = useRights();
  const confirmDelete = useDeleteWithUndo();
  return (
    <Group gap={4} wrap="nowrap">
      {rights.may(entity, 'write') && (
        <Button
          size="xs"
          variant="subtle"
          aria-label={editLabel}
          onClick={onEdit}
          data-testid={`edit-${testId}`}
        >
          {t('common.edit')}
        </Button>
      )}
      {rights.may(entity, 'delete') && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          aria-label={deleteLabel}
          onClick={() => confirmDelete(entity, id, name)}
          data-testid={`delete-${testId}`}
        >
          {t('common.delete')}
        </Button>
      )}
    </Group>
  );
}
