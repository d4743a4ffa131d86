/**
 * TLS for both listeners: TLS 1.2 and 1.3 only, ECDHE key exchange with AES-GCM only — where
 * BSI TR-02102-2 and Mozilla's "intermediate" profile agree. No CBC, no ChaCha20, no RSA key
 * exchange; the server's order wins.
 */
import type { SecureContextOptions, TlsOptions } from 'node:tls';

export const TLS_CIPHERS = [
  // TLS 1.3
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  // TLS 1.2
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384',
].join(':');

export const TLS_POLICY = {
  minVersion: 'TLSv1.2',
  maxVersion: 'TLSv1.3',
  ciphers: TLS_CIPHERS,
  honorCipherOrder: true,
  ecdhCurve: 'X25519:P-256:P-384',
} as const satisfies SecureContextOptions & TlsOptions;
