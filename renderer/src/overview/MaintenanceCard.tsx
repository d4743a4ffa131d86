/**
 * Instruments that need the workshop: marked for repair or broken, or their service interval
 * runs out within the lead time. Each leads to the instrument's maintenance.
 */
import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGermanDate } from '../../../shared/domain/dates.ts';
import {
  MAINTENANCE_LEAD_DAYS,
  type MaintenanceDue,
  maintenanceDue,
} from '../../../shared/domain/overview/maintenanceDue.ts';
import { useNavigation } from '../app/navigation.ts';
import { useRights } from '../state/access.ts';
import { useClubData } from '../state/clubData.ts';
import { AttentionCard, ENTRIES_SHOWN } from './AttentionCard.tsx';
import { instrumentName } from './instrumentName.ts';

export function MaintenanceCard({ today }: { today: string }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const rights = useRights();
  const instrumentsMap = useClubData((s) => s.instruments);
  const maintenanceMap = useClubData((s) => s.maintenance);
  // Without the services, every interval would look run out: only repairs are listed then.
  const servicesKnown = rights.may('maintenance', 'read');
  const due = useMemo(
    () =>
      maintenanceDue(instrumentsMap.values(), maintenanceMap.values(), today).filter(
        (item) => servicesKnown || item.kind === 'repair',
      ),
    [instrumentsMap, maintenanceMap, today, servicesKnown],
  );
  const title = t('overview.maintenance.title');
  if (!rights.may('instruments', 'read'))
    return (
      <AttentionCard
        testId="overview-maintenance"
        title={title}
        lines={[t('overview.notAllowed', { what: t('overview.maintenance.what') })]}
      />
    );
  const text = (item: MaintenanceDue) => {
    const instrument = instrumentName(instrumentsMap.get(item.instrumentId));
    switch (item.kind) {
      case 'repair':
        return t('overview.maintenance.repair', {
          instrument,
          condition: t(`values.instruments.condition.${item.condition}`),
        });
      case 'neverMaintained':
        return t('overview.maintenance.never', { instrument });
      case 'interval':
        return t(`overview.maintenance.${item.overdue ? 'overdue' : 'due'}`, {
          instrument,
          date: formatGermanDate(item.dueOn),
        });
    }
  };
  const entries = due.slice(0, ENTRIES_SHOWN).map((item) => ({
    key: item.instrumentId,
    text: text(item),
    open: () =>
      go('instruments', {
        entity: 'instruments',
        id: item.instrumentId,
        tab: item.kind === 'repair' ? 'data' : 'maintenance',
      }),
  }));
  const urgent = due.some((item) => item.kind !== 'interval' || item.overdue);
  return (
    <AttentionCard
      testId="overview-maintenance"
      title={title}
      count={due.length}
      tone={urgent ? 'problem' : entries.length > 0 ? 'attention' : 'ok'}
      entries={entries}
      emptyText={t('overview.maintenance.none', { days: MAINTENANCE_LEAD_DAYS })}
      onShowAll={() => go('instruments')}
    >
      <Text size="xs" c="dimmed">
        {servicesKnown ? t('overview.maintenance.hint') : t('overview.maintenance.servicesHidden')}
      </Text>
    </AttentionCard>
  );
}
