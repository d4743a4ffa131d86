import {
  Button,
  Center,
  Code,
  Group,
  Image,
  Loader,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView, TotpSetupView } from '../../../shared/web/webProtocol.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import { focusProblem, SignInFrame } from './SignInFrame.tsx';
import { NO_PROBLEM, type SignInProblem, signInProblem } from './signInErrors.ts';
import { missingReplacePassword, replacePasswordProblem } from './totpReplace.ts';
import { groupedSecret, svgDataUrl } from './totpText.ts';
import { webRequests } from './webRequests.ts';

/**
 * Setting up the authenticator app: QR code or the secret by hand, a code from the app to
 * confirm, then the recovery codes. `replace`: from the account page, with a second factor
 * set up already (the old one holds until the new one is confirmed) — the current password
 * comes first, and only then is the new secret asked for.
 */
export function TotpEnrolment({
  required,
  replace = false,
  onDone,
  onCancel,
}: {
  required: boolean;
  replace?: boolean;
  /** The session after it: the next sign-in step, or the same one with the new state. */
  onDone(session: SessionView): void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<TotpSetupView | null>(null);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<SignInProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  /** Replacing: the current password, asked before the new secret is requested. */
  const [password, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState<{ codes: string[]; session: SessionView } | null>(
    null,
  );
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // A replacement asks for the password first (`submitPassword` requests the secret).
    if (replace) return;
    let current = true;
    void webRequests.totpSetup().then((result) => {
      if (!current) return;
      if (result.ok) setSetup(result.value);
      else setProblem(signInProblem(result.error, []));
    });
    return () => {
      current = false;
    };
  }, [replace]);

  function show(next: SignInProblem) {
    setProblem(next);
    requestAnimationFrame(() => focusProblem(form.current, next.fields));
  }

  async function submitPassword(event: React.FormEvent) {
    event.preventDefault();
    const missing = missingReplacePassword(password);
    if (missing) return show(missing);
    setBusy(true);
    const result = await webRequests.totpSetup(password);
    setBusy(false);
    setPassword('');
    if (!result.ok) return show(replacePasswordProblem(result.error));
    setProblem(NO_PROBLEM);
    setSetup(result.value);
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const typed = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(typed))
      return show({ fields: { code: t('webApp.secondFactor.codeFormat') }, form: null });
    setBusy(true);
    const result = await webRequests.totpConfirm(typed);
    setBusy(false);
    if (result.ok)
      setConfirmed({ codes: result.value.recoveryCodes, session: result.value.session });
    else {
      setCode('');
      show(signInProblem(result.error, ['code']));
    }
  }

  async function later() {
    setBusy(true);
    const result = await webRequests.totpSkip();
    setBusy(false);
    if (result.ok) onDone(result.value);
    else show(signInProblem(result.error, []));
  }

  if (confirmed)
    return <RecoveryCodes codes={confirmed.codes} onDone={() => onDone(confirmed.session)} />;

  if (replace && !setup)
    return (
      <SignInFrame
        title={t('webApp.totp.replaceTitle')}
        intro={t('webApp.totp.replacePasswordIntro')}
        problem={problem.form}
        testId="totp-replace-screen"
      >
        <form ref={form} onSubmit={submitPassword} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label={t('webApp.totp.currentPassword')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={problem.fields.password}
              autoComplete="current-password"
              required
              autoFocus
              // The modal's focus trap starts here, not at its close button.
              data-autofocus
              data-field="password"
              data-testid="totp-replace-password"
            />
            <Group justify="space-between">
              {onCancel ? (
                <Button variant="default" onClick={onCancel} data-testid="totp-cancel">
                  {t('common.cancel')}
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit" loading={busy} data-testid="totp-replace-continue">
                {t('webApp.totp.continue')}
              </Button>
            </Group>
          </Stack>
        </form>
      </SignInFrame>
    );

  return (
    <SignInFrame
      title={replace ? t('webApp.totp.replaceTitle') : t('webApp.totp.title')}
      intro={
        <>
          {t('webApp.totp.intro')}{' '}
          {replace ? t('webApp.totp.replaceIntro') : required ? t('webApp.totp.required') : ''}
        </>
      }
      problem={problem.form}
      testId="totp-screen"
    >
      {!setup ? (
        !problem.form && (
          <Center p="md">
            <Loader aria-label={t('webApp.totp.loading')} />
          </Center>
        )
      ) : (
        <form ref={form} onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Center>
              <Image
                src={svgDataUrl(setup.qrSvg)}
                alt={t('webApp.totp.qrAlt')}
                w={200}
                h={200}
                fit="contain"
                data-testid="totp-qr"
              />
            </Center>
            <div>
              <Text size="sm" fw={500}>
                {t('webApp.totp.secret')}
              </Text>
              <Code
                block
                fz="lg"
                data-testid="totp-secret"
                // Wrapped, never scrolled: a scrolling box would need the keyboard's focus.
                style={{ wordSpacing: '0.3em', whiteSpace: 'pre-wrap', overflow: 'visible' }}
              >
                {groupedSecret(setup.secret)}
              </Code>
            </div>
            <TextInput
              label={t('webApp.totp.code')}
              description={t('webApp.secondFactor.codeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={problem.fields.code}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              required
              autoFocus
              data-field="code"
              data-testid="totp-code"
            />
            <Group justify="space-between">
              <Group>
                {!replace && !required && (
                  <Button
                    variant="default"
                    onClick={later}
                    disabled={busy}
                    data-testid="totp-later"
                  >
                    {t('webApp.totp.later')}
                  </Button>
                )}
                {onCancel && (
                  <Button variant="default" onClick={onCancel} data-testid="totp-cancel">
                    {t('common.cancel')}
                  </Button>
                )}
              </Group>
              <Button type="submit" loading={busy} data-testid="totp-confirm">
                {t('webApp.totp.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </SignInFrame>
  );
}
