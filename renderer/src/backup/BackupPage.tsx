/**
 * "Datensicherung": set up the backups (folder, e.g. a USB stick, and a passphrase with a
 * strength hint), back up now with a progress bar, move them to another folder or change the
 * passphrase, and see the generations kept in the folder — verify, restore or delete them. A
 * restore keeps the current database beside the new one and makes a safety generation first.
 */

import { Alert, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus, RestoredBackupView } from '../../../shared/api/backup.ts';
import { KEPT_DAYS } from '../../../shared/domain/backupKinds.ts';
import { clubApi } from '../api/transport.ts';
import { dateTime } from '../components/dateTime.ts';
import { errorText, messageText } from '../i18n/messageText.ts';
import { useClubData } from '../state/clubData.ts';
import { useSyncState } from '../sync/syncState.ts';
import { useBackupWork, WorkProgress, wasCancelled } from '../work/WorkProgress.tsx';
import { FolderForm } from './FolderForm.tsx';
import { GenerationsTable } from './GenerationsTable.tsx';
import { PassphraseForm } from './PassphraseForm.tsx';

/** What the page says after a change: which test id, which words. */
interface Notice {
  testId: string;
  text: string;
}

export function BackupPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The backup was cancelled on request: said in words, not as an error. */
  const [cancelled, setCancelled] = useState<string | null>(null);
  const [editing, setEditing] = useState<'folder' | 'passphrase' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await clubApi.backupStatus();
    if (result.ok) {
      setStatus(result.value);
      setStatusError(null);
    } else setStatusError(errorText(result.error));
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // While a backup runs, its progress comes with the core's status events (no polling).
  const progress = useSyncState((s) => s.app?.backup.progress ?? null);
  const work = useBackupWork('backup');

  const backupNow = async () => {
    setRunning(true);
    setError(null);
    setCancelled(null);
    setNotice(null);
    const result = await clubApi.backupNow();
    setRunning(false);
    if (result.ok) setStatus(result.value);
    else if (wasCancelled(result.error)) setCancelled(errorText(result.error));
    else setError(errorText(result.error));
  };

  const restored = async (value: RestoredBackupView) => {
    const text = [
      t('backup.restored', { date: dateTime(value.createdAt), previous: value.previous }),
      value.safetyBackup ? t('backup.restoredSafety', { date: dateTime(value.safetyBackup) }) : '',
    ].join(' ');
    setNotice({ testId: 'backup-restore-result', text: text.trim() });
    await refresh();
    await useClubData.getState().load({ quiet: true });
  };

  const moved = (next: BackupStatus) => {
    const before = status?.folder;
    setStatus(next);
    setEditing(null);
    if (before && before !== next.folder)
      setNotice({ testId: 'backup-moved', text: t('backup.moved', { folder: before }) });
  };

  if (!status)
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('backup.title')}
        </Title>
        {statusError && (
          <Alert color="red" data-testid="backup-status-error">
            {statusError}
            <Button mt="sm" onClick={() => void refresh()} display="block">
              {t('app.retry')}
            </Button>
          </Alert>
        )}
      </Stack>
    );
  return (
    <Stack style={{ overflowY: 'auto' }} pb="xl">
      <Title order={1} size="h2">
        {t('backup.title')}
      </Title>
      {status.reminder && (
        <Alert color="orange" title={t('backup.reminderTitle')} data-testid="backup-reminder">
          {status.lastBackupAt
            ? t('backup.reminderOld', { date: dateTime(status.lastBackupAt) })
            : t('backup.reminderNever')}
        </Alert>
      )}
      {status.automaticError && (
        <Alert color="red" title={t('backup.automaticFailed')} data-testid="backup-automatic-error">
          {messageText(status.automaticError)}
        </Alert>
      )}
      {!status.configured ? (
        <FolderForm status={status} mode="setup" onDone={setStatus} />
      ) : (
        <Paper withBorder p="md" maw={1000}>
          <Stack>
            <Text>
              {t('backup.folder')}: <Code data-testid="backup-folder-current">{status.folder}</Code>
            </Text>
            <Text data-testid="backup-last">
              {status.lastBackupAt
                ? t('backup.last', { date: dateTime(status.lastBackupAt) })
                : t('backup.none')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('backup.automatic', { days: KEPT_DAYS })}
            </Text>
            <Group>
              <Button onClick={() => void backupNow()} loading={running} data-testid="backup-now">
                {t('backup.now')}
              </Button>
              <Button
                variant="default"
                onClick={() => setEditing(editing === 'folder' ? null : 'folder')}
                aria-expanded={editing === 'folder'}
                data-testid="backup-change-folder"
              >
                {t('backup.changeFolder')}
              </Button>
              <Button
                variant="default"
                onClick={() => setEditing(editing === 'passphrase' ? null : 'passphrase')}
                aria-expanded={editing === 'passphrase'}
                data-testid="backup-change-passphrase"
              >
                {t('backup.changePassphrase')}
              </Button>
            </Group>
            {running && (
              <WorkProgress
                work="backup"
                share={work?.progress ?? progress ?? status.progress ?? 0}
                text={work ? t(`work.stage.${work.stage}`) : null}
                testId="backup-progress"
              />
            )}
            {cancelled && (
              <Alert color="gray" role="status" data-testid="backup-cancelled">
                {cancelled}
              </Alert>
            )}
            {error && (
              <Alert color="red" data-testid="backup-error">
                {error}
              </Alert>
            )}
            {editing === 'folder' && (
              <FolderForm
                status={status}
                mode="move"
                onDone={moved}
                onCancel={() => setEditing(null)}
              />
            )}
            {editing === 'passphrase' && (
              <PassphraseForm
                onDone={(next) => {
                  setStatus(next);
                  setEditing(null);
                  setNotice({
                    testId: 'backup-passphrase-changed',
                    text: t('backup.passphraseChanged'),
                  });
                }}
                onCancel={() => setEditing(null)}
              />
            )}
          </Stack>
        </Paper>
      )}
      {notice && (
        <Alert color="green" maw={1000} role="status" data-testid={notice.testId}>
          {notice.text}
        </Alert>
      )}
      {status.generations.length > 0 && (
        <GenerationsTable
          generations={status.generations}
          onChanged={setStatus}
          onRestored={(value) => void restored(value)}
        />
      )}
    </Stack>
  );
}
