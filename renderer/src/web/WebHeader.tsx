import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/navigation.ts';
import { useWebSession } from './sessionStore.ts';

/** The header's part on the web: the club, who is signed in, and the way to the account. */
export function WebHeader() {
  const { t } = useTranslation();
  const view = useWebSession((s) => s.view);
  const go = useNavigation((s) => s.go);
  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" data-testid="web-who">
        {t('webApp.header.who', {
          club: view?.club?.clubName ?? '',
          name: view?.loginName ?? '',
        })}
      </Text>
      <Button size="xs" variant="default" onClick={() => go('account')} data-testid="open-account">
        {t('webApp.header.account')}
      </Button>
    </Group>
  );
}

/** Said above every page while the club server cannot be reached. */
export function OfflineNotice() {
  const { t } = useTranslation();
  const offline = useWebSession((s) => s.offline);
  if (!offline) return null;
  return (
    <Alert color="orange" mb="sm" role="status" data-testid="web-offline">
      {t('webApp.offline')}
    </Alert>
  );
}
