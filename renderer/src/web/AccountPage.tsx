import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionListView, SessionView } from '../../../shared/web/webProtocol.ts';
import { useWebSession } from './sessionStore.ts';
import { localTime, signInProblem } from './signInErrors.ts';
import { TotpEnrolment } from './TotpEnrolment.tsx';
import { webRequests } from './webRequests.ts';

type Sessions = SessionListView['sessions'];

/** Leaves the page for a fresh one: nothing of the signed-out session stays in memory. */
function freshPage(): void {
  window.location.reload();
}

/** "Konto": the account's sessions, signing out here or everywhere, the second factor. */
export function AccountPage() {
  const { t } = useTranslation();
  const view = useWebSession((s) => s.view);
  const show = useWebSession((s) => s.show);
  const [sessions, setSessions] = useState<Sessions | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [enrolling, setEnrolling] = useState(false);

  useEffect(() => {
    let current = true;
    void webRequests.sessions().then((result) => {
      if (!current) return;
      if (result.ok) setSessions(result.value.sessions);
      else setProblem(signInProblem(result.error, []).form);
    });
    return () => {
      current = false;
    };
  }, []);

  async function end(id: string) {
    setProblem(null);
    const result = await webRequests.endSession(id);
    if (result.ok) setSessions(result.value.sessions);
    else setProblem(signInProblem(result.error, []).form);
  }

  async function leave(everywhere: boolean) {
    setProblem(null);
    const result = everywhere ? await webRequests.logoutEverywhere() : await webRequests.logout();
    if (result.ok) freshPage();
    else setProblem(signInProblem(result.error, []).form);
  }

  function enrolled(session: SessionView) {
    show(session);
    setEnrolling(false);
    notifications.show({ message: t('webApp.account.factorReady'), autoClose: 4000 });
  }

  const factor = view?.secondFactor;
  return (
    <Stack gap="lg" style={{ overflow: 'auto' }} data-testid="account-page">
      <Title order={1} size="h2">
        {t('webApp.account.title')}
      </Title>
      <Text>
        {t('webApp.account.signedInAs', {
          name: view?.loginName ?? '',
          club: view?.club?.clubName ?? '',
        })}
      </Text>
      {problem && (
        <Alert color="red" role="alert" data-testid="account-error">
          {problem}
        </Alert>
      )}

      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('webApp.account.sessions')}
        </Title>
        <Table striped data-testid="account-sessions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('webApp.account.since')}</Table.Th>
              <Table.Th>{t('webApp.account.lastSeen')}</Table.Th>
              <Table.Th>{t('webApp.account.address')}</Table.Th>
              <Table.Th>{t('webApp.account.browser')}</Table.Th>
              <Table.Th>{t('webApp.account.club')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('webApp.account.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(sessions ?? []).map((s) => (
              <Table.Tr key={s.id} data-testid={s.current ? 'session-current' : 'session-other'}>
                <Table.Td>{localTime(s.createdAt)}</Table.Td>
                <Table.Td>{localTime(s.lastSeenAt)}</Table.Td>
                <Table.Td>{s.address ?? t('webApp.account.unknown')}</Table.Td>
                <Table.Td>{s.userAgent ?? t('webApp.account.unknown')}</Table.Td>
                <Table.Td>{s.clubName ?? '—'}</Table.Td>
                <Table.Td>
                  {s.current ? (
                    <Badge variant="light">{t('webApp.account.thisSession')}</Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => void end(s.id)}
                      // Each button says which session it ends, not only "Beenden".
                      aria-label={t('webApp.account.endSessionOf', {
                        browser: s.userAgent ?? t('webApp.account.unknown'),
                        time: localTime(s.lastSeenAt),
                      })}
                      data-testid={`end-session-${s.id}`}
                    >
                      {t('webApp.account.endSession')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button variant="default" onClick={() => void leave(false)} data-testid="logout">
            {t('webApp.account.logout')}
          </Button>
          <Button color="red" onClick={() => void leave(true)} data-testid="logout-everywhere">
            {t('webApp.account.logoutEverywhere')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('webApp.account.logoutEverywhereHint')}
        </Text>
      </Stack>

      <Stack gap="xs" data-testid="account-second-factor">
        <Title order={2} size="h3">
          {t('webApp.account.secondFactor')}
        </Title>
        <Text>
          {factor?.enrolled
            ? t('webApp.account.enrolled', { count: factor.recoveryCodesLeft })
            : factor?.required
              ? t('webApp.account.notEnrolledRequired')
              : t('webApp.account.notEnrolled')}
        </Text>
        <Group>
          <Button variant="default" onClick={() => setEnrolling(true)} data-testid="totp-replace">
            {factor?.enrolled ? t('webApp.account.replace') : t('webApp.account.setUp')}
          </Button>
        </Group>
      </Stack>

      <Modal
        opened={enrolling}
        onClose={() => setEnrolling(false)}
        title={t('webApp.account.secondFactor')}
        // Only its own buttons close it: the recovery codes are shown once, never lost to Esc.
        closeOnClickOutside={false}
        closeOnEscape={false}
        withCloseButton={false}
        size="md"
      >
        {enrolling && (
          <TotpEnrolment
            required
            replace={Boolean(factor?.enrolled)}
            onDone={enrolled}
            onCancel={() => setEnrolling(false)}
          />
        )}
      </Modal>
    </Stack>
  );
}
