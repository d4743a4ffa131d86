/**
 * The server's data directory (`--data DIR`, owner-only):
 *
 *   tutti-server.json   configuration: host names, ports (no secrets)
 *   pki/ca.crt          the club-server CA certificate (public; its fingerprint is in every code)
 *   pki/server.crt      the TLS certificate of both listeners (public)
 *   pki/keys.sealed     CA and TLS private keys, sealed under the server passphrase
 *   db/                 PGlite data (when no --database-url is given)
 *   admin.sock          the local admin socket while the server runs (owner-only)
 *   server.lock         who has the data open
 *
 * The private keys are never in a plain file: they are sealed (scrypt + AES-256-GCM) under a
 * passphrase the operator keeps outside the directory — a copied or backed-up directory gives
 * no one the CA.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  openWithPassphrase,
  sealSchema,
  sealWithPassphrase,
  WrongPassphraseError,
} from '../../shared/node/passphraseSeal.ts';
import { x509 } from '../../shared/node/x509.ts';
import { AppError } from '../errors.ts';
import {
  CertificateAuthority,
  certificateFingerprint,
  type DeviceCertificateSigner,
  type PemKeyPair,
} from '../pki/certificateAuthority.ts';

export const DEFAULT_HOSTNAMES = ['localhost', '127.0.0.1'];
export const DEFAULT_WEB_PORT = 8443;
export const DEFAULT_DEVICE_PORT = 8444;
export const MIN_SERVER_PASSPHRASE_LENGTH = 12;
const SEAL_PURPOSE = 'tutti-server-keys/1';
/** The TLS certificate is re-issued at start when it has less than this left. */
const SERVER_CERT_RENEW_MS = 30 * 24 * 3_600_000;

const configSchema = z.object({
  format: z.literal('tutti-server/1'),
  hostnames: z.array(z.string()).min(1),
  webPort: z.number().int().min(0).max(65535),
  devicePort: z.number().int().min(0).max(65535),
  createdAt: z.string(),
  /**
   * The address people open the web application by (`--public-web-url`, e.g. behind a reverse
   * proxy): invitation links point there, and the web listener's Origin check expects it.
   */
  publicWebUrl: z.string().optional(),
  /** Which database the server last ran on, so a command without the server opens the same. */
  database: z.enum(['pglite', 'postgres']).default('pglite'),
  /**
   * Deadlines against slow or stalled clients, in seconds (defaults in
   * `server/http/connectionGuard.ts`); an operator behind very slow links may raise them.
   */
  timeouts: z
    .object({
      handshakeSeconds: z.number().positive().max(600).optional(),
      headersSeconds: z.number().positive().max(600).optional(),
      requestSeconds: z.number().positive().max(3600).optional(),
      idleSeconds: z.number().positive().max(3600).optional(),
    })
    .strict()
    .optional(),
  /**
   * How often `/readyz` probes its warnings (backups, mail, certificates), in seconds; once a
   * minute unless set (the monitoring tests shorten it).
   */
  readinessIntervalSeconds: z.number().min(1).max(3600).optional(),
  /** Backups of every club (`tutti-server backup setup`, `backup mail-server`). */
  backup: z
    .object({
      /** Folders on different disks or mounts; every club is written to each of them. */
      targets: z.array(z.string()).min(1),
      /** The public half of the server's backup key (its secret half: `backup-schluessel.age`). */
      recipient: z.string(),
      /** Further age recipients, e.g. the operator's offline key. */
      extraRecipients: z.array(z.string()).default([]),
      mail: z
        .object({
          host: z.string(),
          port: z.number().int().min(1).max(65535),
          /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
          secure: z.boolean(),
          from: z.string(),
          /** Larger backups are not attached; the club gets a notice instead. */
          maxBytes: z.number().int().positive(),
        })
        .optional(),
    })
    .optional(),
});
export type BackupConfig = NonNullable<ServerConfig['backup']>;
export type ServerConfig = z.output<typeof configSchema>;

