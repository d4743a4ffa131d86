/**
 * Changes the server refused stay in view until the person deals with them: a mark in the
 * lists, and — in the record's dialog and on the sync page — the reason in the UI's language
 * with "Erneut senden" (once the cause is fixed) and "Verwerfen" (back to the server's state).
 */
import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRejectionEntry } from '../../../shared/api/sync.ts';
import { clubApi } from '../api/transport.ts';
import { i18next } from '../i18n/index.ts';
import { errorText, messageKey, messageText } from '../i18n/messageText.ts';
import { useClubData } from '../state/clubData.ts';
import { useSyncState } from './syncState.ts';

/**
 * The reason in the UI's language, from its key; the server's German text where the key is
 * unknown (an older server) and the UI speaks German, a general sentence otherwise.
 */
export function rejectionReason(t: TFunction, language: string, entry: SyncRejectionEntry): string {
  const fallback = language.startsWith('de') ? entry.reason : t('reasons.unknown');
  if (!entry.reasonKey || !i18next.exists(messageKey(entry.reasonKey))) return fallback;
  const params = entry.reasonParams;
  // The clock refusal names seconds; the sentence says minutes.
  const minutes = typeof params.seconds === 'number' ? Math.round(params.seconds / 60) : undefined;
  return messageText({
    key: entry.reasonKey,
    params: minutes === undefined ? params : { ...params, minutes },
  });
}

/** The unresolved rejection touching this record, if any. */
export function useRejectionOf(entity: string, id: string | undefined): SyncRejectionEntry | null {
  const rejections = useSyncState((s) => s.journal.rejections);
  if (!id) return null;
  return (
    rejections.find((r) => r.records.some((rec) => rec.entity === entity && rec.id === id)) ?? null
  );
}

/** A small mark beside a record in a list. */
export function RejectedMark({ entity, id }: { entity: string; id: string }) {
  const { t } = useTranslation();
  const rejection = useRejectionOf(entity, id);
  if (!rejection) return null;
  return (
    <Badge color="red" variant="light" size="sm" ml="xs" data-testid="rejected-mark">
      {t('rejected.mark')}
    </Badge>
  );
}

/** Why the server refused the change, and what the person can do about it. */
export function RejectionPanel({
  rejection,
  onDone,
}: {
  rejection: SyncRejectionEntry;
  onDone?: (action: 'resend' | 'discard') => void;
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<'resend' | 'discard' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: 'resend' | 'discard') => {
    setBusy(action);
    const result = await clubApi.resolveRejection(rejection.key, action);
    setBusy(null);
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    await useClubData.getState().load({ quiet: true });
    await useSyncState.getState().refreshJournal();
    if (action === 'resend') void clubApi.syncNow().then(() => useSyncState.getState().refresh());
    onDone?.(action);
  };
  return (
    <Alert color="red" title={t('rejected.title')} data-testid="rejection-panel">
      <Text size="sm" data-testid="rejection-reason">
        {rejectionReason(t, i18n.language, rejection)}
      </Text>
      <Text size="sm" mt="xs">
        {t('rejected.explain')}
      </Text>
      {error && (
        <Text size="sm" c="red.9" mt="xs" role="alert">
          {error}
        </Text>
      )}
      <Group mt="sm" gap="xs">
        <Button
          size="xs"
          onClick={() => void act('resend')}
          loading={busy === 'resend'}
          data-testid="rejection-resend"
        >
          {t('rejected.resend')}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => void act('discard')}
          loading={busy === 'discard'}
          data-testid="rejection-discard"
        >
          {t('rejected.discard')}
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * The panel for the record a dialog shows, when a change of it was refused. Discarding puts the
 * record back to the server's state (or removes it, if the server never had it), so the dialog,
 * which still holds the refused values, closes.
 */
export function RecordRejection({
  entity,
  id,
  onDiscarded,
}: {
  entity: string;
  id: string | undefined;
  onDiscarded: () => void;
}) {
  const rejection = useRejectionOf(entity, id);
  if (!rejection) return null;
  return (
    <RejectionPanel
      rejection={rejection}
      onDone={(action) => {
        if (action === 'discard') onDiscarded();
      }}
    />
  );
}
