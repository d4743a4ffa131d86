import { Alert, Button, PasswordInput, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusProblem, SignInFrame } from './SignInFrame.tsx';
import { useWebSession } from './sessionStore.ts';
import { NO_PROBLEM, type SignInProblem, signInProblem } from './signInErrors.ts';
import { webRequests } from './webRequests.ts';

/** Login name and password: the first step of every sign-in. */
export function LoginScreen() {
  const { t } = useTranslation();
  const expired = useWebSession((s) => s.expired);
  const known = useWebSession((s) => s.view?.loginName ?? '');
  const [loginName, setLoginName] = useState(known);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<SignInProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  function show(next: SignInProblem) {
    setProblem(next);
    requestAnimationFrame(() => focusProblem(form.current, next.fields));
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!loginName.trim()) missing.loginName = t('webApp.signIn.loginNameMissing');
    if (!password) missing.password = t('webApp.signIn.passwordMissing');
    if (Object.keys(missing).length > 0) return show({ fields: missing, form: null });
    setBusy(true);
    const result = await webRequests.login(loginName.trim(), password);
    setBusy(false);
    if (result.ok) return;
    setPassword('');
    show(signInProblem(result.error, ['loginName', 'password']));
  }

  return (
    <SignInFrame
      title={expired ? t('webApp.signIn.againTitle') : t('webApp.signIn.title')}
      problem={problem.form}
      testId="login-screen"
    >
      {expired && (
        <Alert color="orange" data-testid="session-expired">
          {t('webApp.signIn.expired')}
        </Alert>
      )}
      <form ref={form} onSubmit={submit} noValidate>
        <TextInput
          label={t('webApp.signIn.loginName')}
          value={loginName}
          onChange={(e) => setLoginName(e.currentTarget.value)}
          error={problem.fields.loginName}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          // Signing in again, the name is there already: the cursor waits in the password.
          autoFocus={!loginName}
          mb="sm"
          data-field="loginName"
          data-testid="login-name"
        />
        <PasswordInput
          label={t('webApp.signIn.password')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={problem.fields.password}
          autoComplete="current-password"
          required
          autoFocus={Boolean(loginName)}
          mb="md"
          data-field="password"
          data-testid="login-password"
        />
        <Button type="submit" loading={busy} fullWidth data-testid="login-submit">
          {t('webApp.signIn.submit')}
        </Button>
      </form>
    </SignInFrame>
  );
}
