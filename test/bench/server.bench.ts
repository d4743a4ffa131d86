/**
 * `npm run bench:server` — the running club server under load on this machine, on PGlite and
 * on PostgreSQL:
 * - full mutual-TLS handshakes per second: a new connection (and TLS session) per request,
 *   ECDHE and both certificate verifications, then `GET /api/v1/me`;
 * - authenticated small requests per second over kept-alive connections: `GET` of one record
 *   through the whole path — device registry check, the user's grants, row-level security,
 *   the rights filter.
 * The clients run in a worker thread (their own core). Prints figures; asserts nothing.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { newId } from '../../shared/domain/ids.ts';
import {
  asDevice,
  enrolUser,
  startTestClubServer,
  type TestClubServer,
} from '../support/clubServerFixture.ts';
import { startTestPostgres } from '../support/postgres.ts';

const SECONDS = Number(process.env.TUTTI_BENCH_SECONDS ?? 3);
const CONCURRENCY = 8;

function load(port: number, tls: object, path: string, keepAlive: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./loadClient.mjs', import.meta.url), {
      workerData: { port, tls, path, seconds: SECONDS, concurrency: CONCURRENCY, keepAlive },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function run(t: TestClubServer): Promise<{ handshakes: number; requests: number }> {
  const { clubs } = t.server.services;
  const clubId = (await clubs.createClub('Benchmark-Verein')).id;
  const user = await clubs.addUser(clubId, { name: 'Anna', role: 'vorstand' });
  const device = await enrolUser(t, clubId, user.id);
  const registerId = newId();
  const saved = await asDevice(t, device, 'PUT', `/api/v1/records/registers/${registerId}`, {
    body: { name: 'Blech', sortOrder: 1 },
  });
  if (saved.status !== 200) throw new Error(`seeding failed: ${JSON.stringify(saved.body)}`);
  const tls = {
    ca: t.dir.caCertificatePem(),
    key: device.privateKeyPem,
    cert: device.certificatePem,
    servername: 'localhost',
  };
  const port = t.server.devices.port;
  const handshakes = await load(port, tls, '/api/v1/me', false);
  const requests = await load(port, tls, `/api/v1/records/registers/${registerId}`, true);
  return { handshakes, requests };
}

console.log(
  `Tutti server benchmark: device listener (mutual TLS), ${availableParallelism()} cores, ${SECONDS} s per figure, ${CONCURRENCY} clients in a worker thread`,
);
const results: [string, { handshakes: number; requests: number }][] = [];
const onPglite = await startTestClubServer();
try {
  results.push(['PGlite', await run(onPglite)]);
} finally {
  await onPglite.stop();
}
const postgres = await startTestPostgres();
try {
  const onPostgres = await startTestClubServer({ databaseUrl: postgres.url });
  try {
    results.push(['PostgreSQL', await run(onPostgres)]);
  } finally {
    await onPostgres.stop();
  }
} finally {
  postgres.stop();
}
for (const [name, figures] of results)
  console.log(
    `${name.padEnd(11)} full mTLS handshakes ${figures.handshakes.toFixed(0).padStart(6)}/s   kept-alive authenticated requests ${figures.requests.toFixed(0).padStart(6)}/s`,
  );
