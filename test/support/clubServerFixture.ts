/**
 * A real club server for tests: a fresh data directory (CA, sealed keys), PGlite inside it or a
 * PostgreSQL URL, both listeners on 127.0.0.1 with free ports. Devices enrol through the real
 * enrolment endpoint with the desktop's own client, and talk mutual TLS with their certificate.
 */
import { request } from 'node:https';
import { join } from 'node:path';
import WebSocket from 'ws';
import { type EnrolledDevice, enrolDevice } from '../../electron/sync/enrolDevice.ts';
import {
  type ClubServerOptions,
  type RunningClubServer,
  startClubServer,
} from '../../server/app/clubServer.ts';
import { DataDirectory } from '../../server/app/dataDirectory.ts';
import { knownCaller } from '../../server/data/principal.ts';
import { type Logger, silentLogger } from '../../server/log/logger.ts';
import type { EntityName } from '../../shared/domain/entities.ts';
import { BUILT_IN_ROLES } from '../../shared/rights/roles.ts';
import { makeTempDir } from './tempDir.ts';

export const TEST_SERVER_PASSPHRASE = 'test-server-passphrase';
export const TEST_ADMIN_PASSWORD = 'vereins-admin-passwort';

export interface TestClubServer {
  server: RunningClubServer;
  dir: DataDirectory;
  webUrl: string;
  deviceUrl: string;
  stop(): Promise<void>;
}

export async function startTestClubServer(
  options: {
    databaseUrl?: string;
    now?: () => Date;
    log?: Logger;
    /** Set up the data directory before the server starts (e.g. backup targets). */
    prepare?: (dir: DataDirectory) => Promise<void>;
  } & Pick<ClubServerOptions, 'metrics' | 'readinessIntervalMs'> = {},
): Promise<TestClubServer> {
  const temp = makeTempDir('tutti-server-');
  const dir = new DataDirectory(join(temp.dir, 'data'));
  await dir.init(['localhost', '127.0.0.1'], TEST_SERVER_PASSPHRASE);
  await options.prepare?.(dir);
  const server = await startClubServer({
    dir,
    passphrase: TEST_SERVER_PASSPHRASE,
    databaseUrl: options.databaseUrl,
    host: '127.0.0.1',
    webPort: 0,
    devicePort: 0,
    log: options.log ?? silentLogger(),
    now: options.now,
    metrics: options.metrics,
    readinessIntervalMs: options.readinessIntervalMs,
  });
  let stopped = false;
  return {
    server,
    dir,
    webUrl: `https://localhost:${server.web.port}`,
    deviceUrl: `https://localhost:${server.devices.port}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.close();
      temp.cleanup();
    },
  };
}

/** The club's administrator working on the server itself, without a device. */
function clubAdmin(clubId: string) {
  return knownCaller({
    clubId,
    actor: { kind: 'operator' as const, id: 'test', deviceId: null, address: null },
    subject: { grants: BUILT_IN_ROLES.administrator.grants, registerIds: [], memberId: null },
    role: 'administrator',
    scopeEpoch: 1,
  });
}

/** Saves a record as the club's administrator would, without a device: "entered elsewhere". */
export function saveAsClubAdmin(
  t: TestClubServer,
  clubId: string,
  entity: EntityName,
  id: string,
  fields: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return t.server.services.records.save(clubAdmin(clubId), entity, id, fields);
}

/** Every record of one kind the club server holds for the club. */
export function listAsClubAdmin(
  t: TestClubServer,
  clubId: string,
  entity: EntityName,
): Promise<Record<string, unknown>[]> {
  return t.server.services.records.list(clubAdmin(clubId), entity);
}

/** Creates an enrolment code for the user and enrols a device with the desktop's client. */
export async function enrolUser(
  t: TestClubServer,
  clubId: string,
  userId: string,
): Promise<EnrolledDevice> {
  const { code } = await t.server.services.devices.createCode(clubId, userId);
  return enrolDevice(t.webUrl, code);
}

export async function enrolSupport(t: TestClubServer, staffId: string): Promise<EnrolledDevice> {
  const { code } = await t.server.services.devices.createSupportCode(staffId);
  return enrolDevice(t.webUrl, code);
}

export interface Answer {
  status?: number;
  body?: {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string; fields?: Record<string, string> };
  };
  /** The TLS or socket error's code when the connection was refused. */
  error?: string;
}

/** One request on the device listener as `device` (null: without a client certificate). */
export function asDevice(
  t: TestClubServer,
  device: Pick<EnrolledDevice, 'certificatePem' | 'privateKeyPem'> | null,
  method: string,
  path: string,
  options: { body?: unknown; raw?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve) => {
    const payload =
      options.raw !== undefined
        ? Buffer.from(options.raw)
        : options.body !== undefined
          ? Buffer.from(JSON.stringify(options.body))
          : undefined;
    const req = request(
      {
        host: '127.0.0.1',
        port: t.server.devices.port,
        servername: 'localhost',
        method,
        path,
        agent: false,
        ca: t.dir.caCertificatePem(),
        ...(device ? { cert: device.certificatePem, key: device.privateKeyPem } : {}),
        headers: {
          ...(payload
            ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode, body: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message }),
    );
    req.end(payload);
  });
}

/** A device's poke channel (WebSocket over mutual TLS); `closed` settles when it ends. */
export async function openPokeChannel(
  t: TestClubServer,
  device: Pick<EnrolledDevice, 'certificatePem' | 'privateKeyPem'>,
  headers: Record<string, string> = {},
): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const socket = new WebSocket(`wss://localhost:${t.server.devices.port}/sync/v1/poke`, {
    ca: t.dir.caCertificatePem(),
    cert: device.certificatePem,
    key: device.privateKeyPem,
    headers,
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve()); // the server's hello
    socket.once('error', reject);
  });
  return { socket, closed };
}
