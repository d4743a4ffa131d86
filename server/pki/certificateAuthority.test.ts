import { spawnSync } from 'node:child_process';
import { webcrypto, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDeviceKeyAndCsr } from '../../shared/node/deviceKeys.ts';
import { x509 } from '../../shared/node/x509.ts';
import { CertificateAuthority } from './certificateAuthority.ts';
import { deviceIdentityFromSubjectAltName } from './deviceIdentity.ts';

const identity = { clubId: 'club-a', userId: 'user-1', deviceId: 'laptop-1' };

describe('certificate authority', () => {
  it('issues a 90-day client certificate that names club, user and device', async () => {
    const ca = await CertificateAuthority.create('Tutti CA');
    const { csrPem } = await createDeviceKeyAndCsr('laptop-1');
    const issued = await ca.issueDeviceCertificate(csrPem, identity);
    const cert = new X509Certificate(issued.certificatePem);
    expect(cert.verify(new X509Certificate(ca.export().certificatePem).publicKey)).toBe(true);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']); // clientAuth only
    expect(deviceIdentityFromSubjectAltName(cert.subjectAltName)).toEqual(identity);
    const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
    expect(Math.round(days)).toBe(90);
    await expect(ca.issueDeviceCertificate(csrPem, identity, { days: 91 })).rejects.toThrow(
      /1–90 days/,
    );
  });

  it('refuses a request whose signature does not match, and keys other than P-256', async () => {
    const ca = await CertificateAuthority.create('Tutti CA');
    const { csrPem } = await createDeviceKeyAndCsr('laptop-1');
    const der = Buffer.from(x509.PemConverter.decode(csrPem)[0]!);
    der[der.length - 5] = der[der.length - 5]! ^ 0xff; // a flipped bit in the signature
    await expect(
      ca.issueDeviceCertificate(x509.PemConverter.encode(der, 'CERTIFICATE REQUEST'), identity),
    ).rejects.toThrow();
    const rsa = (await webcrypto.subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const rsaCsr = await x509.Pkcs10CertificateRequestGenerator.create({
      name: 'CN=rsa',
      keys: rsa,
      signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5' },
    });
    await expect(ca.issueDeviceCertificate(rsaCsr.toString('pem'), identity)).rejects.toThrow(
      /P-256/,
    );
  });

  it('survives export and load, and its fingerprint is what openssl prints', async () => {
    const ca = await CertificateAuthority.load(
      (await CertificateAuthority.create('Tutti CA')).export(),
    );
    const server = await ca.issueServerCertificate(['localhost', '127.0.0.1']);
    const cert = new X509Certificate(server.certificatePem);
    expect(cert.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(cert.checkIssued(new X509Certificate(ca.export().certificatePem))).toBe(true);
    const openssl = spawnSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256'], {
      input: ca.export().certificatePem,
      encoding: 'utf8',
    });
    expect(openssl.stdout.trim().split('=')[1]!.replaceAll(':', '').toLowerCase()).toBe(
      ca.fingerprint(),
    );
  });
});
