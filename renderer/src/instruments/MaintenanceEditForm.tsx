/**
 * Correcting a maintenance entry: date, work, cost, workshop. Saved with undo; "Abbrechen"
 * asks first when something was changed.
 */
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanDate } from '../../../shared/domain/dates.ts';
import type { Maintenance } from '../../../shared/domain/maintenance.ts';
import { DateInput } from '../components/DateInput.tsx';
import { centsFromForm, centsToForm, dateFromForm, dateToForm } from '../components/formValues.ts';
import { useEditWithUndo } from '../components/useEditWithUndo.tsx';
import { useInlineEdit } from '../components/useInlineEdit.ts';
import type { FieldTexts } from '../i18n/messageText.ts';

function formOf(entry: Maintenance) {
  return {
    date: dateToForm(entry.date),
    work: entry.work,
    cost: centsToForm(entry.costCents),
    workshop: entry.workshop ?? '',
  };
}

export function MaintenanceEditForm({
  entry,
  onClose,
}: {
  entry: Maintenance;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const initial = formOf(entry);
  const { values, set, requestClose, discardQuestion } = useInlineEdit(initial, onClose);
  const [errors, setErrors] = useState<FieldTexts>({});
  const [busy, setBusy] = useState(false);
  const saveWithUndo = useEditWithUndo();
  // The record as the form opened with it; the list may hold a newer one meanwhile.
  const [opened] = useState(entry);

  const save = async () => {
    setBusy(true);
    const outcome = await saveWithUndo(
      'maintenance',
      opened,
      {
        ...entry,
        date: dateFromForm(values.date) ?? undefined,
        work: values.work,
        costCents: centsFromForm(values.cost),
        workshop: values.workshop,
      },
      t('maintenance.entryName', { work: entry.work, date: formatGermanDate(entry.date) }),
    );
    setBusy(false);
    if (outcome.record) onClose();
    else setErrors(outcome.fieldErrors ?? { work: outcome.formError ?? '' });
  };

  return (
    <Stack gap="xs" data-testid="maintenance-edit-form">
      {discardQuestion}
      <Group align="flex-start" grow>
        <DateInput
          label={t('fields.maintenance.date')}
          value={values.date}
          onChange={set('date')}
          error={errors.date}
          data-field="date"
        />
        <TextInput
          label={t('fields.maintenance.work')}
          value={values.work}
          onChange={(e) => set('work')(e.currentTarget.value)}
          error={errors.work}
          data-field="work"
        />
        <TextInput
          label={t('fields.maintenance.costCents')}
          placeholder={t('common.moneyHint')}
          rightSection="€"
          value={values.cost}
          onChange={(e) => set('cost')(e.currentTarget.value)}
          error={errors.costCents}
          data-field="cost"
        />
        <TextInput
          label={t('fields.maintenance.workshop')}
          value={values.workshop}
          onChange={(e) => set('workshop')(e.currentTarget.value)}
          error={errors.workshop}
          data-field="workshop"
        />
      </Group>
      <Group justify="flex-end">
        <Button variant="default" onClick={requestClose} data-testid="cancel-edit">
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void save()} loading={busy} data-testid="save-maintenance">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
