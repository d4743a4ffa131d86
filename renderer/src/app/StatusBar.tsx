import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useClubData } from '../state/clubData.ts';

/** Where the data stands: saved locally, how much waits for a server, which device this is. */
export function StatusBar() {
  const { t } = useTranslation();
  const status = useClubData((s) => s.coreStatus);
  return (
    <Group h="100%" px="md" gap="lg" data-testid="status-bar">
      <Text size="xs">{t('status.local')}</Text>
      {status && (
        <>
          <Text size="xs" data-testid="pending-count">
            {t('status.pending', { count: status.pendingMutations })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('status.noServer')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('status.device', { id: status.deviceId })}
          </Text>
        </>
      )}
    </Group>
  );
}
