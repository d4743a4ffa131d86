/**
 * The API on the device listener (mutual TLS): the club's records through the rights-checked
 * data API, who am I, and certificate renewal. No route takes a club id: the club is the one
 * in the device's certificate, so club A's device has no way to name club B.
 */
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { type EntityName, entityNameSchema } from '../../shared/domain/entities.ts';
import { pushRequestSchema, renewRequestSchema, SYNC_PATHS } from '../../shared/sync/protocol.ts';
import type { Services } from '../app/services.ts';
import { AppError } from '../errors.ts';
import { parseWith, readJson, sendOk } from '../http/json.ts';
import { logPath } from '../http/logPath.ts';
import { Router } from '../http/router.ts';
import type { Logger } from '../log/logger.ts';
import { isSupportIdentity } from '../pki/deviceIdentity.ts';
import { MAX_PULL_PAGE } from '../sync/syncService.ts';
import type { DeviceRequest } from '../tls/deviceListener.ts';
import { authenticate } from './authenticate.ts';

const pullQuerySchema = z
  .object({
    cursor: z.coerce.number({ error: 'server.http.cursorNotNumber' }).int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_PULL_PAGE).optional(),
  })
  .strict();
const recordBodySchema = z.record(z.string(), z.unknown(), {
  error: 'server.http.expectedObject',
});

function entityOf(params: Record<string, string>): EntityName {
  const parsed = entityNameSchema.safeParse(params.entity);
  if (!parsed.success)
    throw new AppError('not_found', 'server.http.unknownEntity', { entity: params.entity ?? '' });
  return parsed.data;
}

export function deviceApi(
  services: Services,
  log: Logger,
  hooks: { certificatesChanged(): Promise<void> },
): (req: DeviceRequest, res: ServerResponse) => void {
  const callerOf = (req: DeviceRequest) =>
    authenticate(services, req.device, req.serial, req.address, req.headers);
  const router = new Router<Services>((error, req) =>
    log.error({ err: error, method: req.method, url: logPath(req.url) }, 'device request failed'),
  )
    .on('GET', '/api/v1/me', async (s, _p, req, res) => {
      const caller = await callerOf(req as DeviceRequest);
      const principal = await s.db.withClub(caller.clubId, (sql) => caller.resolve(sql));
      sendOk(res, {
        clubId: principal.clubId,
        actor: principal.actor,
        registerIds: principal.subject.registerIds,
        memberId: principal.subject.memberId,
      });
    })
    .on('GET', '/api/v1/records/:entity', async (s, params, req, res) => {
      sendOk(res, await s.records.list(await callerOf(req as DeviceRequest), entityOf(params)));
    })
    .on('GET', '/api/v1/records/:entity/:id', async (s, params, req, res) => {
      sendOk(
        res,
        await s.records.get(await callerOf(req as DeviceRequest), entityOf(params), params.id!),
      );
    })
    .on('PUT', '/api/v1/records/:entity/:id', async (s, params, req, res) => {
      const caller = await callerOf(req as DeviceRequest);
      const entity = entityOf(params);
      const body = parseWith(recordBodySchema, await readJson(req));
      sendOk(res, await s.records.save(caller, entity, params.id!, body));
    })
    .on('DELETE', '/api/v1/records/:entity/:id', async (s, params, req, res) => {
      await s.records.remove(await callerOf(req as DeviceRequest), entityOf(params), params.id!);
      sendOk(res, null);
    })
    .on('POST', SYNC_PATHS.push, async (s, _p, req, res) => {
      const device = req as DeviceRequest;
      const caller = await callerOf(device);
      const { mutations, sentAt } = parseWith(pushRequestSchema, await readJson(req));
      const timer = s.metrics.syncDuration.startTimer({ operation: 'push' });
      const answer = await s.sync.push(caller, device.device.deviceId, mutations, sentAt);
      timer();
      sendOk(res, answer);
    })
    .on('GET', SYNC_PATHS.pull, async (s, _p, req, res) => {
      const device = req as DeviceRequest;
      const caller = await callerOf(device);
      const query = parseWith(
        pullQuerySchema,
        Object.fromEntries(new URL(req.url ?? '/', 'https://x').searchParams),
      );
      const timer = s.metrics.syncDuration.startTimer({ operation: 'pull' });
      const page = await s.sync.pull(caller, device.device.deviceId, query.cursor, query.limit);
      timer();
      sendOk(res, page);
    })
    .on('POST', SYNC_PATHS.renewCertificate, async (s, _p, req, res) => {
      const device = req as DeviceRequest;
      // A support device renews without any club's consent; a member device as its user.
      if (isSupportIdentity(device.device)) {
        if (!(await s.devices.isCurrent(device.device, device.serial)))
          throw new AppError('forbidden', 'server.devices.goneRenew');
      } else {
        const caller = await callerOf(device);
        await s.db.withClub(caller.clubId, (sql) => caller.resolve(sql));
      }
      const { csr } = parseWith(renewRequestSchema, await readJson(req));
      const issued = await s.devices.renew(device.device, device.serial, csr, device.address);
      await hooks.certificatesChanged();
      log.info(
        { deviceId: issued.deviceId, notAfter: issued.notAfter },
        'device certificate renewed',
      );
      sendOk(res, {
        certificate: issued.certificatePem,
        caCertificate: issued.caCertificatePem,
        notAfter: issued.notAfter.toISOString(),
      });
    });
  return (req, res) => void router.handle(services, req, res);
}
