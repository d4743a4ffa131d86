/**
 * A long first sync in words: "12.400 von 57.562 Datensätzen" / "12,400 of 57,562 records",
 * numbers in the UI language's format.
 */
import type { TFunction } from 'i18next';
import type { PullProgress } from '../../../shared/api/sync.ts';

export function syncProgressText(t: TFunction, progress: PullProgress): string {
  return t('sync.progress', { received: progress.received, total: progress.total });
}

/** Share done, 0–100, for a progress bar. */
export function syncProgressPercent(progress: PullProgress): number {
  return progress.total > 0 ? Math.min(100, (progress.received / progress.total) * 100) : 0;
}
