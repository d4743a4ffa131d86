/**
 * What an import kept with a record because no field took it (a column nobody mapped, a value a
 * sensitive field could not take): shown in the record's dialog so nothing is out of sight.
 * A person copies what is needed into a field and removes the entry; the removal is saved with
 * the record.
 */
import { Button, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportedValues } from '../../../shared/domain/importedValues.ts';

export function ImportedValuesPanel({
  values,
  onChange,
  readOnly = false,
}: {
  values: ImportedValues | null | undefined;
  onChange: (next: ImportedValues | null) => void;
  /** The role may not change them: shown, without "Entfernen". */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const entries = Object.entries(values ?? {});
  if (entries.length === 0) return null;
  const remove = (key: string) => {
    const next = Object.fromEntries(entries.filter(([k]) => k !== key));
    onChange(Object.keys(next).length > 0 ? next : null);
  };
  return (
    <Paper withBorder p="sm" data-testid="imported-values">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('imported.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('imported.explain')}
        </Text>
        {entries.map(([key, value]) => (
          <Group key={key} align="flex-start" justify="space-between" wrap="nowrap">
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {key}
              </Text>
              <ScrollArea.Autosize mah={120}>
                <Text
                  size="sm"
                  style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
                  data-testid="imported-value"
                >
                  {value}
                </Text>
              </ScrollArea.Autosize>
            </Stack>
            {!readOnly && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => remove(key)}
                aria-label={t('imported.removeNamed', { name: key })}
              >
                {t('imported.remove')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
