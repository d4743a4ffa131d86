/**
 * A monitoring location's certificate files (issue #28): `client.key` (owner only),
 * `client.crt` and `ca.crt` in one folder, the folder the blackbox exporter's `tls_config`
 * names. `monitor issue` writes them on the server; `monitor renew` runs daily on the location
 * itself and replaces them over the device listener, authenticated by the current certificate,
 * once less than `daysLeft` remain — so a location never has to be visited again.
 */
import { createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { createDeviceKeyAndCsr } from '../../shared/node/deviceKeys.ts';
import { writeFileAtomic } from '../../shared/node/writeFileAtomic.ts';
import { x509 } from '../../shared/node/x509.ts';
import { renewResponseSchema, SYNC_PATHS } from '../../shared/sync/protocol.ts';
import { AppError } from '../errors.ts';

export const MONITOR_FILES = { key: 'client.key', certificate: 'client.crt', ca: 'ca.crt' };
/** The key of a renewal under way: on disk before the request, so nothing depends on the answer. */
const NEXT_KEY = 'client.key.next';
const NEXT_CERTIFICATE = 'client.crt.next';
const DAY_MS = 24 * 3_600_000;
const RENEW_DEADLINE_MS = 30_000;

export interface MonitorFiles {
  privateKeyPem: string;
  certificatePem: string;
  caCertificatePem: string;
}

/** Key first, certificate second: a probe between the two renames fails once, never twice. */
export function writeMonitorFiles(dir: string, files: MonitorFiles): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileAtomic(join(dir, MONITOR_FILES.ca), files.caCertificatePem, 0o644);
  writeFileAtomic(join(dir, MONITOR_FILES.key), files.privateKeyPem, 0o600);
  writeFileAtomic(join(dir, MONITOR_FILES.certificate), files.certificatePem, 0o644);
}

export function newMonitorKey(name: string): Promise<{ csrPem: string; privateKeyPem: string }> {
  return createDeviceKeyAndCsr(`monitor-${name}`);
}

function readMonitorFiles(dir: string): MonitorFiles {
  const read = (file: string) => {
    const path = join(dir, file);
    if (!existsSync(path))
      throw new AppError('not_found', 'server.cli.monitor.fileMissing', { path });
    return readFileSync(path, 'utf8');
  };
  return {
    privateKeyPem: read(MONITOR_FILES.key),
    certificatePem: read(MONITOR_FILES.certificate),
    caCertificatePem: read(MONITOR_FILES.ca),
  };
}

/** `HOST:PORT` or `https://HOST:PORT` of the device listener. */
export function parseServerAddress(text: string): { host: string; port: number } {
  try {
    const url = new URL(text.includes('://') ? text : `https://${text}`);
    if (url.protocol !== 'https:' || !url.port || url.pathname !== '/') throw new Error();
    return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) };
  } catch {
    throw new AppError('bad_arguments', 'server.cli.monitor.badServer', { given: text });
  }
}

function post(
  address: { host: string; port: number },
  files: MonitorFiles,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: address.host,
        port: address.port,
        method: 'POST',
        path: SYNC_PATHS.renewCertificate,
        ca: files.caCertificatePem,
        cert: files.certificatePem,
        key: files.privateKeyPem,
        servername: /^[\d.]+$|:/.test(address.host) ? undefined : address.host,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        signal: AbortSignal.timeout(RENEW_DEADLINE_MS),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > 64 * 1024) req.destroy(new Error('answer too large'));
          else chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Whether a certificate (PEM) is for a private key (PEM). */
function sameKey(certificatePem: string, privateKeyPem: string): boolean {
  const certified = Buffer.from(new x509.X509Certificate(certificatePem).publicKey.rawData);
  const held = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'der' });
  return certified.equals(held);
}

/**
 * A renewal interrupted between replacing the certificate and the key (a crash, a full disk)
 * is finished; a key whose certificate never arrived (a lost answer) is dropped — the server
 * kept the previous certificate valid for exactly this case.
 */
function finishInterruptedRenewal(dir: string): void {
  const nextKey = join(dir, NEXT_KEY);
  if (!existsSync(nextKey)) return;
  const certificate = readFileSync(join(dir, MONITOR_FILES.certificate), 'utf8');
  if (sameKey(certificate, readFileSync(nextKey, 'utf8')))
    renameSync(nextKey, join(dir, MONITOR_FILES.key));
  else rmSync(nextKey, { force: true });
}

export async function renewMonitorCertificate(options: {
  certDir: string;
  server: string;
  daysLeft?: number;
  now?: Date;
}): Promise<{ renewed: boolean; notAfter: Date }> {
  const now = options.now ?? new Date();
  const dir = options.certDir;
  readMonitorFiles(dir);
  finishInterruptedRenewal(dir);
  const files = readMonitorFiles(dir);
  const current = new x509.X509Certificate(files.certificatePem);
  if (current.notAfter.getTime() - now.getTime() > (options.daysLeft ?? 30) * DAY_MS)
    return { renewed: false, notAfter: current.notAfter };
  const address = parseServerAddress(options.server);
  const fresh = await newMonitorKey(current.subject.replace(/^CN=monitor-/, ''));
  writeFileAtomic(join(dir, NEXT_KEY), fresh.privateKeyPem, 0o600);
  let answer: { status: number; text: string };
  try {
    answer = await post(address, files, JSON.stringify({ csr: fresh.csrPem }));
  } catch (error) {
    throw new AppError('unavailable', 'server.cli.monitor.unreachable', {
      server: options.server,
      detail: (error as Error).message,
    });
  }
  const parsed = (() => {
    try {
      const body = JSON.parse(answer.text) as { ok?: boolean; value?: unknown };
      return body.ok ? renewResponseSchema.safeParse(body.value) : null;
    } catch {
      return null;
    }
  })();
  // The new certificate must be for the key just made, or the location would lock itself out.
  if (
    answer.status !== 200 ||
    !parsed?.success ||
    !sameKey(parsed.data.certificate, fresh.privateKeyPem)
  )
    throw new AppError('unavailable', 'server.cli.monitor.refused', {
      server: options.server,
      status: answer.status,
    });
  writeFileAtomic(join(dir, MONITOR_FILES.ca), parsed.data.caCertificate, 0o644);
  // Certificate, then key: interrupted in between, the next run finishes it (see above).
  writeFileAtomic(join(dir, NEXT_CERTIFICATE), parsed.data.certificate, 0o644);
  renameSync(join(dir, NEXT_CERTIFICATE), join(dir, MONITOR_FILES.certificate));
  renameSync(join(dir, NEXT_KEY), join(dir, MONITOR_FILES.key));
  return { renewed: true, notAfter: new x509.X509Certificate(parsed.data.certificate).notAfter };
}
