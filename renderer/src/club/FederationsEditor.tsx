/** The federations the club belongs to, each with the club's number there. */
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FederationRow } from './clubFormValues.ts';

export function FederationsEditor({
  rows,
  onChange,
  readOnly,
  error,
}: {
  rows: FederationRow[];
  onChange(rows: FederationRow[]): void;
  readOnly: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<FederationRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Stack gap="xs" data-field="federations" tabIndex={-1}>
      <Text fw={600}>{t('fields.club.federations')}</Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('club.noFederation')}
        </Text>
      )}
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: federations have no identity beyond their place
        <Group key={index} align="end">
          <TextInput
            label={t('club.federationName', { row: index + 1 })}
            value={row.name}
            readOnly={readOnly}
            onChange={(e) => set(index, { name: e.currentTarget.value })}
            style={{ flex: 2 }}
          />
          <TextInput
            label={t('club.federationNumber', { row: index + 1 })}
            value={row.number}
            readOnly={readOnly}
            onChange={(e) => set(index, { number: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          {!readOnly && (
            <Button
              variant="subtle"
              color="red"
              aria-label={t('club.removeFederation', { row: index + 1 })}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              {t('common.delete')}
            </Button>
          )}
        </Group>
      ))}
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
            onClick={() => onChange([...rows, { name: '', number: '' }])}
          >
            {t('club.addFederation')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
