import { Button, Group, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusProblem, SignInFrame } from './SignInFrame.tsx';
import { NO_PROBLEM, type SignInProblem, signInProblem } from './signInErrors.ts';
import { webRequests } from './webRequests.ts';

/** The six digits of the authenticator app, or one of the recovery codes. */
export function SecondFactorScreen() {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<SignInProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  function show(next: SignInProblem) {
    setProblem(next);
    requestAnimationFrame(() => focusProblem(form.current, next.fields));
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const typed = recovery ? code.trim() : code.replace(/\s/g, '');
    if (!typed) return show({ fields: { code: t('webApp.secondFactor.codeMissing') }, form: null });
    if (!recovery && !/^\d{6}$/.test(typed))
      return show({ fields: { code: t('webApp.secondFactor.codeFormat') }, form: null });
    setBusy(true);
    const result = await webRequests.secondFactor(typed);
    setBusy(false);
    if (result.ok) return;
    setCode('');
    show(signInProblem(result.error, ['code']));
  }

  function switchKind() {
    setRecovery((r) => !r);
    setCode('');
    setProblem(NO_PROBLEM);
    requestAnimationFrame(() => focusProblem(form.current, {}));
  }

  return (
    <SignInFrame
      title={t('webApp.secondFactor.title')}
      intro={recovery ? t('webApp.secondFactor.recoveryIntro') : t('webApp.secondFactor.intro')}
      problem={problem.form}
      testId="second-factor-screen"
    >
      <form ref={form} onSubmit={submit} noValidate>
        <TextInput
          key={recovery ? 'recovery' : 'app'}
          label={recovery ? t('webApp.secondFactor.recoveryCode') : t('webApp.secondFactor.code')}
          description={recovery ? undefined : t('webApp.secondFactor.codeHint')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={problem.fields.code}
          inputMode={recovery ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={recovery ? 40 : 7}
          required
          autoFocus
          mb="md"
          data-field="code"
          data-testid="second-factor-code"
        />
        <Group justify="space-between">
          <Button variant="subtle" onClick={switchKind} data-testid="use-recovery-code">
            {recovery ? t('webApp.secondFactor.useApp') : t('webApp.secondFactor.useRecovery')}
          </Button>
          <Button type="submit" loading={busy} data-testid="second-factor-submit">
            {t('webApp.secondFactor.submit')}
          </Button>
        </Group>
      </form>
      <Button
        variant="subtle"
        color="gray"
        onClick={() => void webRequests.logout()}
        data-testid="sign-in-restart"
      >
        {t('webApp.secondFactor.otherAccount')}
      </Button>
    </SignInFrame>
  );
}
