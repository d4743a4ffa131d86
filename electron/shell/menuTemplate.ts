/**
 * The application menu, German unless the system speaks English. Standard editing works
 * through Electron roles (so copy and paste also work in text fields); developer tools only in
 * a development build.
 */
import { EXTERNAL_LINKS } from '../../shared/externalLinks.ts';
import type { Language } from '../../shared/messages/language.ts';
import { translate } from '../../shared/messages/translate.ts';

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export function menuTemplate(options: {
  language?: Language;
  isMac: boolean;
  devTools: boolean;
  openExternal(url: string): void;
  showAbout(): void;
}): MenuItemTemplate[] {
  const separator: MenuItemTemplate = { type: 'separator' };
  const say = (key: string) => translate({ key: `shell.menu.${key}` }, options.language ?? 'de');
  return [
    ...(options.isMac
      ? [
          {
            label: 'Tutti',
            submenu: [
              { label: say('about'), click: options.showAbout },
              separator,
              { label: say('hide'), role: 'hide' },
              { label: say('hideOthers'), role: 'hideOthers' },
              separator,
              { label: say('quitMac'), role: 'quit' },
            ],
          },
        ]
      : []),
    {
      label: say('file'),
      submenu: [
        {
          label: options.isMac ? say('closeWindow') : say('quit'),
          role: options.isMac ? 'close' : 'quit',
        },
      ],
    },
    {
      label: say('edit'),
      submenu: [
        { label: say('undo'), role: 'undo' },
        { label: say('redo'), role: 'redo' },
        separator,
        { label: say('cut'), role: 'cut' },
        { label: say('copy'), role: 'copy' },
        { label: say('paste'), role: 'paste' },
        { label: say('selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: say('view'),
      submenu: [
        { label: say('resetZoom'), role: 'resetZoom' },
        { label: say('zoomIn'), role: 'zoomIn' },
        { label: say('zoomOut'), role: 'zoomOut' },
        separator,
        { label: say('fullScreen'), role: 'togglefullscreen' },
        ...(options.devTools
          ? [
              separator,
              { label: say('reload'), role: 'reload' },
              { label: say('devTools'), role: 'toggleDevTools' },
            ]
          : []),
      ],
    },
    {
      label: say('help'),
      submenu: [
        {
          label: say('gdpr'),
          click: () => options.openExternal(EXTERNAL_LINKS.gdprText),
        },
        ...(options.isMac ? [] : [separator, { label: say('about'), click: options.showAbout }]),
      ],
    },
  ];
}
