/**
 * The listener for people (the web application, the enrolment of devices): server-side TLS only,
 * under the same TLS policy as the device listener, with HSTS and the usual security headers on
 * every answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { COMMON_HEADERS } from '../../shared/node/ui/securityHeaders.ts';
import {
  type ConnectionTimeouts,
  DEFAULT_TIMEOUTS,
  guardHandler,
  guardServer,
  timeoutOptions,
} from '../http/connectionGuard.ts';
import type { Logger } from '../log/logger.ts';
import type { ServerMetrics } from '../metrics/serverMetrics.ts';
import { type Listening, listen } from './listen.ts';
import { TLS_POLICY } from './tlsPolicy.ts';

export const WEB_SECURITY_HEADERS: Record<string, string> = {
  // Two years, subdomains included: browsers never try plain HTTP again.
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  // The same as the desktop's page and API answers: no sniffing, no referrer, no framing.
  ...COMMON_HEADERS,
  // For every answer that is not the page (the page sends its own, with its nonce).
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
};

export type WebListener = Listening;

export async function startWebListener(options: {
  serverCertificatePem: string;
  serverPrivateKeyPem: string;
  handler(req: IncomingMessage, res: ServerResponse): void;
  log: Logger;
  metrics?: ServerMetrics;
  timeouts?: ConnectionTimeouts;
  host?: string;
  port?: number;
}): Promise<WebListener> {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const server: Server = createServer(
    {
      ...TLS_POLICY,
      ...timeoutOptions(timeouts),
      key: options.serverPrivateKeyPem,
      cert: options.serverCertificatePem,
    },
    guardHandler(
      options.log,
      'web',
      (req, res) => {
        for (const [name, value] of Object.entries(WEB_SECURITY_HEADERS))
          res.setHeader(name, value);
        options.handler(req, res);
      },
      options.metrics,
    ),
  );
  guardServer(server, options.log, timeouts, 'web');
  return listen(server, options.host, options.port);
}
