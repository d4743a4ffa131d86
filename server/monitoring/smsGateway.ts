/**
 * Hands one text for one phone to the SMS gateway, retrying what may pass on a second try (no
 * connection, no answer in time, 5xx, 429) with exponential backoff, and giving up at once on
 * what will not (any other 4xx, a redirect: the configuration is wrong). Every attempt has its
 * own deadline, so a gateway that hangs costs at most `deliveryBudgetMs`.
 *
 * Logged: the gateway's host, the phone's last three digits, the status or error code — never
 * the url (it carries the number and the text, at some gateways a key), a header or a body.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log/logger.ts';
import type { SmsRelayConfig } from './smsRelayConfig.ts';
import { fillTemplate } from './smsTemplate.ts';

export interface SmsSenderOptions {
  /** The first pause before a retry; each further one doubles it. */
  baseDelayMs: number;
  /** Aborts every attempt and pause (the relay is closing). */
  signal: AbortSignal;
}

export type SendSms = (to: string, text: string) => Promise<boolean>;

/** `+4917012345678` → `***678`: enough to tell the recipients apart in a log. */
export function maskPhone(number: string): string {
  return `***${number.slice(-3)}`;
}

/** The longest one delivery can take: every attempt timing out, every pause waited. */
export function deliveryBudgetMs(config: SmsRelayConfig, baseDelayMs: number): number {
  const attempts = config.retries + 1;
  const pauses = baseDelayMs * (2 ** config.retries - 1);
  return attempts * config.gateway.timeoutSeconds * 1000 + pauses;
}

type Attempt = { ok: true } | { ok: false; retry: boolean; status?: number; reason?: string };

function errorCode(error: unknown): string {
  const { name, cause } = error as Error & { cause?: { code?: string } };
  return cause?.code ?? name;
}

export function createSmsSender(
  config: SmsRelayConfig,
  log: Logger,
  options: SmsSenderOptions,
): SendSms {
  const { gateway } = config;
  const gatewayHost = new URL(gateway.url.replace(/\{[^}]*\}/g, 'x')).host;
  const attempts = config.retries + 1;

  async function attempt(to: string, text: string): Promise<Attempt> {
    const headers = new Headers(gateway.headers);
    if (gateway.authHeader) headers.set(gateway.authHeader.name, gateway.authHeader.value.reveal());
    const timeout = AbortSignal.timeout(gateway.timeoutSeconds * 1000);
    try {
      const response = await fetch(fillTemplate(gateway.url, 'url', { to, text }), {
        method: gateway.method,
        headers,
        ...(gateway.body === undefined
          ? {}
          : { body: fillTemplate(gateway.body, 'body', { to, text }) }),
        // A redirect would carry the auth header elsewhere; the configured url is the one.
        redirect: 'manual',
        signal: AbortSignal.any([timeout, options.signal]),
      });
      // Only the status counts; the body is dropped so the connection is free again.
      await response.body?.cancel().catch(() => {});
      if (response.ok) return { ok: true };
      const { status } = response;
      return { ok: false, retry: status === 429 || status >= 500, status };
    } catch (error) {
      if (options.signal.aborted) return { ok: false, retry: false, reason: 'relay closing' };
      return { ok: false, retry: true, reason: timeout.aborted ? 'timeout' : errorCode(error) };
    }
  }

  return async (to, text) => {
    const who = { to: maskPhone(to), gateway: gatewayHost };
    for (let n = 1; n <= attempts; n++) {
      const result = await attempt(to, text);
      if (result.ok) {
        log.info({ ...who, attempt: n }, 'SMS handed to the gateway');
        return true;
      }
      const { status, reason } = result;
      const last = !result.retry || n === attempts || options.signal.aborted;
      if (last) {
        log.error(
          { ...who, attempt: n, status, reason, retried: n - 1 },
          result.retry ? 'SMS not delivered: gateway kept failing' : 'SMS refused by the gateway',
        );
        return false;
      }
      const delayMs = options.baseDelayMs * 2 ** (n - 1);
      log.warn({ ...who, attempt: n, status, reason, delayMs }, 'SMS attempt failed; retrying');
      try {
        await sleep(delayMs, undefined, { signal: options.signal });
      } catch {
        log.error({ ...who, attempt: n }, 'SMS not delivered: relay closing');
        return false;
      }
    }
    return false;
  };
}
