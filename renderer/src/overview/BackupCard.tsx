/**
 * The last backup and its age, asked from the core when the start page opens: a backup that is
 * old, missing, failing or not set up is said in words, with the way to the backup page.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../shared/api/backup.ts';
import type { ApiError } from '../../../shared/api/result.ts';
import { clubApi } from '../api/transport.ts';
import { useNavigation } from '../app/navigation.ts';
import { dateTime } from '../components/dateTime.ts';
import { errorText, messageText } from '../i18n/messageText.ts';
import { AttentionCard, type Tone } from './AttentionCard.tsx';

/** Whole calendar days between the backup and now, in local time. */
export function daysSince(iso: string, now: Date = new Date()): number {
  const then = new Date(iso);
  const midnight = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  return Math.max(0, Math.round((midnight(now) - midnight(then)) / 86_400_000));
}

export function BackupCard() {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  useEffect(() => {
    let current = true;
    void clubApi.backupStatus().then((result) => {
      if (!current) return;
      if (result.ok) setStatus(result.value);
      else setFailure(result.error);
    });
    return () => {
      current = false;
    };
  }, []);

  const lines: string[] = [];
  let tone: Tone = 'neutral';
  if (failure) {
    lines.push(t('overview.backup.unknown', { message: errorText(failure) }));
    tone = 'problem';
  } else if (!status) {
    lines.push(t('overview.backup.asking'));
  } else {
    const last = status.lastBackupAt;
    if (last) {
      const days = daysSince(last);
      const age =
        days === 0
          ? t('overview.backup.age.today')
          : t('overview.backup.age.days', { count: days });
      lines.push(t('overview.backup.last', { date: dateTime(last), age }));
    } else lines.push(t('overview.backup.never'));
    if (!status.configured) lines.push(t('overview.backup.notConfigured'));
    if (last && status.reminder) lines.push(t('overview.backup.old'));
    if (status.automaticError)
      lines.push(t('overview.backup.failed', { message: messageText(status.automaticError) }));
    tone =
      status.automaticError || status.reminder
        ? 'problem'
        : !status.configured
          ? 'attention'
          : 'ok';
  }
  return (
    <AttentionCard
      testId="overview-backup"
      title={t('overview.backup.title')}
      tone={tone}
      lines={lines}
      action={{ label: t('overview.backup.manage'), onClick: () => go('backup') }}
    />
  );
}
