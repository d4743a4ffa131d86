/**
 * The club server's own certificate authority (DESIGN.md "Transport security"): ECDSA P-256,
 * made with @peculiar/x509 on Node's WebCrypto. It issues the server's TLS certificate and the
 * short-lived device certificates (≤ 90 days, client authentication only), and signs the
 * revocation list the device listener checks on every handshake.
 */
import { createHash, webcrypto } from 'node:crypto';
import { x509 } from '../../shared/node/x509.ts';
import { type DeviceIdentity, deviceIdentityUri } from './deviceIdentity.ts';
import { monitorIdentityUri } from './monitorIdentity.ts';

const EC_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_DEVICE_CERT_DAYS = 90;

export interface PemKeyPair {
  certificatePem: string;
  privateKeyPem: string;
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(EC_KEY, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
}

function randomSerial(): string {
  // 16 random bytes, first bit cleared so the serial is a positive integer (RFC 5280).
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

export function certificateFingerprint(certificate: x509.X509Certificate): string {
  return createHash('sha256').update(Buffer.from(certificate.rawData)).digest('hex');
}

/** What of a CA the device registry needs: its certificate and the signing of device CSRs. */
export interface DeviceCertificateSigner {
  readonly certificate: x509.X509Certificate;
  fingerprint(): string;
  issueDeviceCertificate(
    csrPem: string,
    identity: DeviceIdentity,
    options?: { now?: Date; days?: number },
  ): Promise<IssuedClientCertificate>;
  /**
   * A monitoring location's client certificate (`urn:tutti:monitor:<name>`): enough for the
   * device listener's TLS handshake, never a device — its requests reach no club.
   */
  issueMonitorCertificate(
    csrPem: string,
    name: string,
    options?: { now?: Date; days?: number },
  ): Promise<IssuedClientCertificate>;
}

export interface IssuedClientCertificate {
  certificatePem: string;
  serialNumber: string;
  notAfter: Date;
}

export class CertificateAuthority implements DeviceCertificateSigner {
  private constructor(
    readonly certificate: x509.X509Certificate,
    private readonly signingKey: CryptoKey,
    private readonly keyPem: string,
  ) {}

  static async create(commonName: string, now = new Date()): Promise<CertificateAuthority> {
    const keys = await generateKeys();
    const certificate = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: randomSerial(),
      name: `CN=${commonName}`,
      notBefore: now,
      notAfter: new Date(now.getTime() + 10 * 365 * DAY_MS),
      keys,
      signingAlgorithm: SIGNING,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
          true,
        ),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    return new CertificateAuthority(
      certificate,
      keys.privateKey,
      await privateKeyPem(keys.privateKey),
    );
  }

  static async load(material: PemKeyPair): Promise<CertificateAuthority> {
    const certificate = new x509.X509Certificate(material.certificatePem);
    const der = x509.PemConverter.decode(material.privateKeyPem)[0]!;
    const signingKey = await webcrypto.subtle.importKey('pkcs8', der, EC_KEY, false, ['sign']);
    return new CertificateAuthority(certificate, signingKey, material.privateKeyPem);
  }

  export(): PemKeyPair {
    return { certificatePem: this.certificate.toString('pem'), privateKeyPem: this.keyPem };
  }

  /** SHA-256 of the CA certificate (DER), lower-case hex: what enrolment codes carry. */
  fingerprint(): string {
    return certificateFingerprint(this.certificate);
  }

  async issueServerCertificate(hostnames: string[], now = new Date()): Promise<PemKeyPair> {
    const keys = await generateKeys();
    const names = hostnames.map((h) =>
      /^[\d.]+$|:/.test(h) ? { type: 'ip' as const, value: h } : { type: 'dns' as const, value: h },
    );
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber: randomSerial(),
      subject: `CN=${hostnames[0] ?? 'localhost'}`,
      issuer: this.certificate.subject,
      notBefore: now,
      notAfter: new Date(now.getTime() + 397 * DAY_MS),
      publicKey: keys.publicKey,
      signingKey: this.signingKey,
      signingAlgorithm: SIGNING,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(names),
        await x509.AuthorityKeyIdentifierExtension.create(this.certificate),
      ],
    });
    return {
      certificatePem: certificate.toString('pem'),
      privateKeyPem: await privateKeyPem(keys.privateKey),
    };
  }

  /**
   * Signs a device's certificate request. The private key never leaves the device: only its CSR
   * comes here, and its signature proves the device holds the key.
   */
  issueDeviceCertificate(
    csrPem: string,
    identity: DeviceIdentity,
    options: { now?: Date; days?: number } = {},
  ): Promise<IssuedClientCertificate> {
    return this.issueClientCertificate(
      csrPem,
      identity.deviceId,
      deviceIdentityUri(identity),
      options,
    );
  }

  issueMonitorCertificate(
    csrPem: string,
    name: string,
    options: { now?: Date; days?: number } = {},
  ): Promise<IssuedClientCertificate> {
    return this.issueClientCertificate(
      csrPem,
      `monitor-${name}`,
      monitorIdentityUri(name),
      options,
    );
  }

  /** A client certificate (TLS client auth only) naming who it speaks for as one SAN URI. */
  private async issueClientCertificate(
    csrPem: string,
    commonName: string,
    uri: string,
    options: { now?: Date; days?: number },
  ): Promise<IssuedClientCertificate> {
    const now = options.now ?? new Date();
    const days = options.days ?? MAX_DEVICE_CERT_DAYS;
    if (days > MAX_DEVICE_CERT_DAYS || days <= 0)
      throw new RangeError(`device certificates live 1–${MAX_DEVICE_CERT_DAYS} days`);
    const csr = new x509.Pkcs10CertificateRequest(csrPem);
    if (!(await csr.verify())) throw new Error('certificate request signature invalid');
    const algorithm = csr.publicKey.algorithm as EcKeyAlgorithm;
    if (algorithm.name !== 'ECDSA' || algorithm.namedCurve !== 'P-256')
      throw new Error('device key must be ECDSA P-256');
    const serialNumber = randomSerial();
    const notAfter = new Date(now.getTime() + days * DAY_MS);
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber,
      subject: `CN=${commonName}`,
      issuer: this.certificate.subject,
      notBefore: now,
      notAfter,
      publicKey: csr.publicKey,
      signingKey: this.signingKey,
      signingAlgorithm: SIGNING,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
        new x509.SubjectAlternativeNameExtension([{ type: 'url', value: uri }]),
        await x509.AuthorityKeyIdentifierExtension.create(this.certificate),
      ],
    });
    return { certificatePem: certificate.toString('pem'), serialNumber, notAfter };
  }

  /** A revocation list of the given serials, valid until `nextUpdate`: it must be renewed before. */
  async createCrl(
    revokedSerials: Iterable<string>,
    now = new Date(),
    validDays = 7,
  ): Promise<string> {
    const crl = await x509.X509CrlGenerator.create({
      issuer: this.certificate.subject,
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + validDays * DAY_MS),
      signingKey: this.signingKey,
      signingAlgorithm: SIGNING,
      entries: [...revokedSerials].map((serialNumber) => ({ serialNumber, revocationDate: now })),
      extensions: [await x509.AuthorityKeyIdentifierExtension.create(this.certificate)],
    });
    // OpenSSL (and so Node's `crl` option) reads the label "X509 CRL", not the library's "CRL".
    return x509.PemConverter.encode(crl.rawData, 'X509 CRL');
  }
}
