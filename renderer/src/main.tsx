import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { setNonce } from 'get-nonce';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { App } from './app/App.tsx';
import { readableColors, tuttiTheme } from './app/theme.ts';
import './i18n/index.ts';

/** The nonce the serving process put into index.html; Mantine's <style> elements carry it. */
const styleNonce =
  document.querySelector<HTMLMetaElement>('meta[name="tutti-style-nonce"]')?.content ?? '';

// Should a dialog lock scrolling after all, react-remove-scroll adds a <style> element of its own.
setNonce(styleNonce);

/** The providers in the UI's language: dialog labels and the name of every dialog's ×. */
function Root() {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language is what changes t
  const theme = useMemo(() => tuttiTheme(t('common.close')), [i18n.language]);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={readableColors}
      getStyleNonce={() => styleNonce}
    >
      <ModalsProvider labels={{ confirm: t('common.ok'), cancel: t('common.cancel') }}>
        <Notifications position="bottom-right" />
        <App />
      </ModalsProvider>
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
