/**
 * A fresh device's first sync under way: how many of how many records have arrived, as a bar
 * with an accessible name and in words, and the way to stop it (what arrived stays).
 */
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PullProgress } from '../../../shared/api/sync.ts';
import { clubApi } from '../api/transport.ts';
import { syncProgressPercent, syncProgressText } from './syncProgressText.ts';
import { useSyncState } from './syncState.ts';

export function SyncProgress({ progress }: { progress: PullProgress }) {
  const { t } = useTranslation();
  const show = useSyncState((s) => s.show);
  const [stopping, setStopping] = useState(false);
  const text = syncProgressText(t, progress);

  const stop = async () => {
    setStopping(true);
    try {
      const result = await clubApi.cancelSync();
      if (result.ok) show(result.value);
    } finally {
      setStopping(false);
    }
  };

  return (
    <Stack gap={4} data-testid="sync-progress">
      <Progress.Root>
        {/* The section is the progressbar: it carries the name. */}
        <Progress.Section
          value={Math.round(syncProgressPercent(progress))}
          aria-label={t('sync.progressLabel')}
        />
      </Progress.Root>
      <Group justify="space-between">
        <Text size="sm" aria-live="polite" data-testid="sync-progress-text">
          {text}
        </Text>
        <Button
          size="xs"
          variant="default"
          onClick={() => void stop()}
          loading={stopping}
          data-testid="sync-stop"
        >
          {t('sync.stop')}
        </Button>
      </Group>
    </Stack>
  );
}
