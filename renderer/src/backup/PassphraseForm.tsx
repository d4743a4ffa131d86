/**
 * A new passphrase for the backups: the old one first (it opens the key), then the new one
 * twice with its strength. The key stays the same, so every backup in the folder opens with
 * the new passphrase; the key file in an earlier folder keeps the old one.
 */
import { Button, Group, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../shared/api/backup.ts';
import { clubApi } from '../api/transport.ts';
import { errorText, fieldTexts } from '../i18n/messageText.ts';
import { PassphraseStrength } from './PassphraseStrength.tsx';

export function PassphraseForm({
  onDone,
  onCancel,
}: {
  onDone: (next: BackupStatus) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [oldPassphrase, setOldPassphrase] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (newPassphrase !== repeat) {
      setErrors({ repeat: t('backup.repeatMismatch') });
      return;
    }
    setBusy(true);
    const result = await clubApi.changeBackupPassphrase(oldPassphrase, newPassphrase);
    setBusy(false);
    if (!result.ok) {
      setErrors(
        result.error.fields
          ? fieldTexts(result.error.fields)
          : { oldPassphrase: errorText(result.error) },
      );
      return;
    }
    onDone(result.value);
  };

  return (
    <Paper withBorder p="md" maw={640} data-testid="backup-passphrase-form">
      <Stack>
        <Text>{t('backup.passphraseIntro')}</Text>
        <PasswordInput
          label={t('backup.oldPassphrase')}
          value={oldPassphrase}
          onChange={(e) => setOldPassphrase(e.currentTarget.value)}
          error={errors.oldPassphrase}
          data-testid="backup-old-passphrase"
        />
        <PasswordInput
          label={t('backup.newPassphrase')}
          description={t('backup.passphraseHint')}
          value={newPassphrase}
          onChange={(e) => setNewPassphrase(e.currentTarget.value)}
          error={errors.newPassphrase}
          data-testid="backup-new-passphrase"
        />
        <PassphraseStrength passphrase={newPassphrase} />
        <PasswordInput
          label={t('backup.repeat')}
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={errors.repeat}
          data-testid="backup-new-passphrase-repeat"
        />
        <Group>
          <Button onClick={() => void save()} loading={busy} data-testid="backup-passphrase-save">
            {t('backup.changePassphrase')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('backup.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
