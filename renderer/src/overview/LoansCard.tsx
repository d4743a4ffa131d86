/** Loans past their due date; each leads to the instrument's loans. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanDate } from '../../../shared/domain/dates.ts';
import { memberDisplayName } from '../../../shared/domain/member.ts';
import { overdueLoans } from '../../../shared/domain/overview/overdueLoans.ts';
import { useNavigation } from '../app/navigation.ts';
import { useRights } from '../state/access.ts';
import { useClubData } from '../state/clubData.ts';
import { AttentionCard, ENTRIES_SHOWN } from './AttentionCard.tsx';
import { instrumentName } from './instrumentName.ts';

export function LoansCard({ today }: { today: string }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const rights = useRights();
  const loansMap = useClubData((s) => s.loans);
  const instrumentsMap = useClubData((s) => s.instruments);
  const membersMap = useClubData((s) => s.members);
  const overdue = useMemo(() => overdueLoans(loansMap.values(), today), [loansMap, today]);
  const title = t('overview.loans.title');
  if (!rights.may('loans', 'read'))
    return (
      <AttentionCard
        testId="overview-loans"
        title={title}
        lines={[t('overview.notAllowed', { what: t('overview.loans.what') })]}
      />
    );
  // A role may see loans (its own, say) without the instruments: the entry says so and leads
  // to the member instead, or nowhere.
  const entries = overdue.slice(0, ENTRIES_SHOWN).map((loan) => {
    const member = membersMap.get(loan.memberId);
    const instrument = instrumentsMap.get(loan.instrumentId);
    return {
      key: loan.id,
      text: t('overview.loans.entry', {
        instrument: instrument ? instrumentName(instrument) : t('overview.loans.instrumentHidden'),
        member: member ? memberDisplayName(member) : t('overview.loans.memberHidden'),
        date: formatGermanDate(loan.dueOn),
      }),
      open: instrument
        ? () => go('instruments', { entity: 'instruments', id: loan.instrumentId, tab: 'loans' })
        : member
          ? () => go('members', { entity: 'members', id: loan.memberId })
          : undefined,
    };
  });
  return (
    <AttentionCard
      testId="overview-loans"
      title={title}
      count={overdue.length}
      tone={entries.length > 0 ? 'problem' : 'ok'}
      entries={entries}
      emptyText={t('overview.loans.none')}
      onShowAll={() => go('instruments')}
    />
  );
}