const sealedKeysSchema = sealSchema.extend({ format: z.literal(SEAL_PURPOSE), sealed: z.string() });
const keysSchema = z.object({ caKey: z.string(), serverKey: z.string() });

export interface UnlockedKeys {
  ca: CertificateAuthority;
  server: PemKeyPair;
}

export class DataDirectory {
  readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  get configPath() {
    return join(this.root, 'tutti-server.json');
  }
  get databaseDir() {
    return join(this.root, 'db');
  }
  get socketPath() {
    return join(this.root, 'admin.sock');
  }
  get lockPath() {
    return join(this.root, 'server.lock');
  }
  private get pki() {
    return join(this.root, 'pki');
  }

  isInitialised(): boolean {
    return existsSync(this.configPath);
  }

  /** Creates CA, TLS certificate and configuration; refuses to touch an existing directory. */
  async init(
    hostnames: string[],
    passphrase: string,
    now = new Date(),
  ): Promise<{ config: ServerConfig; fingerprint: string }> {
    if (this.isInitialised())
      throw new AppError('conflict', 'server.dataDirectory.exists', { dir: this.root });
    if (passphrase.length < MIN_SERVER_PASSPHRASE_LENGTH)
      throw new AppError('validation', 'server.dataDirectory.passphraseTooShort', {
        min: MIN_SERVER_PASSPHRASE_LENGTH,
      });
    for (const name of hostnames)
      if (!/^[A-Za-z0-9.:-]{1,253}$/.test(name))
        throw new AppError('validation', 'server.dataDirectory.badHostname', { name });
    mkdirSync(this.pki, { recursive: true, mode: 0o700 });
    chmodSync(this.root, 0o700);
    const ca = await CertificateAuthority.create(`Tutti Club-Server CA ${hostnames[0]}`, now);
    const server = await ca.issueServerCertificate(hostnames, now);
    await this.writeKeys(ca.export().privateKeyPem, server.privateKeyPem, passphrase);
    writeAtomic(join(this.pki, 'ca.crt'), ca.certificate.toString('pem'), 0o644);
    writeAtomic(join(this.pki, 'server.crt'), server.certificatePem, 0o644);
    const config: ServerConfig = {
      format: 'tutti-server/1',
      hostnames,
      webPort: DEFAULT_WEB_PORT,
      devicePort: DEFAULT_DEVICE_PORT,
      createdAt: now.toISOString(),
      database: 'pglite',
    };
    // The configuration is written last: it marks the directory as complete.
    writeAtomic(this.configPath, `${JSON.stringify(config, null, 2)}\n`, 0o600);
    return { config, fingerprint: ca.fingerprint() };
  }

  config(): ServerConfig {
    this.requireInitialised();
    return configSchema.parse(JSON.parse(readFileSync(this.configPath, 'utf8')));
  }

  /** The server's backup key, wrapped by the server passphrase (age, scrypt). */
  get backupKeyPath() {
    return join(this.root, 'backup-schluessel.age');
  }

  setBackupConfig(backup: BackupConfig): void {
    const config = this.config();
    writeAtomic(this.configPath, `${JSON.stringify({ ...config, backup }, null, 2)}\n`, 0o600);
  }

  /** Stores `--public-web-url` (already checked by `parsePublicWebUrl`). */
  setPublicWebUrl(publicWebUrl: string): void {
    const config = this.config();
    if (config.publicWebUrl !== publicWebUrl)
      writeAtomic(
        this.configPath,
        `${JSON.stringify({ ...config, publicWebUrl }, null, 2)}\n`,
        0o600,
      );
  }

  /** Remembers the database the server runs on (the URL itself, with its password, is not kept). */
  recordDatabase(kind: ServerConfig['database']): void {
    const config = this.config();
    if (config.database !== kind)
      writeAtomic(
        this.configPath,
        `${JSON.stringify({ ...config, database: kind }, null, 2)}\n`,
        0o600,
      );
  }

  caCertificatePem(): string {
    this.requireInitialised();
    return readFileSync(join(this.pki, 'ca.crt'), 'utf8');
  }

