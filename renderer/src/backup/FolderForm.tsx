/**
 * Where the backups go: set up once (folder, a new passphrase twice, its strength) or moved to
 * another folder later (folder and the passphrase of the backups). The desktop program offers
 * its folder picker; a typed folder that does not exist is created only after asking, so a
 * mistyped path never silently becomes a new folder.
 */
import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../shared/api/backup.ts';
import { clubApi } from '../api/transport.ts';
import { errorText, fieldTexts } from '../i18n/messageText.ts';
import { PassphraseStrength } from './PassphraseStrength.tsx';

export function FolderForm({
  status,
  mode,
  onDone,
  onCancel,
}: {
  status: BackupStatus;
  mode: 'setup' | 'move';
  onDone: (next: BackupStatus) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState(mode === 'setup' ? (status.folder ?? '') : '');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The folder the person was asked about, and whether they agreed to create it.
  const [asked, setAsked] = useState<{ folder: string; agreed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const folderInput = useRef<HTMLInputElement>(null);

  const submit = async (agreed: boolean) => {
    if (mode === 'setup' && passphrase !== repeat) {
      setErrors({ repeat: t('backup.repeatMismatch') });
      return;
    }
    const target = folder.trim();
    const createFolder = agreed || (asked?.agreed === true && asked.folder === target);
    setBusy(true);
    const result = await clubApi.configureBackup(target, passphrase, createFolder);
    setBusy(false);
    if (result.ok) {
      setErrors({});
      setPassphrase('');
      setRepeat('');
      onDone(result.value);
      return;
    }
    if (result.error.code === 'not_found' && !createFolder) {
      setErrors({});
      setAsked({ folder: target, agreed: false });
      return;
    }
    if (createFolder) setAsked({ folder: target, agreed: true });
    setErrors(
      result.error.fields ? fieldTexts(result.error.fields) : { folder: errorText(result.error) },
    );
  };

  const pick = async () => {
    const picked = await clubApi.pickBackupFolder();
    if (picked.ok && picked.value) {
      setFolder(picked.value);
      setAsked(null);
    } else if (!picked.ok) setErrors({ folder: errorText(picked.error) });
  };

  const question = asked && !asked.agreed && (
    <Alert color="orange" role="alertdialog" title={t('backup.createFolderTitle')}>
      <Text size="sm" data-testid="backup-create-folder-question">
        {t('backup.createFolderQuestion', { folder: asked.folder })}
      </Text>
      <Group mt="sm">
        <Button onClick={() => void submit(true)} loading={busy} data-testid="backup-create-folder">
          {t('backup.createFolder')}
        </Button>
        <Button
          variant="default"
          onClick={() => {
            setAsked(null);
            folderInput.current?.focus();
          }}
          data-testid="backup-create-folder-no"
        >
          {t('backup.correctFolder')}
        </Button>
      </Group>
    </Alert>
  );

  return (
    <Paper
      withBorder
      p="md"
      maw={640}
      data-testid={mode === 'setup' ? 'backup-setup-form' : 'backup-move-form'}
    >
      <Stack>
        <Text>{mode === 'setup' ? t('backup.setupIntro') : t('backup.moveIntro')}</Text>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            ref={folderInput}
            style={{ flex: 1 }}
            label={mode === 'setup' ? t('backup.folder') : t('backup.newFolder')}
            description={t('backup.folderHint')}
            value={folder}
            onChange={(e) => {
              setFolder(e.currentTarget.value);
              if (asked && !asked.agreed) setAsked(null);
            }}
            error={errors.folder}
            data-testid="backup-folder"
          />
          {status.folderPicker && (
            <Button variant="default" onClick={() => void pick()} data-testid="backup-pick-folder">
              {t('backup.pickFolder')}
            </Button>
          )}
        </Group>
        {question}
        <PasswordInput
          label={t('backup.passphrase')}
          description={
            mode === 'setup' ? t('backup.passphraseHint') : t('backup.movePassphraseHint')
          }
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          error={errors.passphrase}
          data-testid="backup-passphrase"
        />
        {mode === 'setup' && (
          <>
            <PassphraseStrength passphrase={passphrase} />
            <PasswordInput
              label={t('backup.repeat')}
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={errors.repeat}
              data-testid="backup-passphrase-repeat"
            />
          </>
        )}
        <Group>
          <Button
            onClick={() => void submit(false)}
            loading={busy}
            data-testid={mode === 'setup' ? 'backup-setup' : 'backup-move'}
          >
            {mode === 'setup' ? t('backup.setup') : t('backup.move')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('backup.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
