/**
 * The request a log line belongs to (issue #28): every line written while a request is being
 * answered — in the handler, deep in a service, after any number of awaits — carries its
 * `requestId`, and the answer carries the same id in `X-Request-Id`, so one failing request is
 * one `grep` in the log. An id sent by a reverse proxy is taken over when it looks like one;
 * anything else is replaced (a header must not write into the log what it likes).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

const context = new AsyncLocalStorage<{ requestId: string }>();
const PLAUSIBLE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** The id for a request: the proxy's when plausible, otherwise a new one. */
export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && PLAUSIBLE_ID.test(header) ? header : randomUUID();
}

export function withRequestId<T>(requestId: string, work: () => T): T {
  return context.run({ requestId }, work);
}

/** What the logger adds to every line (pino's `mixin`): the current request's id, if any. */
export function requestLogFields(): { requestId?: string } {
  const store = context.getStore();
  return store ? { requestId: store.requestId } : {};
}
