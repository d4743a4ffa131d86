/**
 * The desktop app loads its UI from its own privileged scheme, `app://tutti/`, never from
 * file:// (which would give every local file the same origin) and never from the network.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tutti';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
