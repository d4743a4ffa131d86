import { request } from 'node:https';
import type { ConnectionOptions, TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger.ts';
import { CertificateAuthority } from '../pki/certificateAuthority.ts';
import { startWebListener, type WebListener } from './webListener.ts';

let ca: CertificateAuthority;
let listener: WebListener;

function get(extra: ConnectionOptions = {}): Promise<{
  status?: number;
  headers?: Record<string, unknown>;
  protocol?: string;
  error?: string;
}> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: listener.port,
        path: '/',
        ca: ca.certificate.toString('pem'),
        servername: 'localhost',
        agent: false,
        ...extra,
      },
      (res) => {
        const protocol = (res.socket as TLSSocket).getProtocol() ?? undefined;
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, protocol }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message }),
    );
    req.end();
  });
}

beforeAll(async () => {
  ca = await CertificateAuthority.create('Tutti Test-CA');
  const server = await ca.issueServerCertificate(['localhost', '127.0.0.1']);
  listener = await startWebListener({
    serverCertificatePem: server.certificatePem,
    serverPrivateKeyPem: server.privateKeyPem,
    handler: (_req, res) => res.end('ok'),
    log: silentLogger(),
  });
});
afterAll(async () => listener?.close());

describe('web listener', () => {
  it('needs no client certificate, speaks TLS 1.3 and sends HSTS', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.protocol).toBe('TLSv1.3');
    expect(res.headers?.['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    expect(res.headers?.['x-frame-options']).toBe('DENY');
  });

  it('refuses TLS 1.1 and suites without AES-GCM', async () => {
    expect((await get({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1' })).error).toBeDefined();
    expect(
      (
        await get({
          maxVersion: 'TLSv1.2',
          ciphers: 'ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES256-SHA384',
        })
      ).error,
    ).toBeDefined();
    expect((await get({ maxVersion: 'TLSv1.2' })).status).toBe(200);
  });
});
