import { Alert, Button, Center, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onEventsReconnected } from '../api/transport.ts';
import { LanguageSelect } from '../app/LanguageSelect.tsx';
import { useAccess } from '../state/access.ts';
import { SignInFlow } from './SignInFlow.tsx';
import { readInviteFromAddress, useWebSession } from './sessionStore.ts';
import { signInStep } from './signInStep.ts';
import { webRequests } from './webRequests.ts';

/**
 * The web application around the club app: the sign-in until the session is ready, then the
 * app. A session that ends under the open app brings the sign-in back over it, as a dialog
 * the app stays mounted under — typed values in open forms survive, and can be saved once
 * signed in again. Someone else signing in there gets a fresh page instead.
 */
export function WebApp({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const view = useWebSession((s) => s.view);
  const inviteToken = useWebSession((s) => s.inviteToken);
  const step = signInStep(view, inviteToken);
  const [started, setStarted] = useState(false);
  const [unreachable, setUnreachable] = useState<string | null>(null);
  const user = useRef<string | null>(null);

  const askSession = () => {
    setUnreachable(null);
    void webRequests.session().then((result) => {
      if (!result.ok) setUnreachable(t('webApp.startFailed'));
    });
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the page opens
  useEffect(() => {
    readInviteFromAddress();
    askSession();
  }, []);

  useEffect(() => {
    if (view?.stage !== 'ready' || !view.club) return;
    if (user.current && user.current !== view.club.userId) window.location.reload();
    user.current = view.club.userId;
  }, [view]);

  useEffect(() => {
    if (step !== 'app') return;
    setStarted(true);
    // The rights of the session's user in its club: what the screens offer.
    void useAccess.getState().refresh();
    return onEventsReconnected(() => void useAccess.getState().refresh());
  }, [step]);

  if (!started && step !== 'app')
    return (
      <Center mih="100dvh" p="md" component="main">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={480}>
          <Stack>
            <Group justify="space-between">
              <Text fw={700} size="xl">
                {t('app.name')}
              </Text>
              <LanguageSelect />
            </Group>
            {unreachable ? (
              <Alert color="red" role="alert" data-testid="web-unreachable">
                <Text mb="sm">{unreachable}</Text>
                <Button onClick={askSession}>{t('app.retry')}</Button>
              </Alert>
            ) : (
              <SignInFlow />
            )}
          </Stack>
        </Paper>
      </Center>
    );
  return (
    <>
      {children}
      <Modal
        opened={step !== 'app'}
        onClose={() => {}}
        title={t('webApp.signIn.overlayTitle')}
        withCloseButton={false}
        closeOnEscape={false}
        closeOnClickOutside={false}
        zIndex={1000}
        size="md"
        // Nothing of the club shows through while nobody is signed in at this screen.
        overlayProps={{ backgroundOpacity: 1, color: 'var(--mantine-color-body)' }}
      >
        <SignInFlow />
      </Modal>
    </>
  );
}
