/**
 * "Datensicherung": set up the backups (folder, e.g. a USB stick, and a passphrase with a
 * strength hint), back up now with a progress bar, see the generations kept in the folder and
 * verify or restore any of them; a restore keeps the current database beside the new one.
 */

import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../shared/api/backup.ts';
import { passphraseStrength } from '../../../shared/domain/passphraseStrength.ts';
import { formatMegabytes } from '../../../shared/domain/sizes.ts';
import { clubApi } from '../api/transport.ts';
import { useClubData } from '../state/clubData.ts';

const STRENGTH_COLOR = { zu_kurz: 'red', schwach: 'orange', mittel: 'yellow', stark: 'green' };

function dateTime(iso: string): string {
  return new Date(iso).toLocaleString('de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function SetupForm({
  status,
  onDone,
}: {
  status: BackupStatus;
  onDone: (next: BackupStatus) => void;
}) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState(status.folder ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const strength = passphraseStrength(passphrase);

  const save = async () => {
    if (passphrase !== repeat) {
      setErrors({ repeat: t('backup.repeatMismatch') });
      return;
    }
    setBusy(true);
    const result = await clubApi.configureBackup(folder, passphrase);
    setBusy(false);
    if (result.ok) {
      setErrors({});
      setPassphrase('');
      setRepeat('');
      onDone(result.value);
    } else setErrors(result.error.fields ?? { folder: result.error.message });
  };

  return (
    <Paper withBorder p="md" maw={640}>
      <Stack>
        <Text>{t('backup.setupIntro')}</Text>
        <TextInput
          label={t('backup.folder')}
          description={t('backup.folderHint')}
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          error={errors.folder}
          data-testid="backup-folder"
        />
        <PasswordInput
          label={t('backup.passphrase')}
          description={t('backup.passphraseHint')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          error={errors.passphrase}
          data-testid="backup-passphrase"
        />
        {passphrase !== '' && (
          <Group gap="xs">
            <Text size="sm">{t('backup.strength')}</Text>
            <Badge color={STRENGTH_COLOR[strength]} data-testid="backup-strength">
              {t(`backup.strengthLevel.${strength}`)}
            </Badge>
          </Group>
        )}
        <PasswordInput
          label={t('backup.repeat')}
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={errors.repeat}
          data-testid="backup-passphrase-repeat"
        />
        <Group>
          <Button onClick={() => void save()} loading={busy} data-testid="backup-setup">
            {t('backup.setup')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function VerifyRow({ name }: { name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    const answer = await clubApi.verifyBackup(name, passphrase);
    setBusy(false);
    setPassphrase('');
    if (answer.ok) {
      const members = answer.value.counts.members ?? 0;
      setResult({ ok: true, text: t('backup.verified', { count: members }) });
    } else setResult({ ok: false, text: answer.error.message });
  };
  if (!open)
    return (
      <Button
        size="xs"
        variant="light"
        onClick={() => setOpen(true)}
        data-testid="backup-verify-open"
      >
        {t('backup.verify')}
      </Button>
    );
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end">
        <PasswordInput
          size="xs"
          label={t('backup.passphrase')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          data-testid="backup-verify-passphrase"
        />
        <Button size="xs" onClick={() => void verify()} loading={busy} data-testid="backup-verify">
          {t('backup.verify')}
        </Button>
      </Group>
      {result && (
        <Text size="xs" c={result.ok ? 'green' : 'red'} data-testid="backup-verify-result">
          {result.text}
        </Text>
      )}
    </Stack>
  );
}

function RestoreButton({ name, createdAt }: { name: string; createdAt: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const restore = async () => {
    setBusy(true);
    const answer = await clubApi.restoreBackup(name, passphrase);
    setBusy(false);
    setPassphrase('');
    if (!answer.ok) {
      setError(answer.error.fields?.passphrase ?? answer.error.message);
      return;
    }
    setOpen(false);
    setError(null);
    setDone(
      t('backup.restored', {
        date: dateTime(answer.value.createdAt),
        previous: answer.value.previous,
      }),
    );
    await useClubData.getState().load({ quiet: true });
  };
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="orange"
        onClick={() => setOpen(true)}
        data-testid="backup-restore-open"
      >
        {t('backup.restore')}
      </Button>
      {done && (
        <Text size="xs" c="green" data-testid="backup-restore-result">
          {done}
        </Text>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('backup.restoreTitle')}>
        <Stack>
          <Text size="sm">{t('backup.restoreWarning', { date: dateTime(createdAt) })}</Text>
          <PasswordInput
            label={t('backup.passphrase')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={error}
            data-testid="backup-restore-passphrase"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('backup.cancel')}
            </Button>
            <Button
              color="orange"
              onClick={() => void restore()}
              loading={busy}
              data-testid="backup-restore"
            >
              {t('backup.restore')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function BackupPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await clubApi.backupStatus();
    if (result.ok) setStatus(result.value);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // While a backup runs, its progress is asked every 200 ms.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh(), 200);
    return () => clearInterval(timer);
  }, [running, refresh]);

  const backupNow = async () => {
    setRunning(true);
    setError(null);
    const result = await clubApi.backupNow();
    setRunning(false);
    if (result.ok) setStatus(result.value);
    else setError(result.error.message);
  };

  if (!status) return null;
  return (
    <Stack>
      <Title order={2}>{t('backup.title')}</Title>
      {status.reminder && (
        <Alert color="orange" title={t('backup.reminderTitle')} data-testid="backup-reminder">
          {status.lastBackupAt
            ? t('backup.reminderOld', { date: dateTime(status.lastBackupAt) })
            : t('backup.reminderNever')}
        </Alert>
      )}
      {!status.configured ? (
        <SetupForm status={status} onDone={setStatus} />
      ) : (
        <Paper withBorder p="md" maw={800}>
          <Stack>
            <Text>
              {t('backup.folder')}: <Code>{status.folder}</Code>
            </Text>
            <Text data-testid="backup-last">
              {status.lastBackupAt
                ? t('backup.last', { date: dateTime(status.lastBackupAt) })
                : t('backup.none')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('backup.automatic')}
            </Text>
            <Group>
              <Button onClick={() => void backupNow()} loading={running} data-testid="backup-now">
                {t('backup.now')}
              </Button>
            </Group>
            {running && (
              <Progress
                value={(status.progress ?? 0) * 100}
                animated
                aria-label={t('backup.progress')}
                data-testid="backup-progress"
              />
            )}
            {error && (
              <Alert color="red" data-testid="backup-error">
                {error}
              </Alert>
            )}
          </Stack>
        </Paper>
      )}
      {status.generations.length > 0 && (
        <Table striped maw={800} data-testid="backup-generations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backup.createdAt')}</Table.Th>
              <Table.Th>{t('backup.size')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {status.generations.map((g) => (
              <Table.Tr key={g.name}>
                <Table.Td>{dateTime(g.createdAt)}</Table.Td>
                <Table.Td>{formatMegabytes(g.bytes)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" align="flex-start">
                    <VerifyRow name={g.name} />
                    <RestoreButton name={g.name} createdAt={g.createdAt} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
