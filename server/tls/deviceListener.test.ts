/**
 * Every case a real TLS handshake against the device listener, with certificates made by the
 * server's own CA (and a foreign one), as DESIGN.md "Transport security" demands.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { type ConnectionOptions, connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeviceKeyAndCsr } from '../../shared/node/deviceKeys.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { silentLogger } from '../log/logger.ts';
import { CertificateAuthority } from '../pki/certificateAuthority.ts';
import { type DeviceListener, startDeviceListener } from './deviceListener.ts';

interface Device {
  key: string;
  cert: string;
  serial: string;
}

let ca: CertificateAuthority;
let listener: DeviceListener;
let handled = 0;
const revoked = new Set<string>();

async function enrol(
  authority: CertificateAuthority,
  deviceId: string,
  options: { now?: Date; days?: number } = {},
): Promise<Device> {
  const { csrPem, privateKeyPem } = await createDeviceKeyAndCsr(deviceId);
  const issued = await authority.issueDeviceCertificate(
    csrPem,
    { clubId: 'club-a', userId: 'user-1', deviceId },
    options,
  );
  return { key: privateKeyPem, cert: issued.certificatePem, serial: issued.serialNumber };
}

/** One HTTPS request as a device; resolves with the status, or with the TLS error's code. */
function get(
  device: Device | null,
  extra: ConnectionOptions = {},
): Promise<{ status?: number; body?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: listener.port,
        path: '/whoami',
        ca: ca.certificate.toString('pem'),
        servername: 'localhost',
        agent: false,
        ...(device ? { key: device.key, cert: device.cert } : {}),
        ...extra,
      },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode, body }));
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
  listener = await startDeviceListener({
    caCertificatePem: ca.certificate.toString('pem'),
    serverCertificatePem: server.certificatePem,
    serverPrivateKeyPem: server.privateKeyPem,
    crlPem: await ca.createCrl([]),
    log: silentLogger(),
    handler: (req, res) => {
      handled += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(req.device));
    },
  });
});

afterAll(async () => {
  await listener?.close();
});

describe('device listener (mutual TLS)', () => {
  it('serves a device with a valid certificate and knows who it is', async () => {
    const device = await enrol(ca, 'laptop-1');
    const res = await get(device);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body!)).toEqual({
      clubId: 'club-a',
      userId: 'user-1',
      deviceId: 'laptop-1',
    });
  });

  it('refuses a client without a certificate at the handshake', async () => {
    const before = handled;
    expect((await get(null)).error).toMatch(
      /ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED|ECONNRESET|EPROTO/,
    );
    expect(handled).toBe(before);
  });

  it('refuses a certificate from a foreign CA', async () => {
    const foreign = await CertificateAuthority.create('Fremde CA');
    const before = handled;
    expect((await get(await enrol(foreign, 'intruder'))).error).toMatch(/ALERT|ECONNRESET|EPROTO/);
    expect(handled).toBe(before);
  });

  it('refuses an expired certificate', async () => {
    const old = await enrol(ca, 'old-laptop', {
      now: new Date(Date.now() - 100 * 24 * 3600 * 1000),
      days: 90,
    });
    expect((await get(old)).error).toMatch(/CERTIFICATE_EXPIRED|ALERT|ECONNRESET/);
  });

  it('refuses a revoked device at the next handshake without a restart, and closes its open connection', async () => {
    const device = await enrol(ca, 'stolen-laptop');
    const socket = connect({
      host: '127.0.0.1',
      port: listener.port,
      ca: ca.certificate.toString('pem'),
      servername: 'localhost',
      key: device.key,
      cert: device.cert,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('secureConnect', () => resolve());
      socket.once('error', reject);
    });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    revoked.add(device.serial);
    listener.updateRevocations(await ca.createCrl(revoked), revoked);
    await closed;
    expect((await get(device)).error).toMatch(/CERTIFICATE_REVOKED|ALERT|ECONNRESET/);
    // Other devices go on working.
    expect((await get(await enrol(ca, 'laptop-2'))).status).toBe(200);
  });

  it('refuses TLS 1.1 and CBC cipher suites', async () => {
    const device = await enrol(ca, 'laptop-3');
    expect((await get(device, { maxVersion: 'TLSv1.1', minVersion: 'TLSv1' })).error).toBeDefined();
    expect(
      (
        await get(device, {
          maxVersion: 'TLSv1.2',
          ciphers: 'ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA',
        })
      ).error,
    ).toBeDefined();
    expect((await get(device, { maxVersion: 'TLSv1.2' })).status).toBe(200);
  });

  it('refuses `openssl s_client -tls1_1`', async () => {
    const temp = makeTempDir();
    try {
      const caFile = join(temp.dir, 'ca.pem');
      writeFileSync(caFile, ca.certificate.toString('pem'));
      // Asynchronous: the listener runs in this process and must answer while openssl waits.
      const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(
          'openssl',
          [
            's_client',
            '-connect',
            `127.0.0.1:${listener.port}`,
            '-tls1_1',
            '-cipher',
            'DEFAULT@SECLEVEL=0',
            '-CAfile',
            caFile,
          ],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('close', (code) => resolve({ code, output }));
      });
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(
        /alert|no protocols available|wrong version|handshake failure/i,
      );
    } finally {
      temp.cleanup();
    }
  });
});
