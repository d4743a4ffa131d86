/**
 * Where the person is: the page on screen, and a record a link asked to open there (an entry of
 * the start page leads to the instrument's loans, a member's record). The page takes the
 * request once when it shows, so going back to the page later does not open it again.
 */
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';

export const PAGE_KEYS = [
  'overview',
  'members',
  'registers',
  'instruments',
  'events',
  'honours',
  'honoursDue',
  'birthdays',
  'staerkemeldung',
  'statistics',
  'club',
  'sync',
  'backup',
  'import',
  'account',
] as const;
export type Page = (typeof PAGE_KEYS)[number];

/** Pages of the desktop program only: its sync, its backups, its importer. */
const DESKTOP_ONLY: readonly Page[] = ['sync', 'backup', 'import'];
/** The web application's own: the account's sessions and second factor. */
const WEB_ONLY: readonly Page[] = ['account'];

/** The pages the navigation offers: on the web without the desktop's own, and vice versa. */
export function pagesOf(web: boolean): readonly Page[] {
  const elsewhere = web ? DESKTOP_ONLY : WEB_ONLY;
  return PAGE_KEYS.filter((page) => !elsewhere.includes(page));
}

/** A record to open on arrival; `tab` names a tab of its form (instruments: loans, maintenance). */
export interface RecordToOpen {
  entity: 'members' | 'instruments';
  id: string;
  tab?: string;
}

interface NavigationState {
  page: Page;
  toOpen: RecordToOpen | null;
  go(page: Page, toOpen?: RecordToOpen): void;
  /** Forgets the record to open (its page has opened it). */
  taken(): void;
}

export const useNavigation = create<NavigationState>()((set, get) => ({
  page: 'overview',
  toOpen: null,
  go(page, toOpen) {
    set({ page, toOpen: toOpen ?? null });
  },
  taken() {
    if (get().toOpen) set({ toOpen: null });
  },
}));

/**
 * The record a link asked this page to open, read when the page mounts and then forgotten
 * (read in the initializer without a side effect, which React may call twice). One that is
 * gone meanwhile (deleted, or out of the role's sight after a sync) is said, not opened.
 */
export function useRecordToOpen(
  entity: RecordToOpen['entity'],
  exists: (id: string) => boolean,
): RecordToOpen | null {
  const { t } = useTranslation();
  const [toOpen] = useState(() => {
    const asked = useNavigation.getState().toOpen;
    return asked?.entity === entity ? asked : null;
  });
  const found = toOpen !== null && exists(toOpen.id);
  useEffect(() => {
    if (!toOpen) return;
    useNavigation.getState().taken();
    if (!found)
      notifications.show({ id: 'record-gone', color: 'orange', message: t('overview.recordGone') });
  }, [toOpen, found, t]);
  return found ? toOpen : null;
}
