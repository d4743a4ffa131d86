/**
 * One JSON request over HTTPS as the desktop makes it to the club server: the server is
 * verified against the pinned club-server CA only (never the system's CAs), and with a device
 * certificate the connection is mutually authenticated.
 */
import { request } from 'node:https';

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
        agent: false,
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
