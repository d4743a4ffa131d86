import {
  Alert,
  AppShell,
  Button,
  Center,
  Group,
  Loader,
  NavLink,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followCoreRestarts, lacksAccessKey, onEventsRefused } from '../api/transport.ts';
import { BackupPage } from '../backup/BackupPage.tsx';
import { ClubPage } from '../club/ClubPage.tsx';
import { EventsPage } from '../events/EventsPage.tsx';
import { HonoursDuePage } from '../honours/HonoursDuePage.tsx';
import { HonoursPage } from '../honours/HonoursPage.tsx';
import { ImportPage } from '../import/ImportPage.tsx';
import { InstrumentsPage } from '../instruments/InstrumentsPage.tsx';
import { MembersPage } from '../members/MembersPage.tsx';
import { OverviewPage } from '../overview/OverviewPage.tsx';
import { RegistersPage } from '../registers/RegistersPage.tsx';
import { BirthdaysPage } from '../reports/BirthdaysPage.tsx';
import { StrengthReportPage } from '../reports/StrengthReportPage.tsx';
import { useClubData } from '../state/clubData.ts';
import { SyncPage } from '../sync/SyncPage.tsx';
import { useSyncState } from '../sync/syncState.ts';
import { AccountPage } from '../web/AccountPage.tsx';
import { WebApp } from '../web/WebApp.tsx';
import { OfflineNotice, WebHeader } from '../web/WebHeader.tsx';
import { WebStatusBar } from '../web/WebStatusBar.tsx';
import { isWebApp } from '../web/webMode.ts';
import { CoreHostNotice } from './CoreHostNotice.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';
import { type Page, pagesOf, useNavigation } from './navigation.ts';
import { PageErrorBoundary } from './PageErrorBoundary.tsx';
import { StatusBar } from './StatusBar.tsx';

// The charts' library is loaded when the statistics are first opened, not with the start page.
const StatisticsPage = lazy(() =>
  import('../statistics/StatisticsPage.tsx').then((m) => ({ default: m.StatisticsPage })),
);

const PAGES: Record<Page, React.ComponentType> = {
  overview: OverviewPage,
  members: MembersPage,
  registers: RegistersPage,
  instruments: InstrumentsPage,
  events: EventsPage,
  honours: HonoursPage,
  honoursDue: HonoursDuePage,
  birthdays: BirthdaysPage,
  staerkemeldung: StrengthReportPage,
  statistics: StatisticsPage,
  club: ClubPage,
  sync: SyncPage,
  backup: BackupPage,
  import: ImportPage,
  account: AccountPage,
};

/** In a browser opened without the printed address: say how to get in, load nothing. */
function AccessNeeded() {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh" p="md" component="main">
      <Stack maw={560}>
        <Title order={1} size="h2">
          {t('access.neededTitle')}
        </Title>
        <Text>{t('access.neededText')}</Text>
      </Stack>
    </Center>
  );
}

export function App() {
  if (isWebApp())
    return (
      <WebApp>
        <ClubApp />
      </WebApp>
    );
  return lacksAccessKey() ? <AccessNeeded /> : <ClubApp />;
}

function ClubApp() {
  const { t } = useTranslation();
  const web = isWebApp();
  const loadState = useClubData((s) => s.loadState);
  const loadError = useClubData((s) => s.loadError);
  const load = useClubData((s) => s.load);
  const page = useNavigation((s) => s.page);
  const go = useNavigation((s) => s.go);

  useEffect(() => {
    void load();
  }, [load]);
  // The core's events: records that changed and the status, instead of polling (issue #25).
  const listenToRecords = useClubData((s) => s.listen);
  useEffect(() => listenToRecords(), [listenToRecords]);
  // The web application has no sync of its own: its status bar says the session (WebApp.tsx).
  const listenToStatus = useSyncState((s) => s.listen);
  useEffect(() => (web ? undefined : listenToStatus()), [listenToStatus, web]);
  // Tutti started again refuses this page's key: said, not left deaf.
  const [accessLost, setAccessLost] = useState(false);
  useEffect(() => onEventsRefused(() => setAccessLost(true)), []);
  // A core that crashed and started again: lists and status are read anew.
  useEffect(() => followCoreRestarts(), []);

  const Current = PAGES[page];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 200, breakpoint: 0 }}
      footer={{ height: 32 }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Text fw={700} size="xl">
              {t('app.name')}
            </Text>
            <Text c="dimmed">{t('app.tagline')}</Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            {web && <WebHeader />}
            <LanguageSelect />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navigation">
        {pagesOf(web).map((key) => (
          // A button, so Tab reaches every entry and Enter or Space opens it.
          <NavLink
            key={key}
            component="button"
            type="button"
            label={t(`nav.${key}`)}
            active={page === key}
            aria-current={page === key ? 'page' : undefined}
            onClick={() => go(key)}
            data-testid={`nav-${key}`}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        <CoreHostNotice />
        {web && <OfflineNotice />}
        {accessLost && (
          <Alert color="red" mb="sm" data-testid="access-lost">
            {t('access.refused')}
          </Alert>
        )}
        {loadState === 'loading' && (
          <Center flex={1}>
            <Stack align="center">
              <Loader />
              <Text>{t('app.loading')}</Text>
            </Stack>
          </Center>
        )}
        {loadState === 'failed' && (
          <Alert color="red" title={t('app.loadFailed', { message: loadError })}>
            <Button mt="sm" onClick={() => void load()}>
              {t('app.retry')}
            </Button>
          </Alert>
        )}
        {loadState === 'ready' && (
          <PageErrorBoundary key={page}>
            <Suspense
              fallback={
                <Center flex={1}>
                  <Loader aria-label={t('app.loading')} />
                </Center>
              }
            >
              <Current />
            </Suspense>
          </PageErrorBoundary>
        )}
      </AppShell.Main>
      <AppShell.Footer>{web ? <WebStatusBar /> : <StatusBar />}</AppShell.Footer>
    </AppShell>
  );
}
