/**
 * A member's membership periods (aktiv, passiv, Vorstand …), from which active years are
 * counted. Tutti keeps them by itself when status, entry or exit change; here a person fills in
 * what came before or corrects a date.
 */
import {
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MEMBERSHIP_KINDS } from '../../../shared/domain/memberships.ts';
import { DateInput } from '../components/DateInput.tsx';
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
  return (
    <Stack gap="xs" data-field="memberships" tabIndex={-1}>
      <Text fw={600}>{t('fields.members.memberships')}</Text>
      <Text size="sm" c="dimmed">
        {t('members.memberships.explain')}
      </Text>
      {rows.length > 0 && (
        <Table data-testid="memberships">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.memberships.status')}</Table.Th>
              <Table.Th>{t('members.memberships.from')}</Table.Th>
              <Table.Th>{t('members.memberships.until')}</Table.Th>
              <Table.Th>{t('members.memberships.notes')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => {
              const line = { row: index + 1 };
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: periods have no identity beyond their place
                <Table.Tr key={index}>
                  <Table.Td>
                    <Select
                      aria-label={t('members.memberships.statusOf', line)}
                      data={kinds}
                      value={row.status}
                      allowDeselect={false}
                      readOnly={readOnly}
                      onChange={(v) => v && set(index, { status: v as MembershipRow['status'] })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <DateInput
                      aria-label={t('members.memberships.fromOf', line)}
                      value={row.from}
                      readOnly={readOnly}
                      onChange={(v) => set(index, { from: v })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <DateInput
                      aria-label={t('members.memberships.untilOf', line)}
                      value={row.until}
                      readOnly={readOnly}
                      onChange={(v) => set(index, { until: v })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('members.memberships.notesOf', line)}
                      value={row.notes}
                      readOnly={readOnly}
                      onChange={(e) => set(index, { notes: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {!readOnly && (
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={t('members.memberships.removeOf', line)}
                        onClick={() => onChange(rows.filter((_, i) => i !== index))}
                      >
                        {t('common.delete')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => onChange([...rows, { status: 'aktiv', from: '', until: '', notes: '' }])}
          >
            {t('members.memberships.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
