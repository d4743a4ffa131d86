/**
 * A dialog with a form never drops what a person typed without asking: Esc, a click beside the
 * dialog and "Abbrechen" ask first when something changed. The question appears inside the
 * dialog, above the form, with "Weiter bearbeiten" focused, so a stray Enter keeps the work.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function useDiscardGuard(
  isDirty: () => boolean,
  close: () => void,
): { requestClose: () => void; discardQuestion: ReactNode } {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);
  const requestClose = () => {
    if (isDirty()) setAsking(true);
    else close();
  };
  const discardQuestion = asking ? (
    <Alert color="orange" title={t('discard.title')} role="alertdialog">
      <Text size="sm" data-testid="discard-question">
        {t('discard.text')}
      </Text>
      <Group mt="sm" gap="xs">
        <Button
          ref={keep}
          variant="default"
          size="xs"
          onClick={() => setAsking(false)}
          data-testid="discard-keep"
        >
          {t('discard.keep')}
        </Button>
        <Button
          color="red"
          size="xs"
          onClick={() => {
            setAsking(false);
            close();
          }}
          data-testid="discard-confirm"
        >
          {t('discard.confirm')}
        </Button>
      </Group>
    </Alert>
  ) : null;
  return { requestClose, discardQuestion };
}
