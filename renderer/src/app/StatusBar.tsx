import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { messageText } from '../i18n/messageText.ts';
import { useRights } from '../state/access.ts';
import { useClubData } from '../state/clubData.ts';
import { syncProgressText } from '../sync/syncProgressText.ts';
import { useSyncState } from '../sync/syncState.ts';

function time(iso: string | null): string {
  if (!iso) return '';
  return new Date(iso).toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' });
}

/** Where the data stands: saved locally, how much waits for the server, and the sync state. */
export function StatusBar() {
  const { t } = useTranslation();
  const status = useClubData((s) => s.coreStatus);
  const sync = useSyncState((s) => s.status);
  const rights = useRights();
  // The core's count is refreshed right after each save; the sync poll may be up to 2 s old.
  const pending = status?.pendingMutations ?? sync?.pending ?? 0;
  // Unknown until the core has answered: say nothing rather than "no server".
  const phase = sync?.phase ?? null;
  return (
    <Group h="100%" px="md" gap="lg" data-testid="status-bar">
      {phase === null ? null : phase === 'unconnected' ? (
        // Without a server nothing "waits for synchronisation": say where the data is.
        <Text size="xs" data-testid="sync-phase">
          {t('status.localOnly')}
        </Text>
      ) : (
        <>
          <Text size="xs">{t('status.local')}</Text>
          <Text size="xs" data-testid="pending-count">
            {t('status.pending', { count: pending })}
          </Text>
          <Text
            size="xs"
            c={phase === 'problem' ? 'red' : phase === 'offline' ? 'orange' : 'dimmed'}
            data-testid="sync-phase"
          >
            {t(`sync.phase.${phase}`, {
              time: time(sync?.lastSync ?? null),
              message: sync?.message ? messageText(sync.message) : '',
            })}
            {sync?.progress ? ` ${syncProgressText(t, sync.progress)}` : ''}
          </Text>
        </>
      )}
      {sync?.clockBehind && (
        <Text size="xs" c="orange" data-testid="clock-behind">
          {t('sync.clockBehind')}
        </Text>
      )}
      {rights.roleLabel && (
        <Text size="xs" c="dimmed" data-testid="role">
          {t('rights.role', { role: rights.roleLabel })}
        </Text>
      )}
      {status && (
        <Text size="xs" c="dimmed" title={status.deviceId} data-testid="device-name">
          {t('status.device', { name: status.deviceName })}
        </Text>
      )}
    </Group>
  );
}
