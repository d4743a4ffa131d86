/**
 * Before the import, what protects the data as it is: the safety generation Tutti will make in
 * the backup folder, or that there will be none because backups are not set up.
 */
import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../shared/api/backup.ts';
import { KEPT_DAYS } from '../../../shared/domain/backupKinds.ts';
import { clubApi } from '../api/transport.ts';

export function SafetyBackupNote() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    void clubApi.backupStatus().then((answer) => {
      if (answer.ok) setStatus(answer.value);
    });
  }, []);
  if (!status) return null;
  return (
    <Alert color={status.configured ? 'blue' : 'orange'} data-testid="import-safety-note">
      {status.configured
        ? t('importWizard.safetyPlanned', { folder: status.folder, days: KEPT_DAYS })
        : t('importWizard.safetyNotConfigured')}
    </Alert>
  );
}
