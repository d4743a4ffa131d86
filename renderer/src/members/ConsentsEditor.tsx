/**
 * A member's consents: one line per consent given, with how and when; "Widerrufen" ends it on
 * today's date and keeps the line, so the history stays what the club can show.
 */
import { Button, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONSENT_PURPOSES } from '../../../shared/domain/consents.ts';
import { todayIso } from '../../../shared/domain/dates.ts';
import { DateInput } from '../components/DateInput.tsx';
import { dateToForm } from '../components/formValues.ts';
import { RowsEditor } from '../components/RowsEditor.tsx';
import type { ConsentRow } from './historyRows.ts';

export function ConsentsEditor({
  rows,
  onChange,
  readOnly,
  error,
}: {
  rows: ConsentRow[];
  onChange(rows: ConsentRow[]): void;
  readOnly: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const purposes = CONSENT_PURPOSES.map((p) => ({
    value: p,
    label: t(`values.members.consents.${p}`),
  }));
  const set = (index: number, patch: Partial<ConsentRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const line = (index: number) => ({ row: index + 1 });
  return (
    <RowsEditor
      field="consents"
      testId="consents"
      title={t('fields.members.consents')}
      empty={t('members.consents.none')}
      rows={rows}
      readOnly={readOnly}
      error={error}
      columns={[
        {
          header: t('members.consents.purpose'),
          cell: (row, i) => (
            <Select
              aria-label={t('members.consents.purposeOf', line(i))}
              data={purposes}
              value={row.purpose}
              allowDeselect={false}
              readOnly={readOnly}
              onChange={(v) => v && set(i, { purpose: v as ConsentRow['purpose'] })}
            />
          ),
        },
        {
          header: t('members.consents.givenOn'),
          cell: (row, i) => (
            <DateInput
              aria-label={t('members.consents.givenOnOf', line(i))}
              value={row.givenOn}
              readOnly={readOnly}
              onChange={(v) => set(i, { givenOn: v })}
            />
          ),
        },
        {
          header: t('members.consents.source'),
          cell: (row, i) => (
            <TextInput
              aria-label={t('members.consents.sourceOf', line(i))}
              value={row.source}
              readOnly={readOnly}
              onChange={(e) => set(i, { source: e.currentTarget.value })}
            />
          ),
        },
        {
          header: t('members.consents.withdrawnOn'),
          cell: (row, i) => (
            <DateInput
              aria-label={t('members.consents.withdrawnOnOf', line(i))}
              value={row.withdrawnOn}
              readOnly={readOnly}
              onChange={(v) => set(i, { withdrawnOn: v })}
            />
          ),
        },
      ]}
      actions={(row, i) =>
        !row.withdrawnOn && (
          <Button
            variant="subtle"
            size="xs"
            aria-label={t('members.consents.withdrawOf', line(i))}
            onClick={() => set(i, { withdrawnOn: dateToForm(todayIso()) })}
          >
            {t('members.consents.withdraw')}
          </Button>
        )
      }
      addLabel={t('members.consents.add')}
      onAdd={() =>
        onChange([
          ...rows,
          { purpose: 'photos', givenOn: dateToForm(todayIso()), source: '', withdrawnOn: '' },
        ])
      }
    />
  );
}
