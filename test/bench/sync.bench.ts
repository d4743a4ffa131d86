/**
 * `npm run bench:sync` — offline-first sync of a whole club (issue #5), Tutti against PouchDB.
 * Workload: 5,000 members, 1,500 instruments, 1,000 loans, 50,000 attendance entries (plus
 * registers and rehearsals). Figures: a fresh device's initial sync over mutual TLS on
 * loopback, an edit's way from one online desktop to another (p50/p99), one round pushing
 * 1,000 offline mutations. Prints figures; asserts nothing but that every record arrived.
 *
 * TUTTI_BENCH_SCALE=0.1 runs a tenth of the workload (a quick look, not the figure);
 * TUTTI_BENCH_EDITS sets the number of live edits (200); TUTTI_BENCH_POSTGRES=0 skips the
 * PostgreSQL run, TUTTI_BENCH_PGLITE=0 the PGlite run (and with it PouchDB's),
 * TUTTI_BENCH_POUCHDB=0 the PouchDB run, TUTTI_BENCH_OWN_THREAD=0 the initial sync with the
 * club server on a thread of its own; TUTTI_BENCH_PROFILE=initial|offline writes a CPU profile
 * of that phase.
 */
import { availableParallelism } from 'node:os';
import {
  enrolUser,
  startTestClubServer,
  TEST_SERVER_PASSPHRASE,
  type TestClubServer,
} from '../support/clubServerFixture.ts';
import { startTestPostgres } from '../support/postgres.ts';
import { benchInitialSyncOwnThread } from './ownThreadSyncBench.ts';
import { benchPouchdb } from './pouchdbSyncBench.ts';
import { measureStorageFloor } from './storageFloor.ts';
import { FULL_SIZE, percentile, scaled } from './syncWorkload.ts';
import { type BenchOptions, benchTutti, type SyncFigures } from './tuttiSyncBench.ts';

const SCALE = Number(process.env.TUTTI_BENCH_SCALE ?? 1);
const options: BenchOptions = {
  size: scaled(FULL_SIZE, SCALE),
  freshDevices: 3,
  edits: Number(process.env.TUTTI_BENCH_EDITS ?? 200),
  offlineMutations: 1_000,
};

const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (list: readonly number[]) =>
  percentile(
    [...list].sort((a, b) => a - b),
    50,
  );

interface Summary {
  seed: number;
  initial: number;
  p50: number;
  p99: number;
  offline: number;
}

function summary(figures: SyncFigures): Summary {
  const edits = [...figures.editMs].sort((a, b) => a - b);
  return {
    seed: figures.seedMs,
    initial: median(figures.initialMs),
    p50: percentile(edits, 50),
    p99: percentile(edits, 99),
    offline: figures.offlineMs,
  };
}

function print(name: string, figures: SyncFigures): void {
  const s = summary(figures);
  console.log(`\n${name}`);
  console.log(
    `  seeding desktop sends all ${figures.records} records   ${ms(s.seed)} (${((figures.records / s.seed) * 1000).toFixed(0)} records/s)`,
  );
  console.log(
    `  initial sync of a fresh device   ${ms(s.initial)} median   [runs: ${figures.initialMs.map(ms).join(', ')}]   goal ≤ 1000 ms`,
  );
  console.log(
    `  edit visible on the second desktop (${figures.editMs.length} edits)   p50 ${ms(s.p50)}   p99 ${ms(s.p99)}   goal p50 ≤ 100 ms, p99 ≤ 300 ms`,
  );
  console.log(
    `  ${figures.offlineMutations} offline edits, one round (send + receive)   ${ms(s.offline)}   goal ≤ 1000 ms`,
  );
}

function printRatio(tutti: SyncFigures, pouch: SyncFigures): void {
  const a = summary(tutti);
  const b = summary(pouch);
  const ratio = (key: keyof Summary) => `${(b[key] / a[key]).toFixed(1)}×`;
  console.log('\nPouchDB time ÷ Tutti time (above 1: Tutti is faster)');
  console.log(
    `  seeding ${ratio('seed')}   initial sync ${ratio('initial')} (goal ≥ ${POUCHDB_GOAL}×)   edit p50 ${ratio('p50')}   edit p99 ${ratio('p99')}   offline round ${ratio('offline')}`,
  );
}

/** Issue #26: the initial sync within this many times the floor, this many times PouchDB's speed. */
const FLOOR_GOAL = 2;
const POUCHDB_GOAL = 10;

