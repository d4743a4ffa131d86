/**
 * One sentence where a person would look for a control their role does not have ("Neues
 * Mitglied"), so a missing button is explained instead of puzzling.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRights } from '../state/access.ts';

export function NotAllowed({ what, testId }: { what: string; testId: string }) {
  const { t } = useTranslation();
  const rights = useRights();
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {rights.known
        ? t('rights.notAllowed', { role: rights.roleLabel ?? '', what })
        : t('rights.unknown')}
    </Text>
  );
}
