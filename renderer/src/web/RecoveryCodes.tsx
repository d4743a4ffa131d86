import { Button, Checkbox, CopyButton, Group, List, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './RecoveryCodes.module.css';
import { SignInFrame } from './SignInFrame.tsx';

/** The ten recovery codes, shown this once: kept safe (said by a tick) before going on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <SignInFrame
      title={t('webApp.recovery.title')}
      intro={t('webApp.recovery.intro')}
      testId="recovery-screen"
    >
      <List
        type="ordered"
        ff="monospace"
        fz="lg"
        // "Ausdrucken" prints these codes alone, not the page around them.
        className={classes.printed}
        data-testid="recovery-codes"
        aria-label={t('webApp.recovery.title')}
      >
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group>
        <Button variant="default" onClick={() => window.print()} data-testid="recovery-print">
          {t('webApp.recovery.print')}
        </Button>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <>
              <Button variant="default" onClick={copy} data-testid="recovery-copy">
                {copied ? t('webApp.recovery.copied') : t('webApp.recovery.copy')}
              </Button>
              {/* Said to a screen reader too, not only shown on the button. */}
              <VisuallyHidden role="status">
                {copied ? t('webApp.recovery.copied') : ''}
              </VisuallyHidden>
            </>
          )}
        </CopyButton>
      </Group>
      <Checkbox
        label={t('webApp.recovery.saved')}
        checked={saved}
        onChange={(e) => setSaved(e.currentTarget.checked)}
        data-testid="recovery-saved"
      />
      <Text size="sm" c="dimmed">
        {t('webApp.recovery.once')}
      </Text>
      <Button disabled={!saved} onClick={onDone} data-testid="recovery-continue">
        {t('webApp.recovery.continue')}
      </Button>
    </SignInFrame>
  );
}
