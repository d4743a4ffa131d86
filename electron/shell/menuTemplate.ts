/**
 * The German application menu. Standard editing works through Electron roles (so copy and
 * paste also work in text fields); developer tools only in a development build.
 */
import { EXTERNAL_LINKS } from '../../shared/externalLinks.ts';

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export function menuTemplate(options: {
  isMac: boolean;
  devTools: boolean;
  openExternal(url: string): void;
  showAbout(): void;
}): MenuItemTemplate[] {
  const separator: MenuItemTemplate = { type: 'separator' };
  return [
    ...(options.isMac
      ? [
          {
            label: 'Tutti',
            submenu: [
              { label: 'Über Tutti', click: options.showAbout },
              separator,
              { label: 'Tutti ausblenden', role: 'hide' },
              { label: 'Andere ausblenden', role: 'hideOthers' },
              separator,
              { label: 'Tutti beenden', role: 'quit' },
            ],
          },
        ]
      : []),
    {
      label: 'Datei',
      submenu: [
        {
          label: options.isMac ? 'Fenster schließen' : 'Beenden',
          role: options.isMac ? 'close' : 'quit',
        },
      ],
    },
    {
      label: 'Bearbeiten',
      submenu: [
        { label: 'Rückgängig', role: 'undo' },
        { label: 'Wiederholen', role: 'redo' },
        separator,
        { label: 'Ausschneiden', role: 'cut' },
        { label: 'Kopieren', role: 'copy' },
        { label: 'Einfügen', role: 'paste' },
        { label: 'Alles auswählen', role: 'selectAll' },
      ],
    },
    {
      label: 'Ansicht',
      submenu: [
        { label: 'Originalgröße', role: 'resetZoom' },
        { label: 'Vergrößern', role: 'zoomIn' },
        { label: 'Verkleinern', role: 'zoomOut' },
        separator,
        { label: 'Vollbild', role: 'togglefullscreen' },
        ...(options.devTools
          ? [
              separator,
              { label: 'Neu laden', role: 'reload' },
              { label: 'Entwicklerwerkzeuge', role: 'toggleDevTools' },
            ]
          : []),
      ],
    },
    {
      label: 'Hilfe',
      submenu: [
        {
          label: 'Datenschutz-Grundverordnung (Text)',
          click: () => options.openExternal(EXTERNAL_LINKS.gdprText),
        },
        ...(options.isMac ? [] : [separator, { label: 'Über Tutti', click: options.showAbout }]),
      ],
    },
  ];
}
