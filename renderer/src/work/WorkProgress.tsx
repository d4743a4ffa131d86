/**
 * Long work on screen (issue #26): its progress with an accessible label, where it stands in
 * words, and "Abbrechen" beside it while stopping is safe. Whether the work was cancelled is
 * said by the work's own answer, at its place; here only a refused cancel is said.
 */
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupWork, BackupWorkView, CancellableWork } from '../../../shared/api/work.ts';
import { clubApi } from '../api/transport.ts';
import { errorText } from '../i18n/messageText.ts';
import { useSyncState } from '../sync/syncState.ts';

/** The backup, verification or restore of that kind under way, from the status event. */
export function useBackupWork(kind: BackupWork): BackupWorkView | null {
  return useSyncState((s) => s.app?.backup.works.find((w) => w.work === kind) ?? null);
}

export function WorkProgress({
  work,
  share,
  text,
  cancellable = true,
  testId,
}: {
  work: CancellableWork;
  /** Share done, 0…1. */
  share: number;
  /** Where the work stands, in words. */
  text: string | null;
  cancellable?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [cancelling, setCancelling] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const cancel = async () => {
    setCancelling(true);
    const answer = await clubApi.cancelWork(work);
    if (answer.ok) return; // the work's own answer says it stopped
    setCancelling(false);
    // Ended meanwhile: its own answer says how; nothing to add.
    if (answer.error.reason !== 'no_work_to_cancel') setRefusal(errorText(answer.error));
  };
  return (
    <Stack gap={4} maw={560} data-testid={`work-${work}`}>
      {text && (
        <Text size="sm" aria-live="polite" data-testid={`work-${work}-stage`}>
          {text}
        </Text>
      )}
      <Group gap="sm" wrap="nowrap">
        <Progress
          value={Math.round(share * 100)}
          animated
          aria-label={t(`work.progress.${work}`)}
          data-testid={testId ?? `work-${work}-progress`}
          style={{ flex: 1 }}
        />
        {cancellable ? (
          <Button
            size="xs"
            variant="default"
            onClick={() => void cancel()}
            loading={cancelling}
            aria-label={t(`work.cancelNamed.${work}`)}
            data-testid={`work-${work}-cancel`}
          >
            {t('work.cancel')}
          </Button>
        ) : (
          <Text size="xs" c="dimmed" data-testid={`work-${work}-not-cancellable`}>
            {t('work.notCancellable')}
          </Text>
        )}
      </Group>
      {refusal && (
        <Text size="sm" c="red" role="alert">
          {refusal}
        </Text>
      )}
    </Stack>
  );
}

/** A work's answer that says it was cancelled on request. */
export function wasCancelled(error: { reason?: string }): boolean {
  return error.reason === 'work_cancelled';
}
