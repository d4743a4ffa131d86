import { describe, expect, it } from 'vitest';
import { EXTERNAL_LINKS } from '../../shared/externalLinks.ts';
import { contentSecurityPolicy } from '../../shared/node/ui/securityHeaders.ts';
import {
  denyAllPermissions,
  lockDownWebContents,
  mainWindowOptions,
  type SessionLike,
  type WebContentsLike,
} from './windowSecurity.ts';

type Listener = (event: { preventDefault(): void }, url: string) => void;

class WebContentsDouble implements WebContentsLike {
  listeners = new Map<string, Listener>();
  openHandler?: (details: { url: string }) => { action: 'deny' };
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
  /** Emits an event the way Electron does and says whether the page's wish was refused. */
  emit(event: string, url = ''): boolean {
    let prevented = false;
    this.listeners.get(event)!({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

describe('main window options', () => {
  const { webPreferences } = mainWindowOptions({
    preloadPath: '/app/preload.cjs',
    bounds: { width: 1200, height: 800 },
    devTools: false,
  });

  it('follow the Electron security checklist', () => {
    expect(webPreferences).toMatchObject({
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
      devTools: false,
      preload: '/app/preload.cjs',
    });
  });
});

describe('content security policy', () => {
  it('allows only the app itself', () => {
    const csp = contentSecurityPolicy('abc');
    expect(csp.split('; ')).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'nonce-abc'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "connect-src 'self'",
      ]),
    );
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:|https:/);
  });
});

describe('navigation and new windows', () => {
  function lockedDown() {
    const contents = new WebContentsDouble();
    const opened: string[] = [];
    lockDownWebContents(contents, (url) => opened.push(url));
    return { contents, opened };
  }

  it('stays inside app://tutti/', () => {
    const { contents } = lockedDown();
    expect(contents.emit('will-navigate', 'app://tutti/index.html')).toBe(false);
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)',
    ]) {
      expect(contents.emit('will-navigate', url), url).toBe(true);
      expect(contents.emit('will-redirect', url), url).toBe(true);
    }
    expect(contents.emit('will-attach-webview')).toBe(true);
  });

  it('opens no window, and hands only the links the app offers to the browser', () => {
    const { contents, opened } = lockedDown();
    for (const url of [
      EXTERNAL_LINKS.gdprText,
      'https://evil.example/',
      'http://eur-lex.europa.eu/',
      'app://tutti/index.html',
    ]) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([EXTERNAL_LINKS.gdprText]);
  });
});

describe('permissions', () => {
  it('are all denied', () => {
    let request:
      | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void)
      | undefined;
    let check: ((wc: unknown, permission: string) => boolean) | undefined;
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
    };
    denyAllPermissions(session);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
    ]) {
      let granted: boolean | undefined;
      request!(null, permission, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(check!(null, permission)).toBe(false);
    }
  });
});
