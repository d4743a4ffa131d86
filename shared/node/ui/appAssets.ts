/**
 * The built UI (dist/renderer) as responses, for every way it is served: the local browser
 * mode's HTTP server, the Electron app's own `app://` protocol and the club server's web
 * application. Every app route gets index.html with a fresh nonce and the content security
 * policy; files outside the folder are never read.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy, STYLE_NONCE_PLACEHOLDER } from './securityHeaders.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface AssetResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** How index.html is served: the default is the desktop's (style nonce, scripts from 'self'). */
export interface IndexPage {
  policy(nonce: string): string;
  /** The page with the response's nonce put in. */
  render(html: string, nonce: string): string;
}

const DESKTOP_PAGE: IndexPage = {
  policy: contentSecurityPolicy,
  render: (html, nonce) => html.replaceAll(STYLE_NONCE_PLACEHOLDER, nonce),
};

export class AppAssets {
  private constructor(
    private readonly staticDir: string,
    private readonly indexHtml: string,
    private readonly page: IndexPage,
  ) {}

  static async load(staticDir: string, page: IndexPage = DESKTOP_PAGE): Promise<AppAssets> {
    return new AppAssets(staticDir, await readFile(join(staticDir, 'index.html'), 'utf8'), page);
  }

  async respond(pathname: string): Promise<AssetResponse> {
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    } catch {
      return notFound();
    }
    const file = join(this.staticDir, relative);
    const isAsset =
      relative !== '' && file.startsWith(this.staticDir + sep) && extname(file) !== '';
    if (!isAsset || relative === 'index.html') return this.index();
    try {
      return {
        status: 200,
        headers: {
          'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-cache',
        },
        body: await readFile(file),
      };
    } catch {
      return notFound();
    }
  }

  private index(): AssetResponse {
    const nonce = randomBytes(16).toString('base64');
    return {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES['.html']!,
        'Content-Security-Policy': this.page.policy(nonce),
        'Cache-Control': 'no-store',
      },
      body: this.page.render(this.indexHtml, nonce),
    };
  }
}

function notFound(): AssetResponse {
  return {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    body: 'Nicht gefunden.',
  };
}
