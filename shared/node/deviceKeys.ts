/**
 * What a device does to enrol: make its own ECDSA P-256 key (it never leaves the device) and a
 * certificate request signed with it. Used by the desktop's enrolment and by tests.
 */
import { webcrypto } from 'node:crypto';
import { x509 } from './x509.ts';

export async function createDeviceKeyAndCsr(
  deviceId: string,
): Promise<{ csrPem: string; privateKeyPem: string }> {
  const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: `CN=${deviceId}`,
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    csrPem: csr.toString('pem'),
    privateKeyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
  };
}
