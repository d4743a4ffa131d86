import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRights } from '../state/access.ts';
import { useWebSession } from './sessionStore.ts';

/** Where the data is on the web: on the club server, reached or not, and as whom. */
export function WebStatusBar() {
  const { t } = useTranslation();
  const view = useWebSession((s) => s.view);
  const offline = useWebSession((s) => s.offline);
  const rights = useRights();
  return (
    <Group h="100%" px="md" gap="lg" data-testid="status-bar">
      {offline ? (
        <Text size="xs" c="orange" fw={600} data-testid="web-connection">
          {t('webApp.status.offline')}
        </Text>
      ) : (
        <Text size="xs" data-testid="web-connection">
          {t('webApp.status.connected', {
            club: view?.club?.clubName ?? '',
            name: view?.loginName ?? '',
          })}
        </Text>
      )}
      {rights.roleLabel && (
        <Text size="xs" c="dimmed" data-testid="role">
          {t('rights.role', { role: rights.roleLabel })}
        </Text>
      )}
    </Group>
  );
}
