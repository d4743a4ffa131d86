/**
 * Says when the program core crashed (issue #26): while it starts again, that saving waits and
 * what was typed stays in the form — and, when starting it again fails, why; once it runs
 * again, that everything saved is there and the lists were read anew, until the user closes
 * the notice.
 */
import { Alert } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText } from '../i18n/messageText.ts';
import { useSyncState } from '../sync/syncState.ts';

function clockTime(iso: string | null, language: string): string {
  if (!iso) return '';
  return new Date(iso).toLocaleTimeString(language === 'en' ? 'en-GB' : 'de-DE', {
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function CoreHostNotice() {
  const { t, i18n } = useTranslation();
  const host = useSyncState((s) => s.app?.coreHost);
  // The restart the user closed the notice of; a later one brings it back.
  const [dismissedRestarts, setDismissedRestarts] = useState(0);
  const restarts = host?.restarts ?? 0;
  if (!host || restarts === 0) return null;
  const at = clockTime(host.lastFailureAt, i18n.language);
  if (host.state === 'restarting')
    return (
      <Alert
        color="orange"
        mb="sm"
        role="alert"
        title={t('coreHost.restartingTitle')}
        data-testid="core-restarting"
      >
        {host.failedStarts > 0 && host.lastError
          ? t('coreHost.cannotStart', {
              time: at,
              count: host.failedStarts,
              reason: messageText(host.lastError),
            })
          : t('coreHost.restarting', { time: at })}
      </Alert>
    );
  if (dismissedRestarts >= restarts) return null;
  return (
    <Alert
      color="blue"
      mb="sm"
      role="status"
      title={t('coreHost.restartedTitle')}
      withCloseButton
      closeButtonLabel={t('coreHost.close')}
      onClose={() => setDismissedRestarts(restarts)}
      data-testid="core-restarted"
    >
      {t('coreHost.restarted', { time: at, count: restarts })}
    </Alert>
  );
}
