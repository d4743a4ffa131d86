/**
 * "Abgleich": connect this profile with the club server (address + one-time code from the IT
 * officer), see how the sync stands, and work through "Konflikte & Ablehnungen".
 */
import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflictEntry } from '../../../shared/api/sync.ts';
import type { EntityName } from '../../../shared/domain/entities.ts';
import { clubApi } from '../api/transport.ts';
import { errorText, fieldTexts, messageText } from '../i18n/messageText.ts';
import { useClubData } from '../state/clubData.ts';
import { fieldLabel } from './fieldLabel.ts';
import { RejectionPanel } from './rejectedChanges.tsx';
import { SyncProgress } from './SyncProgress.tsx';
import { useSyncState } from './syncState.ts';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function ConnectForm() {
  const { t } = useTranslation();
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const refresh = useSyncState((s) => s.refresh);

  const connect = async () => {
    setBusy(true);
    const result = await clubApi.connectServer(serverUrl, code);
    setBusy(false);
    if (result.ok) {
      setErrors({});
      await refresh();
      await useClubData.getState().load({ quiet: true });
    } else
      setErrors(
        result.error.fields ? fieldTexts(result.error.fields) : { code: errorText(result.error) },
      );
  };

  return (
    <Paper withBorder p="md" maw={640}>
      <Stack>
        <Text>{t('sync.connectIntro')}</Text>
        <TextInput
          label={t('sync.serverUrl')}
          placeholder={t('sync.serverUrlExample')}
          value={serverUrl}
          onChange={(e) => setServerUrl(e.currentTarget.value)}
          error={errors.serverUrl}
          data-testid="sync-server-url"
        />
        <TextInput
          label={t('sync.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.code}
          data-testid="sync-code"
        />
        <Group>
          <Button onClick={() => void connect()} loading={busy} data-testid="sync-connect">
            {t('sync.connect')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ConflictRow({ entry }: { entry: SyncConflictEntry }) {
  const { t } = useTranslation();
  const refreshJournal = useSyncState((s) => s.refreshJournal);
  const dismiss = async () => {
    await clubApi.dismissSyncEntry('conflict', entry.key);
    await refreshJournal();
  };
  const reapply = async () => {
    const entity = entry.entity as EntityName;
    const current = await clubApi.get(entity, entry.recordId);
    if (!current.ok) return;
    const saved = await useClubData
      .getState()
      .save(entity, { ...current.value, [entry.field]: entry.localValue } as never);
    if (saved.ok) await dismiss();
  };
  return (
    <Table.Tr>
      <Table.Td>{t(`entities.${entry.entity}.one`, { defaultValue: entry.entity })}</Table.Td>
      <Table.Td>{fieldLabel(t, entry.entity, entry.field)}</Table.Td>
      <Table.Td>{show(entry.localValue)}</Table.Td>
      <Table.Td>{show(entry.remoteValue)}</Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => void reapply()}>
            {t('sync.reapply')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => void dismiss()}>
            {t('sync.dismiss')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function SyncPage() {
  const { t } = useTranslation();
  const status = useSyncState((s) => s.status);
  const journal = useSyncState((s) => s.journal);
  const refresh = useSyncState((s) => s.refresh);
  const refreshJournal = useSyncState((s) => s.refreshJournal);
  const [busy, setBusy] = useState(false);

  const syncNow = async () => {
    setBusy(true);
    await clubApi.syncNow();
    await refresh();
    await refreshJournal();
    setBusy(false);
  };

  return (
    <Stack style={{ overflow: 'auto' }}>
      <Title order={1} size="h2">
        {t('sync.title')}
      </Title>
      {!status || status.phase === 'unconnected' ? (
        <ConnectForm />
      ) : (
        <Paper withBorder p="md">
          <Group justify="space-between">
            <Stack gap={4}>
              <Text>
                {t('sync.connectedTo')} <b>{status.server}</b>
              </Text>
              <Group gap="xs">
                <Badge
                  color={
                    status.phase === 'synced'
                      ? 'green'
                      : status.phase === 'problem'
                        ? 'red'
                        : status.phase === 'stopped'
                          ? 'gray'
                          : 'orange'
                  }
                >
                  {t(`sync.badge.${status.phase}`)}
                </Badge>
                {status.live && <Badge variant="light">{t('sync.live')}</Badge>}
              </Group>
              {status.message && <Text size="sm">{messageText(status.message)}</Text>}
              {status.phase === 'stopped' && (
                <Text size="sm" data-testid="sync-stopped">
                  {t('sync.stoppedHint')}
                </Text>
              )}
            </Stack>
            <Button onClick={() => void syncNow()} loading={busy} data-testid="sync-now">
              {t('sync.now')}
            </Button>
          </Group>
          {status.progress && <SyncProgress progress={status.progress} />}
        </Paper>
      )}

      <Title order={2} size="h3">
        {t('sync.journalTitle')}
      </Title>
      {status && journal.conflicts.length === 0 && journal.rejections.length === 0 && (
        <Text c="dimmed" data-testid="sync-journal-empty">
          {status.phase === 'unconnected'
            ? t('sync.journalUnconnected')
            : status.pending > 0
              ? t('sync.journalEmptyPending', { count: status.pending })
              : t('sync.journalEmpty')}
        </Text>
      )}
      {journal.rejections.length > 0 && (
        <Stack data-testid="sync-rejections">
          <Text fw={600}>{t('sync.rejections')}</Text>
          {journal.rejections.map((r) => (
            <Stack key={r.key} gap={4}>
              <Text size="sm">
                {r.records
                  .map(
                    (rec) =>
                      `${t(`entities.${rec.entity}.one`, { defaultValue: rec.entity })}: ${rec.fields.map((f) => fieldLabel(t, rec.entity, f)).join(', ')}`,
                  )
                  .join(' · ')}
              </Text>
              <RejectionPanel rejection={r} />
            </Stack>
          ))}
        </Stack>
      )}
      {journal.conflicts.length > 0 && (
        <Stack data-testid="sync-conflicts">
          <Text fw={600}>{t('sync.conflicts')}</Text>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sync.record')}</Table.Th>
                <Table.Th>{t('sync.field')}</Table.Th>
                <Table.Th>{t('sync.yourValue')}</Table.Th>
                <Table.Th>{t('sync.currentValue')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {journal.conflicts.map((c) => (
                <ConflictRow key={c.key} entry={c} />
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
