/**
 * The web application's page: the renderer's build (dist/renderer), served by the club server
 * the way the desktop serves it, with a stricter policy — no script without the response's
 * nonce, nothing from elsewhere, no framing — and a mark that tells the page it runs as the web
 * application (`<meta name="tutti-transport" content="web">`: sign-in, sessions, no desktop
 * pages). A server whose UI was not built answers every page with a 503 that says so.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppAssets, type AssetResponse, type IndexPage } from '../../shared/node/ui/appAssets.ts';
import { STYLE_NONCE_PLACEHOLDER } from '../../shared/node/ui/securityHeaders.ts';

export const WEB_UI_DIR = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'),
  'dist',
  'renderer',
);

export function webContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const WEB_INDEX_PAGE: IndexPage = {
  policy: webContentSecurityPolicy,
  render: (html, nonce) =>
    html
      .replaceAll(STYLE_NONCE_PLACEHOLDER, nonce)
      .replaceAll('<script ', `<script nonce="${nonce}" `)
      .replaceAll('<link rel="modulepreload" ', `<link rel="modulepreload" nonce="${nonce}" `)
      .replace('<head>', '<head>\n    <meta name="tutti-transport" content="web" />'),
};

const NOT_BUILT: AssetResponse = {
  status: 503,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  body: 'Die Weboberfläche ist auf diesem Server nicht gebaut: bitte "npm run build:renderer" ausführen.\nThe web interface is not built on this server: please run "npm run build:renderer".\n',
};

/** The page and its files; loaded at the first request, again while the build is missing. */
export class WebPage {
  private assets: Promise<AppAssets> | null = null;

  constructor(private readonly dir: string = WEB_UI_DIR) {}

  async respond(pathname: string): Promise<AssetResponse> {
    this.assets ??= AppAssets.load(this.dir, WEB_INDEX_PAGE);
    try {
      return await (await this.assets).respond(pathname);
    } catch {
      this.assets = null;
      return NOT_BUILT;
    }
  }
}
