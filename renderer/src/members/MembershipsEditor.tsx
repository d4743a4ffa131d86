/**
 * A member's membership periods (aktiv, passiv, Vorstand …), from which active years are
 * counted. Tutti keeps them by itself when status, entry or exit change; here a person fills in
 * what came before or corrects a date.
 */
import { Button, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MEMBERSHIP_KINDS } from '../../../shared/domain/memberships.ts';
import { DateInput } from '../components/DateInput.tsx';
import { RowsEditor } from '../components/RowsEditor.tsx';
import type { MembershipRow } from './historyRows.ts';

export function MembershipsEditor({
  rows,
  onChange,
  readOnly,
  error,
}: {
  rows: MembershipRow[];
  onChange(rows: MembershipRow[]): void;
  readOnly: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const kinds = MEMBERSHIP_KINDS.map((k) => ({
    value: k,
    label: t(`values.members.memberships.${k}`),
  }));
  const set = (index: number, patch: Partial<MembershipRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const line = (index: number) => ({ row: index + 1 });
  const date = (name: 'from' | 'until', label: 'fromOf' | 'untilOf') => ({
    header: t(`members.memberships.${name}`),
    cell: (row: MembershipRow, i: number) => (
      <DateInput
        aria-label={t(`members.memberships.${label}`, line(i))}
        value={row[name]}
        readOnly={readOnly}
        onChange={(v) => set(i, { [name]: v })}
      />
    ),
  });
  return (
    <RowsEditor
      field="memberships"
      testId="memberships"
      title={t('fields.members.memberships')}
      intro={t('members.memberships.explain')}
      rows={rows}
      readOnly={readOnly}
      error={error}
      columns={[
        {
          header: t('members.memberships.status'),
          cell: (row, i) => (
            <Select
              aria-label={t('members.memberships.statusOf', line(i))}
              data={kinds}
              value={row.status}
              allowDeselect={false}
              readOnly={readOnly}
              onChange={(v) => v && set(i, { status: v as MembershipRow['status'] })}
            />
          ),
        },
        date('from', 'fromOf'),
        date('until', 'untilOf'),
        {
          header: t('members.memberships.notes'),
          cell: (row, i) => (
            <TextInput
              aria-label={t('members.memberships.notesOf', line(i))}
              value={row.notes}
              readOnly={readOnly}
              onChange={(e) => set(i, { notes: e.currentTarget.value })}
            />
          ),
        },
      ]}
      actions={(_row, i) => (
        <Button
          variant="subtle"
          color="red"
          size="xs"
          aria-label={t('members.memberships.removeOf', line(i))}
          onClick={() => onChange(rows.filter((_, k) => k !== i))}
        >
          {t('common.delete')}
        </Button>
      )}
      addLabel={t('members.memberships.add')}
      onAdd={() => onChange([...rows, { status: 'aktiv', from: '', until: '', notes: '' }])}
    />
  );
}
