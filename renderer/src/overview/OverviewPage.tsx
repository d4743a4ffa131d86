/**
 * "Übersicht", the start page (issue #24): what needs attention — honours due this year, round
 * birthdays and jubilees of the next weeks, overdue loans, instruments due for the workshop,
 * the last backup and the sync's problems. Each card respects the role's rights and says so
 * where it hides something; each entry leads to where it is dealt with.
 */
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../shared/domain/dates.ts';
import { runsDesktopWork } from '../web/webMode.ts';
import { BackupCard } from './BackupCard.tsx';
import { HonoursCard } from './HonoursCard.tsx';
import { LoansCard } from './LoansCard.tsx';
import { MaintenanceCard } from './MaintenanceCard.tsx';
import { OccasionsCard } from './OccasionsCard.tsx';
import { SyncCard } from './SyncCard.tsx';

export function OverviewPage() {
  const { t } = useTranslation();
  const [today] = useState(todayIso);
  return (
    <Stack gap="sm" style={{ overflow: 'auto' }} data-testid="overview">
      <Title order={1} size="h2">
        {t('overview.title')}
      </Title>
      <Text c="dimmed">{t('overview.intro')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        <HonoursCard today={today} />
        <OccasionsCard today={today} />
        <LoansCard today={today} />
        <MaintenanceCard today={today} />
        {runsDesktopWork() && <BackupCard />}
        {runsDesktopWork() && <SyncCard />}
      </SimpleGrid>
    </Stack>
  );
}
