/**
 * `npm run bench:server` — the device listener under load on this machine: full mutual-TLS
 * handshakes per second (a new connection each time), and authenticated small requests per
 * second over kept-alive connections, each request one club-scoped query (RLS) on PGlite and
 * on PostgreSQL. Prints the figures with the machine's core count; asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:https';
import { availableParallelism } from 'node:os';
import { CertificateAuthority } from '../../server/pki/certificateAuthority.ts';
import { migrateServer } from '../../server/storage/migrateServer.ts';
import { PgliteDatabase } from '../../server/storage/pgliteDatabase.ts';
import { PostgresDatabase } from '../../server/storage/postgresDatabase.ts';
import type { ServerDatabase } from '../../server/storage/serverDatabase.ts';
import { startDeviceListener } from '../../server/tls/deviceListener.ts';
import { createDeviceKeyAndCsr } from '../../shared/node/deviceKeys.ts';
import { startTestPostgres } from '../support/postgres.ts';

const SECONDS = Number(process.env.TUTTI_BENCH_SECONDS ?? 3);
const CONCURRENCY = 8;

async function measure(
  seconds: number,
  concurrency: number,
  once: () => Promise<void>,
): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await once();
        done += 1;
      }
    }),
  );
  return done / seconds;
}

async function run(db: ServerDatabase): Promise<{ handshakes: number; requests: number }> {
  await migrateServer(db);
  const clubId = randomUUID();
  const userId = randomUUID();
  await db.asOwner((sql) =>
    sql.query('INSERT INTO clubs (id, name) VALUES ($1, $2)', [clubId, 'Benchmark-Verein']),
  );
  await db.withClub(clubId, (sql) =>
    sql.query(
      `INSERT INTO users (club_id, id, name, role) VALUES ($1, $2, 'Anna', 'Administrator')`,
      [clubId, userId],
    ),
  );

  const ca = await CertificateAuthority.create('Bench CA');
  const server = await ca.issueServerCertificate(['localhost', '127.0.0.1']);
  const { csrPem, privateKeyPem } = await createDeviceKeyAndCsr('bench-device');
  const device = await ca.issueDeviceCertificate(csrPem, {
    clubId: 'bench',
    userId: 'bench',
    deviceId: 'bench-device',
  });
  const listener = await startDeviceListener({
    caCertificatePem: ca.certificate.toString('pem'),
    serverCertificatePem: server.certificatePem,
    serverPrivateKeyPem: server.privateKeyPem,
    crlPem: await ca.createCrl([]),
    handler: (_req, res) => {
      // One small authenticated read, scoped to the club by row-level security.
      db.withClub(clubId, (sql) => sql.query('SELECT count(*) AS n FROM users')).then(
        ({ rows }) => res.end(JSON.stringify(rows[0])),
        () => {
          res.statusCode = 500;
          res.end();
        },
      );
    },
  });
  const tls = {
    ca: ca.certificate.toString('pem'),
    key: privateKeyPem,
    cert: device.certificatePem,
    servername: 'localhost',
  };
  const get = (agent: Agent | false) =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: listener.port, path: '/', agent, ...tls },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
  try {
    // A fresh connection (and TLS session) each time: ECDHE + both certificate verifications.
    const handshakes = await measure(SECONDS, CONCURRENCY, () => get(false));
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY, ...tls });
    const requests = await measure(SECONDS, CONCURRENCY, () => get(agent));
    agent.destroy();
    return { handshakes, requests };
  } finally {
    await listener.close();
  }
}

console.log(
  `Tutti server benchmark: device listener (mutual TLS), ${availableParallelism()} cores, ${SECONDS} s per figure, ${CONCURRENCY} clients`,
);
console.log(
  '(clients and server share this one Node process: both ends of every handshake are counted here)',
);
const pglite = await PgliteDatabase.open('memory://');
const onPglite = await run(pglite);
await pglite.close();
const postgres = await startTestPostgres();
try {
  const db = await PostgresDatabase.open(postgres.url);
  const onPostgres = await run(db);
  await db.close();
  for (const [name, figures] of [
    ['PGlite', onPglite],
    ['PostgreSQL', onPostgres],
  ] as const) {
    console.log(
      `${name.padEnd(11)} full mTLS handshakes ${figures.handshakes.toFixed(0).padStart(6)}/s   kept-alive authenticated requests ${figures.requests.toFixed(0).padStart(6)}/s`,
    );
  }
} finally {
  postgres.stop();
}
