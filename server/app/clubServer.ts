/**
 * The running club server: takes the data lock, opens and migrates the database, unseals the
 * keys, starts the device listener (mutual TLS) and the web listener, the admin socket, and the
 * revocation list's renewal. `close()` undoes all of it in reverse.
 */

import { existsSync, readFileSync } from 'node:fs';
import { unwrapBackupKey } from '../../shared/node/backup/backupKey.ts';
import { x509 } from '../../shared/node/x509.ts';
import { sweepSignInRecords } from '../accounts/signInSweep.ts';
import { deviceApi } from '../api/deviceApi.ts';
import { monitorApi } from '../api/monitorApi.ts';
import { webApi } from '../api/webApi.ts';
import { BackupScheduler } from '../backup/backupScheduler.ts';
import { createBackupServices } from '../backup/backupServices.ts';
import { BackgroundFacts } from '../health/backgroundFacts.ts';
import { mailServerAnswers } from '../health/mailProbe.ts';
import { Readiness } from '../health/readiness.ts';
import { criticalChecks, type ServerCheckSources, warningChecks } from '../health/serverChecks.ts';
import { type ConnectionTimeouts, DEFAULT_TIMEOUTS } from '../http/connectionGuard.ts';
import type { Logger } from '../log/logger.ts';
import { startMetricsListener } from '../metrics/metricsListener.ts';
import { registerServerGauges } from '../metrics/serverGauges.ts';
import { ServerMetrics } from '../metrics/serverMetrics.ts';
import { migrateServer } from '../storage/migrateServer.ts';
import { openServerDatabase } from '../storage/openServerDatabase.ts';
import { PokeHub } from '../sync/pokeHub.ts';
import { type DeviceListener, startDeviceListener } from '../tls/deviceListener.ts';
import type { Listening } from '../tls/listen.ts';
import { startWebListener, type WebListener } from '../tls/webListener.ts';
import { addAuthRoutes } from '../web/authRoutes.ts';
import { addClubRoutes } from '../web/clubRoutes.ts';
import { WebEventHub } from '../web/webEvents.ts';
import { WebPage } from '../web/webPage.ts';
import { answerAdminRequest } from './adminCommands.ts';
import { serveAdminSocket } from './adminSocket.ts';
import { type DataDirectory, publicWebUrlOf, type ServerConfig } from './dataDirectory.ts';
import { acquireDataLock } from './dataLock.ts';
import { createServices, type Services } from './services.ts';

/** The CRL is valid 7 days and re-signed daily, so a missed day or two is harmless. */
const CRL_RESIGN_MS = 24 * 3_600_000;
/** How often old sign-in records are removed. */
const SWEEP_MS = 3_600_000;

export interface ClubServerOptions {
  dir: DataDirectory;
  passphrase: string;
  databaseUrl?: string;
  host?: string;
  webPort?: number;
  devicePort?: number;
  log: Logger;
  now?: () => Date;
  /** How often the backup duties are checked (default 5 minutes). */
  backupTickMs?: number;
  /** The web application's built page (default dist/renderer of this checkout). */
  webUiDir?: string;
  /** The metrics listener (issue #28); without it, no listener (the tests' servers). */
  metrics?: { host?: string; port?: number; token?: string };
  /** How often the readiness warnings are probed (default once a minute). */
  readinessIntervalMs?: number;
}

/** The configured deadlines, in milliseconds, over the defaults. */
function timeoutsOf(config: ServerConfig): ConnectionTimeouts {
  const seconds = config.timeouts ?? {};
  const ms = (value: number | undefined, fallback: number) =>
    value === undefined ? fallback : Math.round(value * 1000);
  return {
    handshakeMs: ms(seconds.handshakeSeconds, DEFAULT_TIMEOUTS.handshakeMs),
    headersMs: ms(seconds.headersSeconds, DEFAULT_TIMEOUTS.headersMs),
    requestMs: ms(seconds.requestSeconds, DEFAULT_TIMEOUTS.requestMs),
    idleMs: ms(seconds.idleSeconds, DEFAULT_TIMEOUTS.idleMs),
  };
}

