/**
 * The Electron security checklist, as code the tests can read: the main window's options, the
 * navigation and window-opening rules, and the session's permission policy. Electron's objects
 * are passed in, so all of it runs under plain Node.
 */
import { isOfferedExternalLink } from '../../shared/externalLinks.ts';
import { isAppUrl } from './appOrigin.ts';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export function mainWindowOptions(options: {
  preloadPath: string;
  bounds: WindowBounds;
  devTools: boolean;
}) {
  return {
    ...options.bounds,
    minWidth: 1000,
    minHeight: 640,
    title: 'Tutti',
    show: false, // shown on 'ready-to-show', so no white flash
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spell checker downloads dictionaries from Google: no calls home.
      spellcheck: false,
      devTools: options.devTools,
    },
  } as const;
}

interface PreventableEvent {
  preventDefault(): void;
}

/** What of Electron's WebContents the rules touch. */
export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Navigation stays inside `app://tutti/`; new windows are never opened; a link the app itself
 * offers (https, on the list in shared/externalLinks.ts) goes to the user's browser.
 */
export function lockDownWebContents(
  contents: WebContentsLike,
  openExternal: (url: string) => void,
  log: (line: string) => void = () => {},
): void {
  const refuseForeign = (event: PreventableEvent, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log(`navigation to ${url} refused`);
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isOfferedExternalLink(url)) openExternal(url);
    else log(`new window for ${url} refused`);
    return { action: 'deny' };
  });
}

/** What of Electron's Session the permission policy touches. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** Club administration needs no camera, microphone, location, notifications or USB. */
export function denyAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
