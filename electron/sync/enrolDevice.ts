/**
 * Enrolling this device with a club server, as `kubeadm join` does: the one-time code carries
 * the SHA-256 fingerprint of the server's CA. The device fetches the CA certificate, checks its
 * fingerprint against the code, and from then on trusts that CA alone — the code itself is only
 * sent over a connection verified against it. The device's private key is made here and never
 * leaves the device; the server sees its CSR only.
 */
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { AppError } from '../../shared/api/appError.ts';
import { createDeviceKeyAndCsr } from '../../shared/node/deviceKeys.ts';
import { x509 } from '../../shared/node/x509.ts';
import { parseEnrolmentCode } from '../../shared/pki/enrolmentCodeFormat.ts';
import { httpsJson } from './httpsJson.ts';
import { serverMessage } from './serverMessage.ts';

export interface EnrolledDevice {
  deviceId: string;
  /** Keep wrapped by the OS (safeStorage); it never leaves the device. */
  privateKeyPem: string;
  certificatePem: string;
  /** The pinned club-server CA. */
  caCertificatePem: string;
  notAfter: string;
  /** The server's device listener, where this device syncs. */
  syncUrl: string;
  /** The computer's name, as told to the server at enrolment (os.hostname()). */
  deviceName?: string;
}

function answerOf(body: unknown): {
  ok: boolean;
  value?: Record<string, unknown>;
  message?: string;
} {
  const b = body as {
    ok?: boolean;
    value?: Record<string, unknown>;
    error?: { message?: string };
  } | null;
  return { ok: b?.ok === true, value: b?.value, message: b?.error?.message };
}

/** The computer's name as the server keeps it: printable characters only, at most 100. */
export function printableDeviceName(name: string): string {
  return name
    .replace(/[\p{C}]/gu, '')
    .trim()
    .slice(0, 100);
}

export async function enrolDevice(
  serverUrl: string,
  codeText: string,
  deviceName: string = hostname(),
): Promise<EnrolledDevice> {
  const code = parseEnrolmentCode(codeText);
  if (!code) throw new AppError('bad_enrolment_code', 'core.enrol.badCode');
  const base = new URL(serverUrl);

  // 1. The CA certificate, fetched unverified and then checked against the code's fingerprint.
  const fetched = answerOf(
    (await httpsJson(new URL('/enrol/v1/ca', base), { caCertificatePem: null }, 'GET')).body,
  );
  const caCertificatePem = String(fetched.value?.caCertificate ?? '');
  let fingerprint = '';
  try {
    const der = Buffer.from(new x509.X509Certificate(caCertificatePem).rawData);
    fingerprint = createHash('sha256').update(der).digest('hex');
  } catch {
    // stays empty: treated as a mismatch below
  }
  if (fingerprint !== code.caFingerprint)
    throw new AppError('server_not_trusted', 'core.enrol.notTrusted');

  // 2. Key and CSR made here; the code goes only over a connection verified against that CA.
  const { csrPem, privateKeyPem } = await createDeviceKeyAndCsr('pending-enrolment');
  const name = printableDeviceName(deviceName);
  const request = { code: codeText.replace(/\s+/g, ''), csr: csrPem };
  const enrolUrl = new URL('/enrol/v1', base);
  let response = await httpsJson(enrolUrl, { caCertificatePem }, 'POST', {
    ...request,
    deviceName: name,
  });
  // A server from before device names refuses the unknown field before it looks at the code:
  // the same request without it, once.
  const refusedName = (response.body as { error?: { fields?: Record<string, unknown> } } | null)
    ?.error?.fields?.deviceName;
  if (response.status === 400 && refusedName)
    response = await httpsJson(enrolUrl, { caCertificatePem }, 'POST', request);
  const answer = answerOf(response.body);
  if (!answer.ok || !answer.value)
    throw new AppError('enrolment_refused', 'core.enrol.refused', {
      reason: serverMessage(response.body, response.status),
    });
  return {
    deviceId: String(answer.value.deviceId),
    privateKeyPem,
    certificatePem: String(answer.value.certificate),
    caCertificatePem,
    notAfter: String(answer.value.notAfter),
    syncUrl: String(answer.value.syncUrl),
    deviceName: name,
  };
}
