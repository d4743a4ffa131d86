import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCents, formatGermanDate, todayIso } from '../../../shared/domain/dates.ts';
import type { Instrument } from '../../../shared/domain/instrument.ts';
import { addMonths } from '../../../shared/domain/overview/maintenanceDue.ts';
import { DateInput } from '../components/DateInput.tsx';
import { centsFromForm, dateFromForm, dateToForm } from '../components/formValues.ts';
import { RowActions } from '../components/RowActions.tsx';
import { saveDraft } from '../components/saveDraft.ts';
import { useReportUnsaved } from '../components/unsavedWork.tsx';
import type { FieldTexts } from '../i18n/messageText.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { MaintenanceEditForm } from './MaintenanceEditForm.tsx';

/** Maintenance and repairs of one instrument: what was done, when, by whom, at what cost. */
export function MaintenancePanel({ instrument }: { instrument: Instrument }) {
  const { t } = useTranslation();
  const maintenanceMap = useClubData((s) => s.maintenance);
  const entries = useMemo(
    () =>
      valuesOf(maintenanceMap)
        .filter((w) => w.instrumentId === instrument.id)
        .toSorted((a, b) => b.date.localeCompare(a.date)),
    [maintenanceMap, instrument.id],
  );
  const total = entries.reduce((sum, w) => sum + (w.costCents ?? 0), 0);
  // Counted as the start page counts (maintenanceDue.ts): from the last entry, else the purchase.
  const since = entries[0]?.date ?? instrument.purchaseDate;
  const interval = instrument.maintenanceIntervalMonths;
  const nextDue = interval && since ? addMonths(since, interval) : null;
  const [date, setDate] = useState(dateToForm(todayIso()));
  const [work, setWork] = useState('');
  const [cost, setCost] = useState('');
  const [workshop, setWorkshop] = useState('');
  const [errors, setErrors] = useState<FieldTexts>({});
  const [editing, setEditing] = useState<string | null>(null);
  // The date alone is no work to lose (it stays for the next entry); what was done is.
  useReportUnsaved(() => work.trim() !== '' || cost.trim() !== '' || workshop.trim() !== '');

  async function record() {
    const outcome = await saveDraft('maintenance', {
      instrumentId: instrument.id,
      date: dateFromForm(date) ?? undefined,
      work,
      costCents: centsFromForm(cost),
      workshop,
    });
    if (outcome.record) {
      notifications.show({ message: t('maintenance.recorded'), autoClose: 3000 });
      setWork('');
      setCost('');
      setWorkshop('');
      setErrors({});
    } else setErrors(outcome.fieldErrors ?? { work: outcome.formError ?? '' });
  }

  return (
    <Stack>
      {interval ? (
        <Text size="sm" data-testid="maintenance-next-due">
          {nextDue
            ? t('maintenance.nextDue', { date: formatGermanDate(nextDue) })
            : t('maintenance.nextDueUnknown')}
        </Text>
      ) : null}
      <Group align="flex-start" grow data-testid="maintenance-form">
        <DateInput
          label={t('fields.maintenance.date')}
          value={date}
          onChange={setDate}
          error={errors.date}
          data-field="date"
        />
        <TextInput
          label={t('fields.maintenance.work')}
          value={work}
          onChange={(e) => setWork(e.currentTarget.value)}
          error={errors.work}
          data-field="work"
        />
        <TextInput
          label={t('fields.maintenance.costCents')}
          placeholder={t('common.moneyHint')}
          rightSection="€"
          value={cost}
          onChange={(e) => setCost(e.currentTarget.value)}
          error={errors.costCents}
          data-field="cost"
        />
        <TextInput
          label={t('fields.maintenance.workshop')}
          value={workshop}
          onChange={(e) => setWorkshop(e.currentTarget.value)}
          error={errors.workshop}
          data-field="workshop"
        />
      </Group>
      <Group justify="flex-end">
        <Button onClick={record} data-testid="add-maintenance">
          {t('maintenance.add')}
        </Button>
      </Group>
      {entries.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('maintenance.empty')}
        </Text>
      ) : (
        <>
          <Table data-testid="maintenance-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.maintenance.date')}</Table.Th>
                <Table.Th>{t('fields.maintenance.work')}</Table.Th>
                <Table.Th>{t('fields.maintenance.costCents')}</Table.Th>
                <Table.Th>{t('fields.maintenance.workshop')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((w) =>
                editing === w.id ? (
                  <Table.Tr key={w.id}>
                    <Table.Td colSpan={5}>
                      <MaintenanceEditForm entry={w} onClose={() => setEditing(null)} />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={w.id}>
                    <Table.Td>{formatGermanDate(w.date)}</Table.Td>
                    <Table.Td>{w.work}</Table.Td>
                    <Table.Td>
                      {w.costCents === null ? '' : `${formatCents(w.costCents)} €`}
                    </Table.Td>
                    <Table.Td>{w.workshop}</Table.Td>
                    <Table.Td>
                      <RowActions
                        entity="maintenance"
                        id={w.id}
                        name={t('maintenance.entryName', {
                          work: w.work,
                          date: formatGermanDate(w.date),
                        })}
                        editLabel={t('maintenance.editNamed', {
                          work: w.work,
                          date: formatGermanDate(w.date),
                        })}
                        deleteLabel={t('maintenance.deleteNamed', {
                          work: w.work,
                          date: formatGermanDate(w.date),
                        })}
                        onEdit={() => setEditing(w.id)}
                        testId="maintenance"
                      />
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
          <Text size="sm" ta="right">
            {t('maintenance.total', { amount: formatCents(total) })}
          </Text>
        </>
      )}
    </Stack>
  );
}
