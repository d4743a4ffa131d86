import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ClubChoice } from './ClubChoice.tsx';
import { InviteScreen } from './InviteScreen.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { SecondFactorScreen } from './SecondFactorScreen.tsx';
import { useWebSession } from './sessionStore.ts';
import { signInStep } from './signInStep.ts';
import { TotpEnrolment } from './TotpEnrolment.tsx';

/** The sign-in step the session stands at; nothing once it is ready. */
export function SignInFlow() {
  const { t } = useTranslation();
  const view = useWebSession((s) => s.view);
  const inviteToken = useWebSession((s) => s.inviteToken);
  const show = useWebSession((s) => s.show);
  switch (signInStep(view, inviteToken)) {
    case 'loading':
      return (
        <Center p="xl">
          <Loader aria-label={t('webApp.signIn.loading')} />
        </Center>
      );
    case 'invite':
      return <InviteScreen token={inviteToken ?? ''} />;
    case 'login':
      return <LoginScreen />;
    case 'secondFactor':
      return <SecondFactorScreen />;
    case 'enrolSecondFactor':
      return <TotpEnrolment required={view?.secondFactor.required ?? true} onDone={show} />;
    case 'chooseClub':
      return <ClubChoice />;
    case 'app':
      return null;
  }
}
