/** The start page's honours due this year (or overdue), from the rules the club follows. */
import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUB_RECORD_ID } from '../../../shared/domain/club.ts';
import { clubRules } from '../../../shared/domain/honours/clubRules.ts';
import { honoursDue } from '../../../shared/domain/honours/honoursDue.ts';
import { memberDisplayName } from '../../../shared/domain/member.ts';
import { useNavigation } from '../app/navigation.ts';
import { useRights } from '../state/access.ts';
import { useClubData, valuesOf } from '../state/clubData.ts';
import { AttentionCard, ENTRIES_SHOWN } from './AttentionCard.tsx';

export function HonoursCard({ today }: { today: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'de';
  const go = useNavigation((s) => s.go);
  const rights = useRights();
  const club = useClubData((s) => s.club.get(CLUB_RECORD_ID));
  const membersMap = useClubData((s) => s.members);
  const honoursMap = useClubData((s) => s.honours);
  const year = Number(today.slice(0, 4));
  const { rules } = useMemo(() => clubRules(club), [club]);
  const readable = rights.may('honours', 'read');
  const birthDatesKnown = rights.mayReadSensitive('members');
  const allMembersVisible = rights.mayReadAll('members') && rights.mayReadAll('honours');
  const list = useMemo(
    () =>
      readable && rules.length > 0
        ? honoursDue({
            year,
            ceremonyDate: null,
            rules,
            members: valuesOf(membersMap),
            honours: valuesOf(honoursMap),
            birthDatesKnown,
            allMembersVisible,
            today,
          })
        : null,
    [readable, rules, year, membersMap, honoursMap, birthDatesKnown, allMembersVisible, today],
  );
  const items = list?.items.filter((item) => item.state !== 'waiting') ?? [];
  const entries = items.slice(0, ENTRIES_SHOWN).map((item) => {
    const member = membersMap.get(item.memberId);
    const params = {
      member: member ? memberDisplayName(member) : '',
      honour: item.level.name[language],
      years: item.level.years,
      year: item.reachedIn,
    };
    return {
      key: `${item.memberId}/${item.ruleId}/${item.level.years}`,
      text: t(`overview.honours.${item.state === 'overdue' ? 'overdue' : 'due'}`, params),
      open: () => go('honoursDue'),
    };
  });
  const title = t('overview.honours.title', { year });
  if (!readable || rules.length === 0)
    return (
      <AttentionCard
        testId="overview-honours"
        title={title}
        lines={[
          readable
            ? t('overview.honours.noRules')
            : t('overview.notAllowed', { what: t('rights.what.honours') }),
        ]}
        action={
          readable
            ? { label: t('overview.honours.chooseRules'), onClick: () => go('club') }
            : undefined
        }
      />
    );
  return (
    <AttentionCard
      testId="overview-honours"
      title={title}
      count={items.length}
      tone={items.length > 0 || !list?.complete ? 'attention' : 'ok'}
      entries={entries}
      emptyText={t('overview.honours.none', { year })}
      onShowAll={() => go('honoursDue')}
    >
      {list && !list.complete && (
        <Text size="sm" c="orange.9" data-testid="overview-honours-incomplete">
          {t('overview.honours.incomplete')}
        </Text>
      )}
    </AttentionCard>
  );
}
