/**
 * `npm run bench:sync` — offline-first sync of a whole club (issue #5), Tutti against PouchDB.
 * Workload: 5,000 members, 1,500 instruments, 1,000 loans, 50,000 attendance entries (plus
 * registers and rehearsals). Figures: a fresh device's initial sync over mutual TLS on
 * loopback, an edit's way from one online desktop to another (p50/p99), one round pushing
 * 1,000 offline mutations. Prints figures; asserts nothing but that every record arrived.
 * TUTTI_BENCH_SCALE=0.1 runs a tenth of the workload (a quick look, not the figure).
 */
import { availableParallelism } from 'node:os';
import { startTestClubServer } from '../support/clubServerFixture.ts';
import { startTestPostgres } from '../support/postgres.ts';
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

function summary(figures: SyncFigures) {
  const edits = [...figures.editMs].sort((a, b) => a - b);
  return {
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
    `  seeding desktop pushes ${figures.records} records as mutations   ${ms(figures.seedMs)} (${((figures.records / figures.seedMs) * 1000).toFixed(0)}/s)`,
  );
  console.log(
    `  initial sync of a fresh device (${figures.records} records)   ${ms(s.initial)}   [runs: ${figures.initialMs.map(ms).join(', ')}]   goal ≤ 1000 ms`,
  );
  console.log(
    `  edit visible on the second desktop (${figures.editMs.length} edits)   p50 ${ms(s.p50)}   p99 ${ms(s.p99)}   goal p50 ≤ 100 ms, p99 ≤ 300 ms`,
  );
  console.log(
    `  ${figures.offlineMutations} offline mutations, one round (push + pull back)   ${ms(s.offline)}   goal ≤ 1000 ms`,
  );
}

console.log(
  `Tutti sync benchmark: ${availableParallelism()} cores, workload ×${SCALE} (${options.size.members} members, ${options.size.instruments} instruments, ${options.size.loans} loans, ${options.size.attendance} attendance entries), server and desktops in one process`,
);

const results: [string, SyncFigures][] = [];
if (process.env.TUTTI_BENCH_PG_ONLY !== '1') {
  const onPglite = await startTestClubServer();
  try {
    results.push(['Tutti, server on PGlite', await benchTutti(onPglite, options)]);
  } finally {
    await onPglite.stop();
  }
  print(...results[0]!);
}
if (process.env.TUTTI_BENCH_PGLITE_ONLY !== '1') {
  const postgres = await startTestPostgres();
  try {
    const onPostgres = await startTestClubServer({ databaseUrl: postgres.url });
    try {
      results.push(['Tutti, server on PostgreSQL', await benchTutti(onPostgres, options)]);
    } finally {
      await onPostgres.stop();
    }
  } finally {
    postgres.stop();
  }
  print(...results.at(-1)!);
}
process.exit(0);
