/**
 * The metrics listener (issue #28): `GET /metrics` for Prometheus, apart from the listeners
 * people and devices use, so that it can stay on the loopback interface. Bound anywhere else
 * it needs a bearer token (from a file; compared in constant time) and speaks TLS with the
 * server's certificate — metrics name clubs and paths, and a token must not cross a network
 * in the clear.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { AppError } from '../errors.ts';
import {
  type ConnectionTimeouts,
  DEFAULT_TIMEOUTS,
  guardHandler,
  guardServer,
  timeoutOptions,
} from '../http/connectionGuard.ts';
import { isLoopback } from '../http/loopback.ts';
import type { Logger } from '../log/logger.ts';
import { type Listening, listen } from '../tls/listen.ts';
import { TLS_POLICY } from '../tls/tlsPolicy.ts';
import type { ServerMetrics } from './serverMetrics.ts';

export const DEFAULT_METRICS_HOST = '127.0.0.1';
export const DEFAULT_METRICS_PORT = 9469;

export interface MetricsListenerOptions {
  metrics: ServerMetrics;
  log: Logger;
  host?: string;
  port?: number;
  /** Required unless the host is a loopback address. */
  token?: string;
  /** The server's certificate and key: used whenever a token is. */
  tls?: { certificatePem: string; privateKeyPem: string };
  timeouts?: ConnectionTimeouts;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export async function startMetricsListener(options: MetricsListenerOptions): Promise<Listening> {
  const host = options.host ?? DEFAULT_METRICS_HOST;
  if (!isLoopback(host) && !options.token)
    throw new AppError('bad_arguments', 'server.metrics.tokenNeeded', { host });
  const expected = options.token ? digest(`Bearer ${options.token}`) : null;
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res
        .writeHead(401, {
          'Content-Type': 'text/plain; charset=utf-8',
          'WWW-Authenticate': 'Bearer',
        })
        .end('unauthorized\n');
      return;
    }
    try {
      const { contentType, body } = await options.metrics.exposition();
      res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      options.log.error({ err: error }, 'metrics could not be collected');
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    }
  };
  const handler = guardHandler(options.log, 'metrics', (req, res) => void answer(req, res));
  const secure = Boolean(options.token && options.tls);
  const server =
    secure && options.tls
      ? createHttpsServer(
          {
            ...TLS_POLICY,
            ...timeoutOptions(timeouts),
            key: options.tls.privateKeyPem,
            cert: options.tls.certificatePem,
          },
          handler,
        )
      : createHttpServer(timeoutOptions(timeouts), handler);
  guardServer(server as Server, options.log, timeouts, 'metrics');
  const listening = await listen(server as Server, host, options.port ?? DEFAULT_METRICS_PORT);
  // listen() names every listener https; this one is plain HTTP on the loopback interface.
  return secure ? listening : { ...listening, url: listening.url.replace(/^https:/, 'http:') };
}
