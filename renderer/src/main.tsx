import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, MantineProvider, Modal, MultiSelect, Select } from '@mantine/core';
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

// Should a dialog lock scrolling after all, react-remove-scroll adds a <style> element of its own.
setNonce(styleNonce);

// Mantine keeps every closed dropdown in the DOM and positions it on mount, which forces a style
// recalculation per select field; a form with six of them opened 15 ms slower. Mount on open.
const closedDropdownsUnmounted = { defaultProps: { comboboxProps: { keepMounted: false } } };

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  components: {
    Select: Select.extend(closedDropdownsUnmounted),
    MultiSelect: MultiSelect.extend(closedDropdownsUnmounted),
    // Dialogs open at once (a secretary opens hundreds a day), and the page behind never
    // scrolls (lists scroll inside their own box), so the scroll lock's measuring is not needed.
    Modal: Modal.extend({ defaultProps: { transitionProps: { duration: 0 }, lockScroll: false } }),
  },
});

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
