import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The end of every record dialog: a problem that belongs to no field, Delete, Cancel, Save. */
export function FormFooter({
  formError,
  onCancel,
  onDelete,
  saving = false,
  readOnly = false,
  mayDelete = true,
}: {
  formError: string | null;
  onCancel(): void;
  /** Only for a record that exists. */
  onDelete?: () => void;
  saving?: boolean;
  /** The role may not change the record: no Save, no Delete, and a sentence why. */
  readOnly?: boolean;
  /** The role may delete such records (else no Delete button). */
  mayDelete?: boolean;
}) {
  const { t } = useTranslation();
  if (readOnly)
    return (
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="read-only">
          {t('rights.readOnly')}
        </Text>
        <Button variant="default" onClick={onCancel}>
          {t('common.close')}
        </Button>
      </Group>
    );
  return (
    <>
      {formError && (
        <Alert color="red" data-testid="form-error">
          {formError}
        </Alert>
      )}
      <Group justify="space-between">
        <div>
          {onDelete && mayDelete && (
            <Button variant="subtle" color="red" onClick={onDelete} data-testid="delete">
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
