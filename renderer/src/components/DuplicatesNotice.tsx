/**
 * Records that share a unique key (two registers "Blech" and "blech", an inventory number given
 * twice) from before the rule held everywhere, or from two devices offline at once: listed, so
 * a person decides which to rename — Tutti never renames one by itself.
 */
import { Alert, List } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findDuplicates } from '../../../shared/domain/recordRules.ts';

export function DuplicatesNotice({
  records,
  field,
  kind,
}: {
  records: readonly Record<string, unknown>[];
  field: string;
  kind: 'registers' | 'instruments';
}) {
  const { t } = useTranslation();
  const groups = useMemo(() => findDuplicates(records, field), [records, field]);
  if (groups.length === 0) return null;
  return (
    <Alert color="yellow" title={t(`duplicates.${kind}Title`)} data-testid="duplicates-notice">
      {t(`duplicates.${kind}Text`)}
      <List size="sm" mt="xs">
        {groups.map((group) => (
          <List.Item key={group.key}>{group.values.map((v) => `„${v}“`).join(', ')}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