  /**
   * The CA without its private key: enough to make enrolment codes while the server is not
   * running; signing needs the running server (or the passphrase).
   */
  publicCa(): DeviceCertificateSigner {
    const certificate = new x509.X509Certificate(this.caCertificatePem());
    return {
      certificate,
      fingerprint: () => certificateFingerprint(certificate),
      issueDeviceCertificate: () => {
        throw new AppError('unavailable', 'server.devices.onlyRunningServerSigns');
      },
      issueMonitorCertificate: () => {
        throw new AppError('unavailable', 'server.devices.onlyRunningServerSigns');
      },
    };
  }

  /** Opens the sealed keys; re-issues the TLS certificate when it is about to expire. */
  async unlock(passphrase: string, now = new Date()): Promise<UnlockedKeys> {
    this.requireInitialised();
    const file = sealedKeysSchema.parse(
      JSON.parse(readFileSync(join(this.pki, 'keys.sealed'), 'utf8')),
    );
    let keys: z.output<typeof keysSchema>;
    try {
      const opened = await openWithPassphrase(
        file,
        Buffer.from(file.sealed, 'base64'),
        passphrase,
        SEAL_PURPOSE,
      );
      keys = keysSchema.parse(JSON.parse(opened.toString('utf8')));
    } catch (error) {
      if (error instanceof WrongPassphraseError)
        throw new AppError('forbidden', 'server.dataDirectory.wrongPassphrase');
      throw error;
    }
    const ca = await CertificateAuthority.load({
      certificatePem: this.caCertificatePem(),
      privateKeyPem: keys.caKey,
    });
    let server: PemKeyPair = {
      certificatePem: readFileSync(join(this.pki, 'server.crt'), 'utf8'),
      privateKeyPem: keys.serverKey,
    };
    const notAfter = new x509.X509Certificate(server.certificatePem).notAfter;
    if (notAfter.getTime() - now.getTime() < SERVER_CERT_RENEW_MS) {
      server = await ca.issueServerCertificate(this.config().hostnames, now);
      await this.writeKeys(keys.caKey, server.privateKeyPem, passphrase);
      writeAtomic(join(this.pki, 'server.crt'), server.certificatePem, 0o644);
    }
    return { ca, server };
  }

  private async writeKeys(caKey: string, serverKey: string, passphrase: string): Promise<void> {
    const secret = Buffer.from(JSON.stringify({ caKey, serverKey }));
    const { seal, sealed } = await sealWithPassphrase(secret, passphrase, SEAL_PURPOSE);
    secret.fill(0);
    const file = { format: SEAL_PURPOSE, ...seal, sealed: sealed.toString('base64') };
    writeAtomic(join(this.pki, 'keys.sealed'), `${JSON.stringify(file, null, 2)}\n`, 0o600);
  }

  private requireInitialised(): void {
    if (!this.isInitialised())
      throw new AppError('not_found', 'server.dataDirectory.missing', { dir: this.root });
  }
}

/**
 * `--public-web-url` as stored: an https origin without path, query or credentials (a link is
 * built by appending `/?invite=…`); anything else is a wrong call.
 */
export function parsePublicWebUrl(value: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {}
  const plain =
    url?.protocol === 'https:' &&
    !url.username &&
    !url.password &&
    url.pathname === '/' &&
    !url.search &&
    !url.hash &&
    !value.includes('?') &&
    !value.includes('#');
  if (!url || !plain)
    throw new AppError('bad_arguments', 'server.cli.publicWebUrl', { given: value });
  return url.origin;
}

/** Where the web application is reached: the configured URL, else the first host name. */
export function publicWebUrlOf(config: ServerConfig): string {
  if (config.publicWebUrl) return config.publicWebUrl;
  const host = config.hostnames[0] ?? 'localhost';
  return `https://${host.includes(':') ? `[${host}]` : host}:${config.webPort}`;
}

function writeAtomic(path: string, content: string, mode: number): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, content, { mode });
  renameSync(temporary, path);
}
