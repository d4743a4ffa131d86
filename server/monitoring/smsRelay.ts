/**
 * The SMS relay (`tutti-server sms-relay --config F`): Alertmanager posts each notification to
 * `POST /alerts`, the relay turns it into one text and hands it to the SMS gateway for every
 * recipient. It answers 200 only when every phone got the text, and 502 otherwise, so that
 * Alertmanager sends the notification again later and counts the failure in its own metrics;
 * what did arrive is remembered (deliveryMemory.ts) and not sent twice.
 *
 * Plain HTTP, meant for 127.0.0.1 beside Alertmanager; on any other address the configuration
 * requires a bearer token. `GET /healthz` says the relay is alive.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { AppError, isAppError } from '../errors.ts';
import {
  answerInternalError,
  type ConnectionTimeouts,
  guardHandler,
  guardServer,
  timeoutOptions,
} from '../http/connectionGuard.ts';
import { readJson, sendError, sendOk } from '../http/json.ts';
import { isLoopback } from '../http/loopback.ts';
import type { Logger } from '../log/logger.ts';
import { alertText, parseAlertmanagerPayload } from './alertText.ts';
import { DAY_MS, DeliveryMemory, type DeliveryOutcome, notificationKey } from './deliveryMemory.ts';
import type { Secret } from './secretFile.ts';
import { createSmsSender, deliveryBudgetMs } from './smsGateway.ts';
import type { SmsRelayConfig } from './smsRelayConfig.ts';

/** Alertmanager's notifications are a few KiB; a group of hundreds of alerts still fits. */
export const MAX_ALERT_BODY_BYTES = 256 * 1024;

const LISTENER = 'sms-relay';

export interface SmsRelayOptions {
  /** The first pause before a retry, doubled for each further one (default 2 s). */
  retryBaseDelayMs?: number;
  /** The clock of the delivery memory (tests). */
  now?: () => number;
}

export interface SmsRelay {
  port: number;
  /** Stops listening; deliveries still retrying give up and are answered 502. */
  close(): Promise<void>;
}

/** Until the answer is out: `close()` ends the connections only after that. */
function sent(res: ServerResponse): Promise<void> {
  if (res.writableFinished || res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    res.once('finish', resolve);
    res.once('close', resolve);
  });
}

function bearerMatches(header: string | undefined, token: Secret): boolean {
  const given = /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
  if (given === undefined) return false;
  // Hashes of equal length, so the comparison takes the same time whatever was sent.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token.reveal()));
}

export async function startSmsRelay(
  config: SmsRelayConfig,
  log: Logger,
  options: SmsRelayOptions = {},
): Promise<SmsRelay> {
  const baseDelayMs = options.retryBaseDelayMs ?? 2_000;
  const stop = new AbortController();
  const memory = new DeliveryMemory(DAY_MS, 10_000, options.now);
  const send = createSmsSender(config, log, { baseDelayMs, signal: stop.signal });
  const timeouts: ConnectionTimeouts = {
    handshakeMs: 10_000,
    headersMs: 15_000,
    requestMs: 30_000,
    // The connection is silent while the gateway is tried; it must outlast the longest try.
    idleMs: deliveryBudgetMs(config, baseDelayMs) + 30_000,
  };

  async function relay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD'))
      return sendOk(res, { status: 'ok' });
    if (path !== '/alerts') throw new AppError('not_found', 'server.http.unknownAddress');
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      throw new AppError('bad_request', 'server.http.methodNotAllowed', {}, { status: 405 });
    }
    if (config.token && !bearerMatches(req.headers.authorization, config.token)) {
      log.warn({ listener: LISTENER }, 'webhook refused: missing or wrong bearer token');
      res.setHeader('WWW-Authenticate', 'Bearer');
      throw new AppError('forbidden', 'server.smsRelay.unauthorized', {}, { status: 401 });
    }
    const payload = parseAlertmanagerPayload(await readJson(req, MAX_ALERT_BODY_BYTES));
    const text = alertText(payload, config);
    const key = notificationKey(payload);
    const about = {
      status: payload.status,
      alerts: payload.alerts.length,
      alertname: payload.alerts[0]!.labels.alertname,
    };
    const outcomes = await Promise.all(
      config.recipients.map((to) =>
        memory
          .once(`${key}:${to}`, () => send(to, text))
          .catch((error): DeliveryOutcome => {
            log.error({ ...about, err: error }, 'SMS delivery failed unexpectedly');
            return 'failed';
          }),
      ),
    );
    const count = (outcome: DeliveryOutcome) => outcomes.filter((o) => o === outcome).length;
    const result = {
      sent: count('sent'),
      sentBefore: count('sent_before'),
      failed: count('failed'),
    };
    if (result.failed === 0) {
      log.info({ ...about, ...result }, 'notification relayed');
      return sendOk(res, result);
    }
    log.error({ ...about, ...result }, 'notification not relayed to every recipient');
    throw new AppError(
      'unavailable',
      'server.smsRelay.notDelivered',
      { count: result.failed, total: outcomes.length },
      { status: 502 },
    );
  }

  const running = new Set<Promise<void>>();
  const server = createServer(
    timeoutOptions(timeouts),
    guardHandler(log, LISTENER, (req, res) => {
      const answered = relay(req, res)
        .catch((error) => {
          if (isAppError(error) && !res.headersSent) sendError(res, error);
          else answerInternalError(log, LISTENER, error, req, res);
        })
        .then(() => sent(res))
        .finally(() => running.delete(answered));
      running.add(answered);
    }),
  );
  // guardServer uses only what an HTTP server has too (its TLS event never fires here).
  guardServer(server as unknown as HttpsServer, log, timeouts, LISTENER);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.listen.port, config.listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const gatewayUrl = new URL(config.gateway.url.replace(/\{[^}]*\}/g, 'x'));
  log.info(
    {
      listener: LISTENER,
      host: config.listen.host,
      port,
      gateway: gatewayUrl.host,
      recipients: config.recipients.length,
      tokenRequired: config.token !== undefined,
    },
    'SMS relay listening',
  );
  if (gatewayUrl.protocol === 'http:' && !isLoopback(gatewayUrl.hostname))
    log.warn(
      { gateway: gatewayUrl.host },
      'SMS gateway over plain HTTP: texts, numbers and the auth header travel unencrypted',
    );

  return {
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      stop.abort();
      await Promise.allSettled([...running]);
      server.closeAllConnections();
      await closed;
    },
  };
}
