/**
 * One JSON request over HTTPS as the desktop makes it to the club server: the server is
 * verified against the pinned club-server CA only (never the system's CAs), and with a device
 * certificate the connection is mutually authenticated.
 *
 * Every request settles: it has an overall deadline and an idle limit, a connection cut at any
 * point (handshake, upload, answer) rejects it, and so does the caller's abort signal (a core
 * that is shutting down). A request that never settled once kept a sync round "running"
 * forever.
 */
import { Agent, request } from 'node:https';
import type { Message, MessageParams } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';

export interface TlsIdentity {
  /** The pinned CA; null only for the one unverified fetch of the CA during enrolment. */
  caCertificatePem: string | null;
  certificatePem?: string;
  privateKeyPem?: string;
}

export interface JsonResponse {
  status: number;
  body: unknown;
}

export interface RequestLimits {
  /** The whole request, from the first connection attempt to the last byte of the answer. */
  deadlineMs: number;
  /** Silence in both directions (a stalled handshake, upload or answer). */
  idleMs: number;
  /** A pull page is well under 10 MB; anything far larger is not from a Tutti server. */
  maxResponseBytes: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  deadlineMs: 120_000,
  idleMs: 30_000,
  maxResponseBytes: 64 * 1024 * 1024,
};

export type ConnectionFailure = 'deadline' | 'idle' | 'cut' | 'too_large' | 'aborted' | 'network';

/** A request that did not get a whole answer: how it broke, and that as a message. */
export class ConnectionError extends Error {
  readonly text: Message;
  constructor(
    readonly failure: ConnectionFailure,
    key: string,
    params: MessageParams = {},
    /** The socket's error code for `network` (ECONNREFUSED, ECONNRESET, …). */
    readonly code?: string,
  ) {
    const text = { key, params };
    super(translate(text, 'de'));
    this.text = text;
  }
}

const seconds = (ms: number) => Math.round(ms / 1000);

function networkError(error: NodeJS.ErrnoException): ConnectionError {
  const code = error.code ?? 'ENETWORK';
  return new ConnectionError('network', 'core.connection.unreachable', { code }, code);
}

/**
 * Connections with a device certificate are kept alive and reused: a sync round makes dozens
 * of requests, and a full mutual-TLS handshake each time costs more than a page of records.
 * The agent keys its sockets by CA, certificate and key, so a renewed certificate gets new
 * connections; idle sockets do not keep the process alive, and they are closed after 4 s —
 * before Node's server closes them after 5 s, so a request never starts on a socket the server
 * is closing.
 */
const IDLE_SOCKET_MS = 4_000;
const deviceAgent = new Agent({ keepAlive: true, maxSockets: 4, timeout: IDLE_SOCKET_MS });

export function httpsJson(
  url: URL,
  tls: TlsIdentity,
  method: string,
  body?: unknown,
  options: {
    headers?: Record<string, string>;
    signal?: AbortSignal;
    limits?: RequestLimits;
  } = {},
): Promise<JsonResponse> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    let settled = false;
    const settle = (error: ConnectionError | null, response?: JsonResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        // Destroyed, never returned to the agent: a half-read answer must not be reused.
        req.destroy();
        reject(error);
      } else resolve(response!);
    };
    const req = request(
      url,
      {
        method,
        agent: tls.certificatePem ? deviceAgent : false,
        timeout: limits.idleMs,
        minVersion: 'TLSv1.2',
        ...(tls.caCertificatePem ? { ca: [tls.caCertificatePem] } : { rejectUnauthorized: false }),
        ...(tls.certificatePem ? { cert: tls.certificatePem, key: tls.privateKeyPem } : {}),
        headers: {
          Accept: 'application/json',
          ...(payload
            ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const cut = () => settle(new ConnectionError('cut', 'core.connection.cut'));
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxResponseBytes)
            return settle(
              new ConnectionError('too_large', 'core.connection.tooLarge', {
                mb: Math.round(limits.maxResponseBytes / 1024 / 1024),
              }),
            );
          chunks.push(chunk);
        });
        res.on('aborted', cut);
        res.on('error', cut);
        res.on('close', () => {
          if (!res.complete) cut();
        });
        res.on('end', () => {
          if (!res.complete) return cut();
          const text = Buffer.concat(chunks, size).toString('utf8');
          let parsed: unknown = null;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            parsed = { ok: false, error: { code: 'bad_request', message: text.slice(0, 200) } };
          }
          settle(null, { status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    const deadline = setTimeout(
      () =>
        settle(
          new ConnectionError('deadline', 'core.connection.deadline', {
            seconds: seconds(limits.deadlineMs),
          }),
        ),
      limits.deadlineMs,
    );
    const onAbort = () => settle(new ConnectionError('aborted', 'core.connection.aborted'));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('timeout', () =>
      settle(
        new ConnectionError('idle', 'core.connection.idle', { seconds: seconds(limits.idleMs) }),
      ),
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof ConnectionError) return settle(error);
      // An answer that began and then broke is reported by the response's own handlers.
      settle(
        error.code === 'ECONNRESET' || error.code === 'EPIPE'
          ? new ConnectionError('cut', 'core.connection.cutCode', { code: error.code }, error.code)
          : networkError(error),
      );
    });
    req.end(payload);
  });
}
