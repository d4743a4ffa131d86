import { describe, expect, it } from 'vitest';
import { EXTERNAL_LINKS } from '../../shared/externalLinks.ts';
import { type MenuItemTemplate, menuTemplate } from './menuTemplate.ts';

function flatten(items: MenuItemTemplate[]): MenuItemTemplate[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}

describe('application menu', () => {
  it('is German, without developer tools in a release', () => {
    const opened: string[] = [];
    const items = menuTemplate({
      isMac: false,
      devTools: false,
      openExternal: (u) => opened.push(u),
      showAbout: () => {},
    });
    expect(items.map((i) => i.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']);
    const all = flatten(items).filter((i) => i.type !== 'separator');
    expect(
      all.every((i) => i.label && !/^(File|Edit|View|Help|Quit|Copy|Paste)$/.test(i.label)),
    ).toBe(true);
    expect(all.some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
    all.find((i) => i.label?.startsWith('Datenschutz'))!.click!();
    expect(opened).toEqual([EXTERNAL_LINKS.gdprText]);
  });

  it('speaks English where the system does, with no German word', () => {
    const items = menuTemplate({
      language: 'en',
      isMac: false,
      devTools: true,
      openExternal: () => {},
      showAbout: () => {},
    });
    expect(items.map((i) => i.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const labels = flatten(items).flatMap((i) => (i.label ? [i.label] : []));
    expect(labels.filter((l) => /[äöüß]|Datei|Beenden|Hilfe|Tutti beenden/.test(l))).toEqual([]);
  });

  it('offers developer tools in a development build and follows macOS conventions', () => {
    const items = menuTemplate({
      isMac: true,
      devTools: true,
      openExternal: () => {},
      showAbout: () => {},
    });
    expect(items[0]!.label).toBe('Tutti');
    expect(flatten(items).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});
