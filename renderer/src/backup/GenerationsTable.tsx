/**
 * The generations in the backup folder, newest first: when, why (automatic, by hand, before
 * an import or a restore), how long each is kept, its size; each can be verified and restored,
 * and one made by hand or for safety can be deleted after asking.
 */
import {
  Button,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BackupGenerationView,
  BackupStatus,
  RestoredBackupView,
} from '../../../shared/api/backup.ts';
import { formatFileSize } from '../../../shared/domain/sizes.ts';
import { clubApi } from '../api/transport.ts';
import { dateOnly, dateTime } from '../components/dateTime.ts';
import { errorText, messageText } from '../i18n/messageText.ts';
import { useBackupWork, WorkProgress, wasCancelled } from '../work/WorkProgress.tsx';

function VerifyButton({ name }: { name: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [result, setResult] = useState<{
    outcome: 'ok' | 'failed' | 'cancelled';
    text: string;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const work = useBackupWork('verify');
  const verify = async () => {
    setBusy(true);
    setResult(null);
    const answer = await clubApi.verifyBackup(name, passphrase);
    setBusy(false);
    setPassphrase('');
    if (answer.ok) {
      const members = answer.value.counts.members ?? 0;
      setResult({ outcome: 'ok', text: t('backup.verified', { count: members }) });
    } else
      setResult({
        outcome: wasCancelled(answer.error) ? 'cancelled' : 'failed',
        text: errorText(answer.error),
      });
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
      {busy && (
        <WorkProgress
          work="verify"
          share={work?.progress ?? 0}
          text={work ? t(`work.stage.${work.stage}`) : null}
        />
      )}
      {result && (
        <Text
          size="xs"
          c={{ ok: 'green', failed: 'red', cancelled: 'dimmed' }[result.outcome]}
          role="status"
          data-testid="backup-verify-result"
        >
          {result.text}
        </Text>
      )}
    </Stack>
  );
}

function RestoreButton({
  generation,
  onRestored,
}: {
  generation: BackupGenerationView;
  onRestored: (restored: RestoredBackupView) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** The restore was cancelled before it replaced anything: said in the dialog. */
  const [cancelled, setCancelled] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const work = useBackupWork('restore');
  const restore = async () => {
    setBusy(true);
    setCancelled(null);
    setError(null);
    const answer = await clubApi.restoreBackup(generation.name, passphrase);
    setBusy(false);
    setPassphrase('');
    if (!answer.ok && wasCancelled(answer.error)) {
      setCancelled(errorText(answer.error));
      return;
    }
    if (!answer.ok) {
      setError(
        answer.error.fields?.passphrase
          ? messageText(answer.error.fields.passphrase)
          : errorText(answer.error),
      );
      return;
    }
    setOpen(false);
    setError(null);
    onRestored(answer.value);
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
      {/* While it runs the dialog stays: stopping is the progress's "Abbrechen", not closing. */}
      <Modal
        opened={open}
        onClose={() => {
          if (!busy) setOpen(false);
        }}
        title={t('backup.restoreTitle')}
      >
        <Stack>
          <Text size="sm">
            {t('backup.restoreWarning', { date: dateTime(generation.createdAt) })}
          </Text>
          <PasswordInput
            label={t('backup.passphrase')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={error}
            data-testid="backup-restore-passphrase"
          />
          {busy && (
            <WorkProgress
              work="restore"
              share={work?.progress ?? 0}
              text={work ? t(`work.stage.${work.stage}`) : null}
              cancellable={work?.cancellable ?? true}
            />
          )}
          {cancelled && (
            <Text size="sm" role="status" data-testid="backup-restore-cancelled">
              {cancelled}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)} disabled={busy}>
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

/** A deleted backup cannot come back: asked in the row, "Abbrechen" first in tab order. */
function DeleteButton({
  generation,
  onDeleted,
}: {
  generation: BackupGenerationView;
  onDeleted: (next: BackupStatus) => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    const answer = await clubApi.deleteBackup(generation.name);
    setBusy(false);
    if (answer.ok) onDeleted(answer.value);
    else setError(errorText(answer.error));
  };
  if (!asking)
    return (
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => setAsking(true)}
        data-testid="backup-delete-open"
      >
        {t('backup.delete')}
      </Button>
    );
  return (
    <Stack gap={4} role="alertdialog" aria-label={t('backup.deleteQuestion')}>
      <Text size="xs">{t('backup.deleteQuestion')}</Text>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() => setAsking(false)}
          data-testid="backup-delete-cancel"
          data-autofocus
        >
          {t('backup.cancel')}
        </Button>
        <Button
          size="xs"
          color="red"
          onClick={() => void remove()}
          loading={busy}
          data-testid="backup-delete"
        >
          {t('backup.deleteConfirm')}
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

export function GenerationsTable({
  generations,
  onChanged,
  onRestored,
}: {
  generations: BackupGenerationView[];
  onChanged: (next: BackupStatus) => void;
  onRestored: (restored: RestoredBackupView) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table striped maw={1000} data-testid="backup-generations">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('backup.createdAt')}</Table.Th>
          <Table.Th>{t('backup.kindColumn')}</Table.Th>
          <Table.Th>{t('backup.keptColumn')}</Table.Th>
          <Table.Th>{t('backup.size')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('backup.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {generations.map((g) => (
          <Table.Tr key={g.name}>
            <Table.Td>{dateTime(g.createdAt)}</Table.Td>
            <Table.Td data-testid="backup-kind">{t(`backup.kind.${g.kind}`)}</Table.Td>
            <Table.Td data-testid="backup-kept">
              {g.keptUntil
                ? t('backup.keptUntil', { date: dateOnly(g.keptUntil) })
                : t('backup.keptByRotation')}
            </Table.Td>
            <Table.Td>{formatFileSize(g.bytes, i18n.language === 'en' ? 'en' : 'de')}</Table.Td>
            <Table.Td>
              <Group gap="xs" align="flex-start">
                <VerifyButton name={g.name} />
                <RestoreButton generation={g} onRestored={onRestored} />
                {g.kind !== 'automatic' && <DeleteButton generation={g} onDeleted={onChanged} />}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
