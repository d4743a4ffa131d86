import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { setNonce } from 'get-nonce';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './i18n/index.ts';

/** The nonce the serving process put into index.html; Mantine's <style> elements carry it. */
const styleNonce =
  document.querySelector<HTMLMetaElement>('meta[name="tutti-style-nonce"]')?.content ?? '';

// The scroll lock of dialogs (react-remove-scroll) adds a <style> element of its own.
setNonce(styleNonce);

const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'sm' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} getStyleNonce={() => styleNonce}>
      <ModalsProvider labels={{ confirm: 'OK', cancel: 'Abbrechen' }}>
        <Notifications position="bottom-right" />
        <App />
      </ModalsProvider>
    </MantineProvider>
  </StrictMode>,
);
