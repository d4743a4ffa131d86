/**
 * Tutti's Mantine theme, readable for everyone (WCAG 2.1 AA, checked by axe-core in the e2e
 * tests): every text at least 4.5:1 against its background. Mantine's defaults miss that in
 * places — grey "dimmed" text, white on the primary blue, coloured text on light badges, red
 * error messages — so those colours are one step darker here.
 */
import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  type MantineTheme,
  Modal,
  MultiSelect,
  Notification,
  Select,
} from '@mantine/core';

// Mantine keeps every closed dropdown in the DOM and positions it on mount, which forces a style
// recalculation per select field; a form with six of them opened 15 ms slower. Mount on open.
const closedDropdownsUnmounted = { defaultProps: { comboboxProps: { keepMounted: false } } };

/** Shade 9 darkened this much is readable on white and on the light badge backgrounds. */
const TEXT_DARKEN = 0.3;

/** `closeLabel`: the name screen readers give the × of every dialog, in the UI's language. */
export function tuttiTheme(closeLabel: string): MantineTheme {
  return createTheme({
    primaryColor: 'indigo',
    // White on indigo 8 is 5.7:1 (shade 6 was 4.3:1).
    primaryShade: 8,
    // Filled buttons in other colours get black or white text, whichever is readable: at a
    // luminance of 0.18 both reach 4.5:1.
    autoContrast: true,
    luminanceThreshold: 0.18,
    defaultRadius: 'sm',
    components: {
      Select: Select.extend(closedDropdownsUnmounted),
      MultiSelect: MultiSelect.extend(closedDropdownsUnmounted),
      // Dialogs open at once (a secretary opens hundreds a day), and the page behind never
      // scrolls (lists scroll inside their own box), so the scroll lock's measuring is not needed.
      // The × of a notice ("Gespeichert", "Rückgängig") needs a name too.
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': closeLabel } },
      }),
      Modal: Modal.extend({
        defaultProps: {
          transitionProps: { duration: 0 },
          lockScroll: false,
          closeButtonProps: { 'aria-label': closeLabel },
        },
      }),
    },
  }) as MantineTheme;
}

export const readableColors: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  };
  for (const [name, shades] of Object.entries(theme.colors)) {
    const text = darken(shades[9], TEXT_DARKEN);
    light[`--mantine-color-${name}-text`] = text;
    light[`--mantine-color-${name}-light-color`] = text;
  }
  return { variables: {}, light, dark: {} };
};
