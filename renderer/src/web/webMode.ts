/**
 * Whether this page is the web application (issue #27): the club server puts
 * `<meta name="tutti-transport" content="web">` into the index.html it serves. Without it the
 * page is the desktop window or the local browser mode, exactly as before.
 */
let web: boolean | null = null;

export function isWebApp(): boolean {
  web ??=
    typeof document !== 'undefined' &&
    document.querySelector<HTMLMetaElement>('meta[name="tutti-transport"]')?.content === 'web';
  return web;
}

/** Moves `?invite=` from the address into memory; the token, or null without one. */
export function takeInviteToken(): string | null {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('invite');
  if (!token) return null;
  url.searchParams.delete('invite');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  return token;
}

/**
 * Whether lists and reports can be exported and printed as files here: the web application's
 * server answers `exportList`, `printMembers` and `exportReport` with `unavailable` for now.
 */
export function offersFileExport(): boolean {
  return !isWebApp();
}

/** Whether the page runs the desktop's own work: sync, backups, the importer. */
export function runsDesktopWork(): boolean {
  return !isWebApp();
}
