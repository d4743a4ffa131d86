/**
 * What the web listener (server TLS only) answers: health and readiness; the enrolment of devices — a device
 * has no certificate yet, so it proves itself with a one-time code, and wrong codes are
 * rate-limited per address; and the web application (issue #27): its sign-in and data routes
 * under `/api/`, and its page for every other address a browser asks for.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Services } from '../app/services.ts';
import { AppError } from '../errors.ts';
import type { Readiness } from '../health/readiness.ts';
import { parseWith, readJson, sendError, sendOk } from '../http/json.ts';
import { logPath } from '../http/logPath.ts';
import { markRoute } from '../http/requestRoute.ts';
import { Router } from '../http/router.ts';
import type { Logger } from '../log/logger.ts';
import { RateLimiter } from '../security/rateLimiter.ts';
import type { WebPage } from '../web/webPage.ts';

/** The web application on this listener: its routes and its page. */
export interface WebApplication {
  addRoutes(router: Router<Services>): void;
  page: WebPage;
}

/** Addresses the router answers; every other GET is the web application's page. */
const API_PREFIXES = ['/api/', '/enrol/', '/healthz', '/readyz', '/metrics'];

function isApiPath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?')[0]!;
  return API_PREFIXES.some((prefix) => path.startsWith(prefix));
}

const enrolSchema = z
  .object({
    code: z.string({ error: 'server.enrolment.codeMissing' }).max(200),
    csr: z.string({ error: 'server.enrolment.csrMissing' }).max(8192),
    /** The computer's name, as the device reports it; only shown, never trusted. */
    deviceName: z.string().max(100).optional(),
  })
  .strict();

/** The host name of a Host header ("tutti.example:8443", "[::1]:8443"), without the port. */
function hostOf(header: string | undefined): string {
  const host = header ?? 'localhost';
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
}

export interface WebApiOptions {
  /** Where devices sync: the device listener's port, told to a device at enrolment. */
  devicePort: number;
  limiter?: RateLimiter;
  app?: WebApplication;
  /** What `/readyz` answers (issue #28); without it, only `/healthz`. */
  readiness?: Readiness;
}

export function webApi(
  services: Services,
  log: Logger,
  options: WebApiOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { devicePort, app, readiness } = options;
  const limiter =
    options.limiter ??
    new RateLimiter({ maxFailures: 10, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 });
  const router = new Router<Services>((error, req) =>
    log.error({ err: error, method: req.method, url: logPath(req.url) }, 'web request failed'),
  )
    // Alive: the process answers. No database call, so a slow database never makes a load
    // balancer or a supervisor kill a node that would recover by itself.
    .on('GET', '/healthz', async (_s, _p, _req, res) => sendOk(res, { status: 'alive' }))
    // Ready: states and counts only — this endpoint is public and names no club or path.
    .on('GET', '/readyz', async (_s, _p, _req, res) => {
      if (!readiness) throw new AppError('not_found', 'server.http.unknownAddress');
      const report = await readiness.report();
      sendOk(res, report, report.status === 'unavailable' ? 503 : 200);
    })
    // Public: a device compares its fingerprint with the one in its code before trusting it.
    .on('GET', '/enrol/v1/ca', async (s, _p, _req, res) =>
      sendOk(res, { caCertificate: s.ca.certificate.toString('pem') }),
    )
    .on('POST', '/enrol/v1', async (s, _p, req, res) => {
      const address = req.socket.remoteAddress ?? 'unknown';
      const { code, csr, deviceName } = parseWith(enrolSchema, await readJson(req, 32 * 1024));
      if (!limiter.attempt(address)) {
        s.metrics.lockouts.inc({ kind: 'enrolment' });
        log.warn({ address }, 'enrolment locked out');
        throw new AppError('locked', 'server.enrolment.tooManyAttempts', {
          count: Math.ceil(limiter.retryAfter(address) / 60_000),
        });
      }
      const issued = await s.devices.enrol(code, csr, address, deviceName).catch((error) => {
        s.metrics.enrolmentFailures.inc();
        throw error;
      });
      s.metrics.enrolments.inc();
      limiter.succeed(address);
      log.info({ deviceId: issued.deviceId, address }, 'device enrolled');
      sendOk(res, {
        deviceId: issued.deviceId,
        identity: issued.identity,
        certificate: issued.certificatePem,
        caCertificate: issued.caCertificatePem,
        notAfter: issued.notAfter.toISOString(),
        // Where the device syncs: the host it reached us by, on the device listener's port.
        syncUrl: `https://${hostOf(req.headers.host)}:${devicePort}`,
      });
    });
  app?.addRoutes(router);
  return (req, res) => {
    if (app && (req.method === 'GET' || req.method === 'HEAD') && !isApiPath(req.url)) {
      markRoute(res, 'page');
      void servePage(app.page, req, res, log);
      return;
    }
    void router.handle(services, req, res);
  };
}

async function servePage(
  page: WebPage,
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
): Promise<void> {
  let pathname: string;
  try {
    pathname = new URL(req.url ?? '/', 'https://tutti.invalid').pathname;
  } catch {
    // A request target that is not a path (`http://[`): the caller's mistake, said as such.
    sendError(res, new AppError('bad_request', 'server.http.badAddress'));
    return;
  }
  try {
    const answer = await page.respond(pathname);
    res.writeHead(answer.status, answer.headers);
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  } catch (error) {
    log.error({ err: error, url: logPath(req.url) }, 'web page failed');
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end();
  }
}
