/**
 * One JSON request over HTTPS as the desktop makes it to the club server: the server is
 * verified against the pinned club-server CA only (never the system's CAs), and with a device
 * certificate the connection is mutually authenticated.
 */
import { Agent, request } from 'node:https';

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

const TIMEOUT_MS = 30_000;

/**
 * Connections with a device certificate are kept alive and reused: a sync round makes dozens
 * of requests, and a full mutual-TLS handshake each time costs more than a page of records.
 * The agent keys its sockets by CA, certificate and key, so a renewed certificate gets new
 * connections; idle sockets do not keep the process alive, and they are closed after 4 s —
 * before Node's server closes them after 5 s, so a request never starts on a socket the server
 * is closing. (A request's own timeout is TIMEOUT_MS.)
 */
const IDLE_SOCKET_MS = 4_000;
const deviceAgent = new Agent({ keepAlive: true, maxSockets: 4, timeout: IDLE_SOCKET_MS });

export function httpsJson(
  url: URL,
  tls: TlsIdentity,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      url,
      {
        method,
        agent: tls.certificatePem ? deviceAgent : false,
        timeout: TIMEOUT_MS,
        minVersion: 'TLSv1.2',
        ...(tls.caCertificatePem ? { ca: [tls.caCertificatePem] } : { rejectUnauthorized: false }),
        ...(tls.certificatePem ? { cert: tls.certificatePem, key: tls.privateKeyPem } : {}),
        headers: {
          Accept: 'application/json',
          ...(payload
            ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) }
            : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = null;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            parsed = { ok: false, error: { code: 'bad_request', message: text.slice(0, 200) } };
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error('Zeitüberschreitung bei der Verbindung zum Vereinsserver.')),
    );
    req.on('error', reject);
    req.end(payload);
  });
}
