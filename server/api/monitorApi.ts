/**
 * What the device listener answers a monitoring location (issue #28): its probe and the
 * renewal of its own client certificate (at the path devices renew theirs), nothing else — a
 * location never reaches a club's data.
 *
 * The probe is a request, not the handshake alone: under TLS 1.3 the client's handshake ends
 * before the server has checked the client certificate, so a refused (expired, revoked)
 * certificate would still look like a successful handshake. A 200 here proves the listener
 * took the certificate and answers.
 */
import type { ServerResponse } from 'node:http';
import { renewRequestSchema, SYNC_PATHS } from '../../shared/sync/protocol.ts';
import type { Services } from '../app/services.ts';
import { AppError } from '../errors.ts';
import { parseWith, readJson, sendError, sendOk } from '../http/json.ts';
import { logPath } from '../http/logPath.ts';
import { Router } from '../http/router.ts';
import type { Logger } from '../log/logger.ts';
import type { MonitorRequest } from '../tls/deviceListener.ts';

/** The blackbox exporter's request on the device listener (deploy/monitoring/blackbox.yml). */
export const MONITOR_PROBE_PATH = '/monitor/v1/probe';

export function monitorApi(
  services: Services,
  log: Logger,
  hooks: { certificatesChanged(): Promise<void> },
): (req: MonitorRequest, res: ServerResponse) => void {
  const router = new Router<Services>((error, req) =>
    log.error({ err: error, method: req.method, url: logPath(req.url) }, 'monitor request failed'),
  )
    .on('GET', MONITOR_PROBE_PATH, async (_s, _p, _req, res) =>
      sendOk(res, { status: 'listening' }),
    )
    .on('POST', SYNC_PATHS.renewCertificate, async (s, _p, req, res) => {
      const { monitor } = req as MonitorRequest;
      const { csr } = parseWith(renewRequestSchema, await readJson(req, 16 * 1024));
      const issued = await s.monitors.renew(monitor.name, monitor.serial, csr);
      // A certificate the renewal retired (one that never reached the location): on the CRL now.
      await hooks.certificatesChanged();
      log.info({ monitor: monitor.name, notAfter: issued.notAfter }, 'monitor certificate renewed');
      sendOk(res, {
        certificate: issued.certificatePem,
        caCertificate: s.ca.certificate.toString('pem'),
        notAfter: issued.notAfter.toISOString(),
      });
    });
  return (req, res) =>
    void (async () => {
      const { monitor } = req;
      // Every request says which certificate the location uses: its first use of a renewed
      // one retires the previous (on the CRL from now on); one no longer its own is refused.
      const use = await services.monitors.seen(monitor.name, monitor.serial);
      if (use === 'promoted') await hooks.certificatesChanged();
      if (use === 'refused') throw new AppError('forbidden', 'server.monitor.notCurrent', monitor);
      await router.handle(services, req, res);
    })().catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof AppError) return sendError(res, error);
      log.error({ err: error, monitor: req.monitor.name }, 'monitor request failed');
      sendError(res, new AppError('internal', 'server.http.internal'));
    });
}
