/**
 * Correcting a loan already recorded: who, issued, due and returned on, the remark. Saved with
 * undo; "Abbrechen" asks first when something was changed.
 */
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanDate } from '../../../shared/domain/dates.ts';
import type { Loan } from '../../../shared/domain/loan.ts';
import { DateInput } from '../components/DateInput.tsx';
import { dateFromForm, dateToForm } from '../components/formValues.ts';
import { useEditWithUndo } from '../components/useEditWithUndo.tsx';
import { useInlineEdit } from '../components/useInlineEdit.ts';
import type { FieldTexts } from '../i18n/messageText.ts';
import { MemberPicker } from '../members/MemberPicker.tsx';
import { memberDisplayName } from '../members/memberSearch.ts';
import { useClubData } from '../state/clubData.ts';

function formOf(loan: Loan) {
  return {
    memberId: loan.memberId as string | null,
    issuedOn: dateToForm(loan.issuedOn),
    dueOn: dateToForm(loan.dueOn),
    returnedOn: dateToForm(loan.returnedOn),
    notes: loan.notes ?? '',
  };
}

export function LoanEditForm({ loan, onClose }: { loan: Loan; onClose: () => void }) {
  const { t } = useTranslation();
  const membersMap = useClubData((s) => s.members);
  const initial = formOf(loan);
  const { values, set, requestClose, discardQuestion } = useInlineEdit(initial, onClose);
  const [errors, setErrors] = useState<FieldTexts>({});
  const [busy, setBusy] = useState(false);
  const saveWithUndo = useEditWithUndo();
  // The record as the form opened with it; the list may hold a newer one meanwhile.
  const [opened] = useState(loan);

  const save = async () => {
    setBusy(true);
    const member = membersMap.get(loan.memberId);
    const outcome = await saveWithUndo(
      'loans',
      opened,
      {
        ...loan,
        memberId: values.memberId ?? undefined,
        issuedOn: dateFromForm(values.issuedOn) ?? undefined,
        dueOn: dateFromForm(values.dueOn),
        returnedOn: dateFromForm(values.returnedOn),
        notes: values.notes,
      },
      t('loans.entryName', {
        name: member ? memberDisplayName(member) : '—',
        date: formatGermanDate(loan.issuedOn),
      }),
    );
    setBusy(false);
    if (outcome.record) onClose();
    else setErrors(outcome.fieldErrors ?? { _form: outcome.formError ?? '' });
  };

  return (
    <Stack gap="xs" data-testid="loan-edit-form">
      {discardQuestion}
      <Group align="flex-start" grow>
        <MemberPicker
          label={t('loans.issueTo')}
          clearable={false}
          value={values.memberId}
          onChange={set('memberId')}
          error={errors.memberId}
          data-field="memberId"
        />
        <DateInput
          label={t('fields.loans.issuedOn')}
          value={values.issuedOn}
          onChange={set('issuedOn')}
          error={errors.issuedOn}
          data-field="issuedOn"
        />
        <DateInput
          label={t('fields.loans.dueOn')}
          value={values.dueOn}
          onChange={set('dueOn')}
          error={errors.dueOn}
          data-field="dueOn"
        />
        <DateInput
          label={t('fields.loans.returnedOn')}
          value={values.returnedOn}
          onChange={set('returnedOn')}
          error={errors.returnedOn}
          data-field="returnedOn"
        />
      </Group>
      <TextInput
        label={t('fields.loans.notes')}
        value={values.notes}
        onChange={(e) => set('notes')(e.currentTarget.value)}
        error={errors.notes}
        data-field="notes"
      />
      {(errors.instrumentId || errors._form) && (
        <Alert color="red">{errors.instrumentId ?? errors._form}</Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={requestClose} data-testid="cancel-edit">
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void save()} loading={busy} data-testid="save-loan">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
