/**
 * How the sync stands: problems and an offline server in words, changes the club server refused
 * and conflicts waiting to be looked at, and what has not gone out yet — with the way to
 * "Abgleich", where each is dealt with.
 */
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/navigation.ts';
import { dateTime } from '../components/dateTime.ts';
import { messageText } from '../i18n/messageText.ts';
import { syncProgressText } from '../sync/syncProgressText.ts';
import { useSyncState } from '../sync/syncState.ts';
import { AttentionCard, type Tone } from './AttentionCard.tsx';

export function SyncCard() {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const status = useSyncState((s) => s.status);
  const journal = useSyncState((s) => s.journal);
  const lines: string[] = [];
  let tone: Tone = 'neutral';
  if (status?.phase === 'unconnected') lines.push(t('overview.sync.unconnected'));
  else if (status) {
    const time = status.lastSync ? dateTime(status.lastSync) : '';
    lines.push(
      status.phase === 'synced'
        ? t('overview.sync.ok', { time })
        : t(`sync.phase.${status.phase}`, {
            time,
            message: status.message ? messageText(status.message) : '',
          }),
    );
    if (status.progress) lines.push(syncProgressText(t, status.progress));
    if (status.clockBehind) lines.push(t('sync.clockBehind'));
    if (status.pending > 0) lines.push(t('overview.sync.pending', { count: status.pending }));
    tone =
      status.phase === 'problem' || status.clockBehind
        ? 'problem'
        : status.phase === 'offline' || status.phase === 'stopped'
          ? 'attention'
          : 'ok';
  }
  const rejections = journal.rejections.length;
  const conflicts = journal.conflicts.length;
  if (rejections > 0) lines.push(t('overview.sync.rejections', { count: rejections }));
  if (conflicts > 0) lines.push(t('overview.sync.conflicts', { count: conflicts }));
  if (rejections > 0) tone = 'problem';
  else if (conflicts > 0 && tone !== 'problem') tone = 'attention';
  return (
    <AttentionCard
      testId="overview-sync"
      title={t('overview.sync.title')}
      count={rejections + conflicts > 0 ? rejections + conflicts : null}
      tone={tone}
      lines={lines}
      action={{ label: t('overview.sync.manage'), onClick: () => go('sync') }}
    />
  );
}
