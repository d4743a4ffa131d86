import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The end of every record dialog: a problem that belongs to no field, Delete, Cancel, Save. */
export function FormFooter({
  formError,
  onCancel,
  onDelete,
  saving = false,
}: {
  formError: string | null;
  onCancel(): void;
  /** Only for a record that exists. */
  onDelete?: () => void;
  saving?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {formError && (
        <Alert color="red" data-testid="form-error">
          {formError}
        </Alert>
      )}
      <Group justify="space-between">
        <div>
          {onDelete && (
            <Button variant="subtle" color="red" onClick={onDelete}>
              {t('common.delete')}
            </Button>
          )}
        </div>
        <Group>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="save">
            {t('common.save')}
          </Button>
        </Group>
      </Group>
    </>
  );
}