/** The backup key's identity for the daily verification, when backups are set up. */
async function openBackupKey(dir: DataDirectory, passphrase: string, log: Logger) {
  if (!dir.config().backup || !existsSync(dir.backupKeyPath)) return null;
  try {
    return await unwrapBackupKey(readFileSync(dir.backupKeyPath), passphrase);
  } catch (error) {
    log.warn({ err: error }, 'backup key could not be opened: backups are not verified');
    return null;
  }
}

export interface RunningClubServer {
  services: Services;
  web: WebListener;
  devices: DeviceListener;
  /** The metrics listener, when one was asked for. */
  metrics: Listening | null;
  readiness: Readiness;
  /** `web: https://HOST:PORT` and `devices: https://HOST:PORT`. */
  addresses(): string[];
  /** Rebuilds and installs the revocation list; open connections of revoked devices close. */
  refreshRevocations(): Promise<void>;
  close(): Promise<void>;
}

export async function startClubServer(options: ClubServerOptions): Promise<RunningClubServer> {
  const { dir, log } = options;
  const now = options.now ?? (() => new Date());
  const config = dir.config();
  const lock = acquireDataLock(dir.lockPath, 'server');
  const cleanups: (() => Promise<void> | void)[] = [() => lock.release()];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const keys = await dir.unlock(options.passphrase, now());
    const db = await openServerDatabase(options.databaseUrl ?? dir.databaseDir, {
      // Recovered from by itself (a new connection, LISTEN reopened); said so the operator
      // sees a PostgreSQL restart or failover in the log.
      connectionLost: (where, error) =>
        log.warn({ where, reason: error.message }, 'database connection lost'),
      listenRestored: (channel) => log.info({ channel }, 'database notifications heard again'),
    });
    cleanups.push(() => db.close());
    await migrateServer(db);
    dir.recordDatabase(db.kind);
    const backup = createBackupServices(db, dir, log, now);
    const services = createServices(
      db,
      keys.ca,
      now,
      backup,
      () => dir.config().publicWebUrl ?? null,
      new ServerMetrics(),
    );
    const scheduler = new BackupScheduler(
      backup,
      await openBackupKey(dir, options.passphrase, log),
      log,
      now,
      options.backupTickMs,
    );
    const pokes = new PokeHub(services, log);
    await pokes.start();
    cleanups.push(() => pokes.close());
    // Open web pages hear of their club's changes as devices do (issue #27).
    const webEvents = new WebEventHub(services, log);
    await webEvents.start();
    cleanups.push(() => webEvents.close());

    let crlNextUpdate: Date | null = null;
    const revocationList = async () => {
      const { revoked: devices, replaced } = await services.devices.revocations();
      const revoked = [...devices, ...(await services.monitors.revokedSerials())];
      const crlPem = await keys.ca.createCrl([...revoked, ...replaced], now());
      return { revoked, crlPem, nextUpdate: new x509.X509Crl(crlPem).nextUpdate ?? null };
    };
    const initial = await revocationList();
    crlNextUpdate = initial.nextUpdate;
    const timeouts = timeoutsOf(config);
    // Bound once the device listener exists; renewals and revocations call it.
    let refreshRevocations = async () => {};
    const devices = await startDeviceListener({
      caCertificatePem: keys.ca.certificate.toString('pem'),
      serverCertificatePem: keys.server.certificatePem,
      serverPrivateKeyPem: keys.server.privateKeyPem,
      crlPem: initial.crlPem,
      handler: deviceApi(services, log, { certificatesChanged: () => refreshRevocations() }),
      onMonitor: monitorApi(services, log, { certificatesChanged: () => refreshRevocations() }),
      onUpgrade: (req, socket, head) => pokes.handleUpgrade(req, socket, head),
      log,
      metrics: services.metrics,
      timeouts,
      host: options.host,
      port: options.devicePort ?? config.devicePort,
    });
    cleanups.push(() => devices.close());

    const checkSources: ServerCheckSources = {
      db,
      dataDir: dir.root,
      serverCertificate: new x509.X509Certificate(keys.server.certificatePem),
      caCertificate: keys.ca.certificate,
      crlNextUpdate: () => crlNextUpdate,
      monitors: services.monitors,
      backup,
      backupConfig: () => dir.config().backup,
      mailServerAnswers,
      now,
      facts: new BackgroundFacts(),
    };
    const readiness = new Readiness({
      critical: criticalChecks(checkSources),
      warnings: warningChecks(checkSources),
      warningIntervalMs:
        options.readinessIntervalMs ??
        (config.readinessIntervalSeconds ? config.readinessIntervalSeconds * 1000 : undefined),
      now,
    });
    readiness.start();
    cleanups.push(() => readiness.stop());
    registerServerGauges(services.metrics, {
      ...checkSources,
      connectedDevices: () => devices.connectedDevices(),
      openPokeSockets: () => pokes.openSockets(),
      readiness,
    });

    const web = await startWebListener({
      serverCertificatePem: keys.server.certificatePem,
      serverPrivateKeyPem: keys.server.privateKeyPem,
      handler: webApi(services, log, {
        devicePort: devices.port,
        readiness,
        app: {
          page: new WebPage(options.webUiDir),
          addRoutes: (router) => {
            addAuthRoutes(router, { log });
            addClubRoutes(router, {
              services,
              events: webEvents,
              log,
              publicUrl: publicWebUrlOf(dir.config()),
              authenticate: (req, check) => services.sessions.authenticate(req, check),
              isActive: (sessionId) => services.sessions.isActive(sessionId),
            });
          },
        },
      }),
      log,
      metrics: services.metrics,
      timeouts,
      host: options.host,
      port: options.webPort ?? config.webPort,
    });
    cleanups.push(() => web.close());

    refreshRevocations = async () => {
      const { revoked, crlPem, nextUpdate } = await revocationList();
      devices.updateRevocations(crlPem, revoked);
      crlNextUpdate = nextUpdate;
      log.info({ revoked: revoked.length }, 'revocation list installed');
    };
    const timer = setInterval(() => {
      refreshRevocations().catch((error) =>
        log.error({ err: error }, 'revocation list renewal failed'),
      );
    }, CRL_RESIGN_MS);
    timer.unref();
    cleanups.push(() => clearInterval(timer));

    scheduler.start();
    cleanups.push(() => scheduler.stop());

    // Ended sessions, used invitations and old failure counters leave the database.
    let sweeping: Promise<void> | null = null;
    const sweep = () => {
      sweeping ??= sweepSignInRecords(db, now())
        .then((swept) => log.info(swept, 'old sign-in records removed'))
        .catch((error: unknown) => log.error({ err: error }, 'sign-in records sweep failed'))
        .finally(() => {
          sweeping = null;
        });
    };
    sweep();
    const sweeper = setInterval(sweep, SWEEP_MS);
    sweeper.unref();
    cleanups.push(async () => {
      clearInterval(sweeper);
      await sweeping;
    });

    const hooks = { devicesRevoked: refreshRevocations };
    const socket = await serveAdminSocket(dir.socketPath, (request) =>
      answerAdminRequest(services, request, hooks, log),
    );
    cleanups.push(() => socket.close());

    const metrics = options.metrics
      ? await startMetricsListener({
          metrics: services.metrics,
          log,
          ...options.metrics,
          tls: {
            certificatePem: keys.server.certificatePem,
            privateKeyPem: keys.server.privateKeyPem,
          },
          timeouts,
        })
      : null;
    if (metrics) cleanups.push(() => metrics.close());

    const hostname = config.hostnames[0] ?? 'localhost';
    log.info(
      { web: web.port, devices: devices.port, metrics: metrics?.port, database: db.kind },
      'tutti-server started',
    );
    return {
      services,
      web,
      devices,
      metrics,
      readiness,
      addresses: () => [
        ...(metrics ? [`metrics: ${metrics.url}/metrics`] : []),
        `web: https://${hostname}:${web.port}`,
        `devices: https://${hostname}:${devices.port}`,
      ],
      refreshRevocations,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