let floor: ReturnType<typeof measureStorageFloor> | null = null;
let pouchInitialMs: number | null = null;
const floorTotal = (): number | null => (floor ? floor.parseMs + floor.encryptedInsertMs : null);
const pouchInitial = (): number | null => pouchInitialMs;

/**
 * The least this machine needs to take the records in (see storageFloor.ts), measured once per
 * run and printed beside each initial sync: parsing them and writing them with the replica's
 * guarantees (encrypted, durable) — the floor the initial sync is held against.
 */
function printFloor(
  records: Parameters<typeof measureStorageFloor>[0],
  figures: SyncFigures,
): void {
  if (!floor) {
    floor = measureStorageFloor(records);
    console.log(
      `  floor on this machine, no network, no server, no stamps: JSON.parse ${ms(floor.parseMs)} + one row per record ${ms(floor.insertMs)} plain, ${ms(floor.encryptedInsertMs)} encrypted and durable`,
    );
  }
  const floorMs = floor.parseMs + floor.encryptedInsertMs;
  console.log(
    `  initial sync ÷ floor (JSON.parse + encrypted and durable, ${ms(floorMs)})   ${(summary(figures).initial / floorMs).toFixed(1)}×   goal ≤ ${FLOOR_GOAL}×`,
  );
}

async function onServer(
  name: string,
  t: TestClubServer,
  withPouchdb: boolean,
): Promise<[string, SyncFigures][]> {
  const { figures, workload } = await benchTutti(t, options);
  print(name, figures);
  printFloor(workload.records, figures);
  if (!withPouchdb) return [[name, figures]];
  // PouchDB gets the same records, the club server's certificate and a club device's certificate.
  const clubId = (await t.server.services.clubs.createClub('PouchDB-Vergleich')).id;
  const user = await t.server.services.clubs.addUser(clubId, {
    name: 'Vergleich',
    role: 'administrator',
  });
  const pouch = await benchPouchdb({
    ...workload,
    serverKeys: (await t.dir.unlock(TEST_SERVER_PASSPHRASE)).server,
    caPem: t.dir.caCertificatePem(),
    client: await enrolUser(t, clubId, user.id),
    freshDevices: options.freshDevices,
    edits: options.edits,
    offlineMutations: options.offlineMutations,
  });
  print('PouchDB 9 (pouchdb-node on LevelDB, express-pouchdb)', pouch);
  pouchInitialMs = summary(pouch).initial;
  printRatio(figures, pouch);
  return [[name, figures]];
}

console.log(
  `Tutti sync benchmark: ${availableParallelism()} cores, workload ×${SCALE} (${options.size.members} members, ${options.size.instruments} instruments, ${options.size.loans} loans, ${options.size.attendance} attendance entries), server and desktops in one process`,
);
if (process.env.TUTTI_BENCH_PGLITE !== '0') {
  const onPglite = await startTestClubServer();
  try {
    await onServer(
      'Tutti, club server on PGlite',
      onPglite,
      process.env.TUTTI_BENCH_POUCHDB !== '0',
    );
  } finally {
    await onPglite.stop();
  }
}
if (process.env.TUTTI_BENCH_OWN_THREAD !== '0') {
  const { records, initialMs } = await benchInitialSyncOwnThread(
    options.size,
    options.freshDevices,
  );
  const initial = median(initialMs);
  console.log('\nTutti, club server on PGlite in a thread of its own (as on its own machine)');
  console.log(
    `  initial sync of a fresh device (${records} records)   ${ms(initial)} median   [runs: ${initialMs.map(ms).join(', ')}]`,
  );
  const floorMs = floorTotal();
  if (floorMs !== null)
    console.log(
      `  initial sync ÷ floor (${ms(floorMs)})   ${(initial / floorMs).toFixed(1)}×   goal ≤ ${FLOOR_GOAL}×`,
    );
  const pouchMs = pouchInitial();
  if (pouchMs !== null)
    console.log(
      `  PouchDB's initial sync (its server in the same process) ÷ this   ${(pouchMs / initial).toFixed(1)}×   goal ≥ ${POUCHDB_GOAL}×`,
    );
}
if (process.env.TUTTI_BENCH_POSTGRES !== '0') {
  const postgres = await startTestPostgres();
  try {
    const onPostgres = await startTestClubServer({ databaseUrl: postgres.url });
    try {
      await onServer('Tutti, club server on PostgreSQL', onPostgres, false);
    } finally {
      await onPostgres.stop();
    }
  } finally {
    postgres.stop();
  }
}
process.exit(0);
