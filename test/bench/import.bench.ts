/**
 * `npm run bench:import` — issue #7: `tutti import verein-gross.mdb` (6,000 members, 2,000
 * instruments, 1,000 loans, 1,200 honours) as a secretary runs it, timed from outside as the
 * whole command (Node start, reading the file, unlocking the profile, import, closing). Goal:
 * ≤ 3 s. Also: importing the same file again (nothing changes), and where the time goes,
 * measured inside one process. The command runs from the bundle `npm run build:cli` makes, as
 * it does for a user after `npm start`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleIsFresh } from '../../bin/bundleFreshness.js';
import { openProfile } from '../../electron/core/profile.ts';
import { saveRecordInTransaction } from '../../electron/core/recordWriter.ts';
import { mappingFor, runImport } from '../../electron/import/importSource.ts';
import { readSourceFile } from '../../electron/import/readers/readSourceFile.ts';
import { fixture } from '../support/fixtures.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { REPO_ROOT, writePassphraseFile } from '../support/tuttiProcess.ts';

const FILE = fixture('legacy', 'verein-gross.mdb');
const RUNS = 5; // a median of five: this machine's timings vary by ±20 % from run to run
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const temp = makeTempDir('tutti-bench-import-');
const env = { ...process.env, TUTTI_PASSPHRASE_FILE: writePassphraseFile(temp.dir) };
// The in-process phases below unlock the profile the same way.
process.env.TUTTI_PASSPHRASE_FILE = env.TUTTI_PASSPHRASE_FILE;

function command(profile: string): number {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      'bin/tutti.js',
      'import',
      FILE,
      '--profile',
      profile,
      '--report',
      join(temp.dir, 'bericht.txt'),
    ],
    {
      cwd: REPO_ROOT,
      env,
      encoding: 'utf8',
    },
  );
  const elapsed = performance.now() - started;
  if (run.status !== 0) throw new Error(`tutti import failed: ${run.stderr}`);
  return elapsed;
}

try {
  console.log(`Tutti import benchmark: ${FILE} (${(statSync(FILE).size / 1e6).toFixed(1)} MB)`);
  // `npm run bench:import` builds the bundle first; run directly, the command may use tsx.
  console.log(
    bundleIsFresh(pathToFileURL(`${REPO_ROOT}/`))
      ? 'tutti runs from its bundle (dist/cli, up to date)'
      : 'tutti runs from the sources through tsx: run `npm run build:cli` first for the figures users see',
  );
  const fresh: number[] = [];
  const again: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const profile = join(temp.dir, `profil-${run}`);
    fresh.push(command(profile)); // creates the profile (new key, scrypt) and imports
    again.push(command(profile)); // the same file once more: every row unchanged
  }
  const report = readFileSync(join(temp.dir, 'bericht.txt'), 'utf8');
  console.log(
    report
      .split('\n')
      .filter((line) => line.includes(' → '))
      .join('\n'),
  );
  console.log(
    `whole command, new profile + import (goal ≤ 3 s): median ${seconds(median(fresh))} (${fresh.map(seconds).join(', ')})`,
  );
  console.log(
    `whole command, same file again (nothing changes): median ${seconds(median(again))} (${again.map(seconds).join(', ')})`,
  );

  // Where the time goes, in one process (module loading and Node's start are not in here).
  const dir = join(temp.dir, 'profil-phasen');
  (await openProfile(dir)).close();
  const t0 = performance.now();
  const bytes = readFileSync(FILE);
  const source = await readSourceFile(FILE, bytes, null);
  const mapping = mappingFor(source, null);
  const t1 = performance.now();
  const profile = await openProfile(dir);
  const t2 = performance.now();
  const store = profile.store;
  let inTransactions = 0;
  const result = await runImport(
    store,
    (entity, draft) => saveRecordInTransaction(store, entity, draft),
    source,
    mapping,
    {
      dryRun: false,
      chunkSize: 100_000,
      onProgress: () => {
        inTransactions = performance.now() - t2;
      },
    },
  );
  const t3 = performance.now();
  const databaseBytes = statSync(join(dir, 'tutti.db')).size;
  const pending = store.outbox.pendingCount();
  profile.close();
  const t4 = performance.now();
  const records = result.tables.reduce((sum, t) => sum + t.created, 0);
  console.log(
    `phases: read + map ${seconds(t1 - t0)}, unlock profile (scrypt) ${seconds(t2 - t1)}, import of ${records} records ${seconds(t3 - t2)} (of it in the transaction incl. commit ${seconds(inTransactions)}), close (checkpoint) ${seconds(t4 - t3)}; database ${(databaseBytes / 1e6).toFixed(1)} MB, ${pending} outbox entries`,
  );
} finally {
  temp.cleanup();
}
