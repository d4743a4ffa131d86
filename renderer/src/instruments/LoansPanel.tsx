import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanDate, todayIso } from '../../../shared/domain/dates.ts';
import type { Instrument } from '../../../shared/domain/instrument.ts';
import type { Loan } from '../../../shared/domain/loan.ts';
import type { Member } from '../../../shared/domain/member.ts';
import { DateInput } from '../components/DateInput.tsx';
import { dateFromForm, dateToForm } from '../components/formValues.ts';
import { RowActions } from '../components/RowActions.tsx';
import { saveDraft } from '../components/saveDraft.ts';
import { useReportUnsaved } from '../components/unsavedWork.tsx';
import type { FieldTexts } from '../i18n/messageText.ts';
import { MemberPicker } from '../members/MemberPicker.tsx';
import { memberDisplayName } from '../members/memberSearch.ts';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { LoanEditForm } from './LoanEditForm.tsx';

/** Issue an instrument to a member, or record its return; the history below. */
export function LoansPanel({ instrument }: { instrument: Instrument }) {
  const { t } = useTranslation();
  const loansMap = useClubData((s) => s.loans);
  const membersMap = useClubData((s) => s.members);
  const loans = useMemo(
    () =>
      valuesOf(loansMap)
        .filter((l) => l.instrumentId === instrument.id)
        .toSorted((a, b) => b.issuedOn.localeCompare(a.issuedOn)),
    [loansMap, instrument.id],
  );
  const open = loans.find((l) => l.returnedOn === null);
  const history = loans.filter((l) => l.returnedOn !== null);
  const nameOf = (id: string) => {
    const m = membersMap.get(id);
    return m ? memberDisplayName(m) : '—';
  };
  const rights = useRights();
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <Stack>
      {open && editing === open.id ? (
        <LoanEditForm loan={open} onClose={() => setEditing(null)} />
      ) : open ? (
        <ReturnForm
          loan={open}
          borrower={nameOf(open.memberId)}
          onEdit={rights.may('loans', 'write') ? () => setEditing(open.id) : null}
        />
      ) : (
        <IssueForm instrument={instrument} />
      )}
      <Title order={3} size="h5">
        {t('loans.history')}
      </Title>
      {history.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('loans.noHistory')}
        </Text>
      ) : (
        <Table data-testid="loan-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.instruments.borrower')}</Table.Th>
              <Table.Th>{t('fields.loans.issuedOn')}</Table.Th>
              <Table.Th>{t('fields.loans.returnedOn')}</Table.Th>
              <Table.Th>{t('fields.loans.notes')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.map((l) =>
              editing === l.id ? (
                <Table.Tr key={l.id}>
                  <Table.Td colSpan={5}>
                    <LoanEditForm loan={l} onClose={() => setEditing(null)} />
                  </Table.Td>
                </Table.Tr>
              ) : (
                <Table.Tr key={l.id}>
                  <Table.Td>{nameOf(l.memberId)}</Table.Td>
                  <Table.Td>{formatGermanDate(l.issuedOn)}</Table.Td>
                  <Table.Td>{formatGermanDate(l.returnedOn)}</Table.Td>
                  <Table.Td>{l.notes}</Table.Td>
                  <Table.Td>
                    <RowActions
                      entity="loans"
                      id={l.id}
                      name={t('loans.entryName', {
                        name: nameOf(l.memberId),
                        date: formatGermanDate(l.issuedOn),
                      })}
                      editLabel={t('loans.editNamed', {
                        name: nameOf(l.memberId),
                        date: formatGermanDate(l.issuedOn),
                      })}
                      deleteLabel={t('loans.deleteNamed', {
                        name: nameOf(l.memberId),
                        date: formatGermanDate(l.issuedOn),
                      })}
                      onEdit={() => setEditing(l.id)}
                      testId="loan"
                    />
                  </Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

const stillInClub = (m: Member) => m.status !== 'ausgetreten';

function IssueForm({ instrument }: { instrument: Instrument }) {
  const { t } = useTranslation();
  const membersMap = useClubData((s) => s.members);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [issuedOn, setIssuedOn] = useState(dateToForm(todayIso()));
  const [dueOn, setDueOn] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldTexts>({});
  const [today] = useState(() => dateToForm(todayIso()));
  useReportUnsaved(
    () => memberId !== null || issuedOn !== today || dueOn !== '' || notes.trim() !== '',
  );
  async function issue() {
    const outcome = await saveDraft('loans', {
      instrumentId: instrument.id,
      memberId: memberId ?? undefined,
      issuedOn: dateFromForm(issuedOn) ?? undefined,
      dueOn: dateFromForm(dueOn),
      returnedOn: null,
      notes,
    });
    if (outcome.record) {
      const m = membersMap.get(outcome.record.memberId);
      notifications.show({
        message: t('loans.issued', { name: m ? memberDisplayName(m) : '' }),
        autoClose: 3000,
      });
      setErrors({});
      setMemberId(null);
      setDueOn('');
      setNotes('');
    } else setErrors(outcome.fieldErrors ?? { _form: outcome.formError ?? '' });
  }

  return (
    <Stack gap="xs" data-testid="issue-form">
      <Text>{t('loans.notLent')}</Text>
      <Group align="flex-start" grow>
        <MemberPicker
          label={t('loans.issueTo')}
          placeholder={t('loans.chooseMember')}
          include={stillInClub}
          clearable={false}
          value={memberId}
          onChange={setMemberId}
          error={errors.memberId}
          data-field="memberId"
        />
        <DateInput
          label={t('fields.loans.issuedOn')}
          value={issuedOn}
          onChange={setIssuedOn}
          error={errors.issuedOn}
          data-field="issuedOn"
        />
        <DateInput
          label={t('fields.loans.dueOn')}
          value={dueOn}
          onChange={setDueOn}
          error={errors.dueOn}
          data-field="dueOn"
        />
      </Group>
      <TextInput
        label={t('fields.loans.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={errors.notes}
      />
      {(errors.instrumentId || errors._form) && (
        <Alert color="red" data-testid="loan-error">
          {errors.instrumentId ?? errors._form}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={issue} data-testid="issue-loan">
          {t('loans.issue')}
        </Button>
      </Group>
    </Stack>
  );
}

function ReturnForm({
  loan,
  borrower,
  onEdit,
}: {
  loan: Loan;
  borrower: string;
  onEdit: (() => void) | null;
}) {
  const { t } = useTranslation();
  const [today] = useState(() => dateToForm(todayIso()));
  const [returnedOn, setReturnedOn] = useState(today);
  const [errors, setErrors] = useState<FieldTexts>({});
  useReportUnsaved(() => returnedOn !== today);

  async function giveBack() {
    const outcome = await saveDraft(
      'loans',
      {
        ...loan,
        returnedOn: dateFromForm(returnedOn) ?? undefined,
      },
      loan,
    );
    if (outcome.record) {
      notifications.show({ message: t('loans.returned'), autoClose: 3000 });
      setErrors({});
    } else setErrors(outcome.fieldErrors ?? { _form: outcome.formError ?? '' });
  }

  return (
    <Stack gap="xs" data-testid="return-form">
      <Alert color="blue" data-testid="current-loan">
        {t('loans.current', { name: borrower, since: formatGermanDate(loan.issuedOn) })}
        {loan.dueOn && <div>{t('loans.due', { date: formatGermanDate(loan.dueOn) })}</div>}
      </Alert>
      <Group align="flex-end">
        <DateInput
          label={t('fields.loans.returnedOn')}
          value={returnedOn}
          onChange={setReturnedOn}
          error={errors.returnedOn ?? errors._form}
          data-field="returnedOn"
        />
        <Button onClick={giveBack} data-testid="return-loan">
          {t('loans.return')}
        </Button>
        {onEdit && (
          <Button variant="default" onClick={onEdit} data-testid="edit-current-loan">
            {t('loans.editCurrent')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
