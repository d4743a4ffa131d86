/**
 * Log lines name a request by its path only: an invitation's token in the query
 * (`/api/web/invite?token=…`, `/?invite=…`) never reaches the log — checked at each place that
 * logs an unexpected failure of a request.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { webApi } from '../api/webApi.ts';
import type { Services } from '../app/services.ts';
import type { WebPage } from '../web/webPage.ts';
import { answerInternalError } from './connectionGuard.ts';
import { logPath } from './logPath.ts';
import type { Router } from './router.ts';

const SECRET = 'Einladung-geheim-0123456789abcdef';

function capturingLog() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

let server: Server | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

async function get(handler: Parameters<typeof createServer>[1], path: string): Promise<number> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the path of a request in the log', () => {
  it('drops the query and the fragment', () => {
    expect(logPath('/api/web/invite?token=abc')).toBe('/api/web/invite');
    expect(logPath('/?invite=abc')).toBe('/');
    expect(logPath('/members#x?y')).toBe('/members');
    expect(logPath('/api/rpc')).toBe('/api/rpc');
    expect(logPath(undefined)).toBe('');
  });

  it('logs an unexpected failure of a route without the query', async () => {
    const { log, lines } = capturingLog();
    const app = {
      addRoutes: (router: Router<Services>) => {
        router.on('GET', '/api/web/invite', async () => {
          throw new Error('kaputt');
        });
      },
      page: {} as WebPage,
    };
    const handler = webApi({} as Services, log, { devicePort: 8443, app });
    expect(await get(handler, `/api/web/invite?token=${SECRET}`)).toBe(500);
    const failed = lines.find((l) => l.msg === 'web request failed');
    expect(failed?.url).toBe('/api/web/invite');
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  });

  it('logs a failure of the page without the query', async () => {
    const { log, lines } = capturingLog();
    const page = {
      respond: async () => {
        throw new Error('kaputt');
      },
    } as unknown as WebPage;
    const handler = webApi({} as Services, log, {
      devicePort: 8443,
      app: { addRoutes: () => {}, page },
    });
    expect(await get(handler, `/?invite=${SECRET}`)).toBe(500);
    const failed = lines.find((l) => l.msg === 'web page failed');
    expect(failed?.url).toBe('/');
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  });

  it('logs an error thrown by a handler without the query', async () => {
    const { log, lines } = capturingLog();
    const status = await get(
      (req, res) => answerInternalError(log, 'web', new Error('kaputt'), req, res),
      `/members?invite=${SECRET}`,
    );
    expect(status).toBe(500);
    const failed = lines.find((l) => l.msg === 'request failed');
    expect(failed?.url).toBe('/members');
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  });
});
