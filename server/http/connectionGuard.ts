/**
 * What keeps one bad client from hurting the others: deadlines for every phase of a connection
 * (TLS handshake, request headers, the whole request, silence in either direction), a clean
 * end for requests the HTTP parser refuses, and a handler that never lets an error thrown while
 * answering one request end the process.
 *
 * Node's defaults are generous (a 120 s handshake, 60 s for headers checked only every 30 s,
 * no idle limit at all), so a few hundred slow connections could hold the server's sockets
 * for minutes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:https';
import type { Socket } from 'node:net';
import { AppError } from '../errors.ts';
import type { Logger } from '../log/logger.ts';
import { REQUEST_ID_HEADER, requestIdFor, withRequestId } from '../log/requestContext.ts';
import type { ServerMetrics } from '../metrics/serverMetrics.ts';
import { errorBody } from './json.ts';
import { logPath } from './logPath.ts';
import { observeRequest } from './requestObserver.ts';

export interface ConnectionTimeouts {
  /** From the TCP connection to a finished TLS handshake. */
  handshakeMs: number;
  /** From the first byte of a request to the end of its headers. */
  headersMs: number;
  /** From the first byte of a request to the end of its body. */
  requestMs: number;
  /** Silence in both directions on an open connection (a stalled upload or download). */
  idleMs: number;
}

/**
 * A push is at most 1 MiB (`MAX_BODY_BYTES`): 120 s lets it through a link of 70 kbit/s.
 * 60 s of silence is well above what a pull page or a push costs the server to answer.
 */
export const DEFAULT_TIMEOUTS: ConnectionTimeouts = {
  handshakeMs: 10_000,
  headersMs: 15_000,
  requestMs: 120_000,
  idleMs: 60_000,
};

/** The options of `https.createServer` that carry the deadlines. */
export function timeoutOptions(timeouts: ConnectionTimeouts) {
  return {
    handshakeTimeout: timeouts.handshakeMs,
    headersTimeout: timeouts.headersMs,
    requestTimeout: Math.max(timeouts.requestMs, timeouts.headersMs),
    // Node checks the header and request deadlines on this interval (30 s by default).
    connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
    keepAliveTimeout: 5_000,
  };
}

const STATUS_LINE: Record<string, string> = {
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
};

/**
 * Installs the idle deadline and the handlers for broken connections on `server`. Requests
 * go to `handler` through `guardHandler`.
 */
export function guardServer(
  server: Server,
  log: Logger,
  timeouts: ConnectionTimeouts,
  listener: string,
): void {
  // Without a 'timeout' listener Node destroys a socket that was silent this long.
  server.setTimeout(timeouts.idleMs);
  // As Node's own handler does, with a log line: answer only where no answer has begun.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    log.debug({ listener, code: error.code, reason: error.message }, 'malformed request refused');
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && !inFlight?.headersSent) {
      const status = STATUS_LINE[error.code ?? ''] ?? '400 Bad Request';
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
    socket.destroy();
  });
  server.on('tlsClientError', (error: NodeJS.ErrnoException) => {
    log.debug({ listener, code: error.code, reason: error.message }, 'TLS handshake failed');
  });
}

/**
 * Wraps a request handler so that nothing thrown by it — synchronously or by the streams of
 * this one request — reaches the process: it is logged and answered with 500 where an answer
 * is still possible, and the server goes on serving everyone else.
 */
export function guardHandler<R extends IncomingMessage>(
  log: Logger,
  listener: string,
  handler: (req: R, res: ServerResponse) => void,
  metrics?: ServerMetrics,
): (req: R, res: ServerResponse) => void {
  return (req, res) => {
    // Every log line of this request names it, and so does the answer (requestContext.ts).
    const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER]);
    res.setHeader('X-Request-Id', requestId);
    if (metrics) observeRequest(metrics, listener, req, res);
    withRequestId(requestId, () => answer(req, res));
  };

  function answer(req: R, res: ServerResponse): void {
    // A client that goes away mid-request makes these streams emit 'error'; unheard, that
    // would be an uncaught exception.
    req.on('error', (error) => log.debug({ listener, reason: error.message }, 'request aborted'));
    res.on('error', (error) => log.debug({ listener, reason: error.message }, 'response aborted'));
    try {
      handler(req, res);
    } catch (error) {
      answerInternalError(log, listener, error, req, res);
    }
  }
}

export function answerInternalError(
  log: Logger,
  listener: string,
  error: unknown,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  log.error({ listener, err: error, method: req.method, url: logPath(req.url) }, 'request failed');
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({
    ok: false,
    error: errorBody(new AppError('internal', 'server.http.internal')),
  });
  res.writeHead(500, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
  });
  res.end(body);
}
