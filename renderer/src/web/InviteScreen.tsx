import { Button, Center, Loader, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InviteView, MIN_WEB_PASSWORD_LENGTH } from '../../../shared/web/webProtocol.ts';
import { focusProblem, SignInFrame } from './SignInFrame.tsx';
import { useWebSession } from './sessionStore.ts';
import { localTime, NO_PROBLEM, type SignInProblem, signInProblem } from './signInErrors.ts';
import { webRequests } from './webRequests.ts';

type Kind = 'new' | 'reset' | 'existing';

/** A new account, a club for an existing one, or a new password (reset). */
function kindOf(invite: InviteView): Kind {
  if (invite.reset) return 'reset';
  return invite.loginName ? 'existing' : 'new';
}

/** The invitation link (`?invite=`): who is invited where, then login name and password. */
export function InviteScreen({ token }: { token: string }) {
  const { t } = useTranslation();
  const inviteDone = useWebSession((s) => s.inviteDone);
  const [invite, setInvite] = useState<InviteView | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void webRequests.invite(token).then((result) => {
      if (!current) return;
      if (result.ok) setInvite(result.value);
      else setRefusal(signInProblem(result.error, []).form);
    });
    return () => {
      current = false;
    };
  }, [token]);

  if (refusal)
    return (
      <SignInFrame title={t('webApp.invite.invalidTitle')} problem={refusal} testId="invite-screen">
        <Button onClick={inviteDone} data-testid="invite-to-login">
          {t('webApp.invite.toLogin')}
        </Button>
      </SignInFrame>
    );
  if (!invite)
    return (
      <Center p="xl">
        <Loader aria-label={t('webApp.invite.loading')} />
      </Center>
    );
  return <InviteForm token={token} invite={invite} />;
}

function InviteForm({ token, invite }: { token: string; invite: InviteView }) {
  const { t } = useTranslation();
  const inviteDone = useWebSession((s) => s.inviteDone);
  const kind = kindOf(invite);
  const [loginName, setLoginName] = useState(invite.loginName ?? '');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<SignInProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const names = { club: invite.clubName, name: invite.userName };
  const newPassword = kind !== 'existing';

  function show(next: SignInProblem) {
    setProblem(next);
    requestAnimationFrame(() => focusProblem(form.current, next.fields));
  }

  function ownCheck(): Record<string, string> {
    const fields: Record<string, string> = {};
    if (!loginName.trim()) fields.loginName = t('webApp.signIn.loginNameMissing');
    if (!password) fields.password = t('webApp.signIn.passwordMissing');
    else if (newPassword && password.length < MIN_WEB_PASSWORD_LENGTH)
      fields.password = t('webApp.invite.tooShort', { count: MIN_WEB_PASSWORD_LENGTH });
    if (newPassword && password && repeat !== password)
      fields.passwordRepeat = t('webApp.invite.mismatch');
    return fields;
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const fields = ownCheck();
    if (Object.keys(fields).length > 0) return show({ fields, form: null });
    setBusy(true);
    const result = await webRequests.acceptInvite({
      token,
      loginName: loginName.trim(),
      password,
    });
    setBusy(false);
    if (result.ok) {
      inviteDone();
      return;
    }
    show(signInProblem(result.error, ['loginName', 'password']));
  }

  return (
    <SignInFrame
      title={t(`webApp.invite.${kind}Title`, names)}
      intro={
        <>
          {t(`webApp.invite.${kind}Intro`, names)}{' '}
          {t('webApp.invite.validUntil', { time: localTime(invite.expiresAt) })}
        </>
      }
      problem={problem.form}
      testId="invite-screen"
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('webApp.invite.loginName')}
            description={kind === 'new' ? t('webApp.invite.loginNameHint') : undefined}
            value={loginName}
            onChange={(e) => setLoginName(e.currentTarget.value)}
            readOnly={kind !== 'new'}
            error={problem.fields.loginName}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus={kind === 'new'}
            data-field="loginName"
            data-testid="invite-login-name"
          />
          <PasswordInput
            label={newPassword ? t('webApp.invite.password') : t('webApp.invite.currentPassword')}
            description={
              newPassword
                ? t('webApp.invite.passwordHint', { count: MIN_WEB_PASSWORD_LENGTH })
                : undefined
            }
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={problem.fields.password}
            autoComplete={newPassword ? 'new-password' : 'current-password'}
            required
            autoFocus={kind !== 'new'}
            data-field="password"
            data-testid="invite-password"
          />
          {newPassword && (
            <PasswordInput
              label={t('webApp.invite.repeat')}
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={problem.fields.passwordRepeat}
              autoComplete="new-password"
              required
              data-field="passwordRepeat"
              data-testid="invite-password-repeat"
            />
          )}
          <Button type="submit" loading={busy} data-testid="invite-submit">
            {t(`webApp.invite.${kind}Submit`)}
          </Button>
          <Button variant="subtle" color="gray" onClick={inviteDone} data-testid="invite-to-login">
            {t('webApp.invite.toLogin')}
          </Button>
        </Stack>
      </form>
    </SignInFrame>
  );
}
