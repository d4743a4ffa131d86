/**
 * Round birthdays and membership jubilees of the next weeks, of members who consented to their
 * publication; how many more there are without consent is said. A role without birth dates
 * sees the jubilees and is told why.
 */
import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanDate } from '../../../shared/domain/dates.ts';
import { memberDisplayName } from '../../../shared/domain/member.ts';
import { occasionsBetween } from '../../../shared/domain/reports/birthdays.ts';
import { useNavigation } from '../app/navigation.ts';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { AttentionCard, ENTRIES_SHOWN } from './AttentionCard.tsx';

export const OCCASION_WEEKS = 4;

function inDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function OccasionsCard({ today }: { today: string }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const rights = useRights();
  const membersMap = useClubData((s) => s.members);
  const birthdaysKnown = rights.mayReadSensitive('members');
  const until = inDays(today, OCCASION_WEEKS * 7 - 1);
  const list = useMemo(
    () => occasionsBetween(valuesOf(membersMap), today, until, birthdaysKnown, today),
    [membersMap, today, until, birthdaysKnown],
  );
  const entries = list.occasions.slice(0, ENTRIES_SHOWN).map((occasion) => {
    const member = membersMap.get(occasion.memberId);
    return {
      key: `${occasion.memberId}/${occasion.kind}`,
      text: t(`overview.occasions.${occasion.kind}`, {
        date: formatGermanDate(occasion.date),
        member: member ? memberDisplayName(member) : '',
        years: occasion.years,
      }),
      open: () => go('members', { entity: 'members', id: occasion.memberId }),
    };
  });
  return (
    <AttentionCard
      testId="overview-occasions"
      title={t('overview.occasions.title', { weeks: OCCASION_WEEKS })}
      count={list.occasions.length}
      tone={entries.length > 0 ? 'attention' : 'ok'}
      entries={entries}
      emptyText={t('overview.occasions.none', { date: formatGermanDate(until) })}
      onShowAll={() => go('birthdays')}
    >
      {list.withoutConsent > 0 && (
        <Text size="sm" c="dimmed">
          {t('overview.occasions.withoutConsent', { count: list.withoutConsent })}
        </Text>
      )}
      {!birthdaysKnown && (
        <Text size="sm" c="dimmed">
          {t('overview.occasions.jubileesOnly')}
        </Text>
      )}
    </AttentionCard>
  );
}
