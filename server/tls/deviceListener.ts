/**
 * The listener for devices: mutual TLS. A device without a valid certificate of this server's CA
 * is refused during the handshake; the revocation list is part of the TLS context, so a revoked
 * device is refused at its next handshake — after `revoke()`, without a restart — and its open
 * connections are closed at once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { AppError } from '../errors.ts';
import {
  type ConnectionTimeouts,
  DEFAULT_TIMEOUTS,
  guardHandler,
  guardServer,
  timeoutOptions,
} from '../http/connectionGuard.ts';
import { errorBody } from '../http/json.ts';
import { logPath } from '../http/logPath.ts';
import type { Logger } from '../log/logger.ts';
import type { ServerMetrics } from '../metrics/serverMetrics.ts';
import { type DeviceIdentity, deviceIdentityFromSubjectAltName } from '../pki/deviceIdentity.ts';
import { monitorNameFromSubjectAltName } from '../pki/monitorIdentity.ts';
import { normalSerial } from '../pki/serial.ts';
import { type Listening, listen } from './listen.ts';
import { TLS_POLICY } from './tlsPolicy.ts';

export interface DeviceRequest extends IncomingMessage {
  device: DeviceIdentity;
  /** The peer certificate's serial (normalised), to check it against the device registry. */
  serial: string;
  /** The peer's address, for the audit log. */
  address: string;
}

export interface DeviceListenerOptions {
  caCertificatePem: string;
  serverCertificatePem: string;
  serverPrivateKeyPem: string;
  /** The CA's current revocation list (PEM); replaced through `updateRevocations`. */
  crlPem: string;
  handler(req: DeviceRequest, res: ServerResponse): void;
  /**
   * A monitoring location's request (its client certificate names no device, issue #28): only
   * its own renewal is answered there; without this handler it is refused like any non-device.
   */
  onMonitor?(req: MonitorRequest, res: ServerResponse): void;
  /** A device asks to upgrade its connection (the poke WebSocket). */
  onUpgrade?(req: DeviceRequest, socket: Duplex, head: Buffer): void;
  log: Logger;
  metrics?: ServerMetrics;
  timeouts?: ConnectionTimeouts;
  host?: string;
  port?: number;
}

export interface MonitorRequest extends IncomingMessage {
  monitor: { name: string; serial: string };
}

export interface DeviceListener extends Listening {
  /** How many distinct device certificates have a connection open right now. */
  connectedDevices(): number;
  /** Installs a new revocation list and closes open connections of the revoked serials. */
  updateRevocations(crlPem: string, revokedSerials: Iterable<string>): void;
}

export async function startDeviceListener(options: DeviceListenerOptions): Promise<DeviceListener> {
  const context = (crlPem: string) => ({
    ...TLS_POLICY,
    key: options.serverPrivateKeyPem,
    cert: options.serverCertificatePem,
    ca: [options.caCertificatePem],
    crl: [crlPem],
  });
  const openBySerial = new Map<string, Set<TLSSocket>>();

  /** The device behind a request, from its verified peer certificate; null for a non-device. */
  const identify = (req: IncomingMessage): DeviceRequest | null => {
    const socket = req.socket as TLSSocket;
    const peer = socket.getPeerCertificate();
    const device = deviceIdentityFromSubjectAltName(peer.subjectaltname);
    if (!device) return null;
    return Object.assign(req, {
      device,
      serial: normalSerial(peer.serialNumber ?? ''),
      address: socket.remoteAddress ?? '',
    });
  };

  const identifyMonitor = (req: IncomingMessage) => {
    const peer = (req.socket as TLSSocket).getPeerCertificate();
    const name = monitorNameFromSubjectAltName(peer.subjectaltname);
    return name ? { name, serial: normalSerial(peer.serialNumber ?? '') } : null;
  };

  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const server: Server = createServer(
    {
      ...context(options.crlPem),
      ...timeoutOptions(timeouts),
      requestCert: true,
      rejectUnauthorized: true,
    },
    guardHandler(
      options.log,
      'devices',
      (req, res) => {
        const deviceRequest = identify(req);
        const monitor = deviceRequest ? null : identifyMonitor(req);
        if (monitor && options.onMonitor) {
          options.onMonitor(Object.assign(req, { monitor }), res);
          return;
        }
        if (!deviceRequest) {
          // Signed by our CA but not a device certificate (e.g. the server's own): not a device.
          res.writeHead(403, { 'Content-Type': 'application/json' });
          res.end(
            JSON.stringify({
              ok: false,
              error: errorBody(new AppError('forbidden', 'server.http.noDeviceCertificate')),
            }),
          );
          return;
        }
        options.handler(deviceRequest, res);
      },
      options.metrics,
    ),
  );
  guardServer(server, options.log, timeouts, 'devices');

  // WebSocket upgrades (pokes) arrive over the same mutually authenticated connection.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // The HTTP server no longer watches an upgraded socket: a reset while the upgrade is being
    // decided must not become an uncaught error, and a client that goes silent must not hold
    // it open (the WebSocket takes over its own timing once accepted).
    socket.on('error', () => socket.destroy());
    (socket as Socket).setTimeout(timeouts.idleMs, () => socket.destroy());
    const deviceRequest = identify(req);
    if (!deviceRequest || !options.onUpgrade) {
      socket.destroy();
      return;
    }
    try {
      options.onUpgrade(deviceRequest, socket, head);
    } catch (error) {
      options.log.error({ err: error, url: logPath(req.url) }, 'upgrade failed');
      socket.destroy();
    }
  });

  server.on('secureConnection', (socket: TLSSocket) => {
    const serial = normalSerial(socket.getPeerCertificate().serialNumber ?? '');
    if (!serial) return;
    const set = openBySerial.get(serial) ?? new Set();
    set.add(socket);
    openBySerial.set(serial, set);
    socket.once('close', () => {
      set.delete(socket);
      if (set.size === 0) openBySerial.delete(serial);
    });
  });

  const listening = await listen(server, options.host, options.port);
  return {
    ...listening,
    // Devices only: a monitoring location's probe connection is no device.
    connectedDevices: () =>
      [...openBySerial.values()].filter((sockets) => {
        const [socket] = sockets;
        return (
          socket && deviceIdentityFromSubjectAltName(socket.getPeerCertificate().subjectaltname)
        );
      }).length,
    updateRevocations(crlPem, revokedSerials) {
      server.setSecureContext(context(crlPem));
      for (const serial of revokedSerials) {
        for (const socket of openBySerial.get(normalSerial(serial)) ?? []) socket.destroy();
      }
    },
  };
}
