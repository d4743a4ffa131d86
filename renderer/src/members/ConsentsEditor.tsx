/**
 * A member's consents: one line per consent given, with how and when; "Widerrufen" ends it on
 * today's date and keeps the line, so the history stays what the club can show.
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
import { CONSENT_PURPOSES } from '../../../shared/domain/consents.ts';
import { todayIso } from '../../../shared/domain/dates.ts';
import { DateInput } from '../components/DateInput.tsx';
import { dateToForm } from '../components/formValues.ts';
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
  return (
    <Stack gap="xs" data-field="consents" tabIndex={-1}>
      <Text fw={600}>{t('fields.members.consents')}</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('members.consents.none')}
        </Text>
      ) : (
        <Table data-testid="consents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.consents.purpose')}</Table.Th>
              <Table.Th>{t('members.consents.givenOn')}</Table.Th>
              <Table.Th>{t('members.consents.source')}</Table.Th>
              <Table.Th>{t('members.consents.withdrawnOn')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => {
              const line = { row: index + 1 };
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity beyond their place
                <Table.Tr key={index}>
                  <Table.Td>
                    <Select
                      aria-label={t('members.consents.purposeOf', line)}
                      data={purposes}
                      value={row.purpose}
                      allowDeselect={false}
                      readOnly={readOnly}
                      onChange={(v) => v && set(index, { purpose: v as ConsentRow['purpose'] })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <DateInput
                      aria-label={t('members.consents.givenOnOf', line)}
                      value={row.givenOn}
                      readOnly={readOnly}
                      onChange={(v) => set(index, { givenOn: v })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('members.consents.sourceOf', line)}
                      value={row.source}
                      readOnly={readOnly}
                      onChange={(e) => set(index, { source: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <DateInput
                      aria-label={t('members.consents.withdrawnOnOf', line)}
                      value={row.withdrawnOn}
                      readOnly={readOnly}
                      onChange={(v) => set(index, { withdrawnOn: v })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {!readOnly && !row.withdrawnOn && (
                      <Button
                        variant="subtle"
                        size="xs"
                        aria-label={t('members.consents.withdrawOf', line)}
                        onClick={() => set(index, { withdrawnOn: dateToForm(todayIso()) })}
                      >
                        {t('members.consents.withdraw')}
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
            onClick={() =>
              onChange([
                ...rows,
                { purpose: 'photos', givenOn: dateToForm(todayIso()), source: '', withdrawnOn: '' },
              ])
            }
          >
            {t('members.consents.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
