/**
 * `npm run bench:backup` — backup and restore of the sync benchmark's workload (issue #6):
 * 5,000 members, 1,500 instruments, 1,000 loans, 50,000 attendance entries in an encrypted
 * desktop profile. Prints the time of a backup and of a restore, each with the share spent in
 * encryption; goal ≤ 2 s each. Then the same records as one club on the club server (PGlite):
 * its backup to two targets and its restore. TUTTI_BENCH_SCALE=0.1 runs a tenth (a quick look).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DesktopBackups } from '../../electron/backup/desktopBackups.ts';
import { restoreBackup } from '../../electron/backup/restoreBackup.ts';
import { ClubService } from '../../electron/core/clubService.ts';
import { openProfile } from '../../electron/core/profile.ts';
import { PassphraseKeyStore } from '../../electron/keys/passphraseKeyStore.ts';
import { setUpBackups } from '../../server/cli/backupSetup.ts';
import { ENTITY_NAMES } from '../../shared/domain/entities.ts';
import { unwrapBackupKey } from '../../shared/node/backup/backupKey.ts';
import { startTestClubServer, TEST_SERVER_PASSPHRASE } from '../support/clubServerFixture.ts';
import { makeTempDir } from '../support/tempDir.ts';
import { FULL_SIZE, scaled, writeWorkload } from './syncWorkload.ts';

const SCALE = Number(process.env.TUTTI_BENCH_SCALE ?? 1);
const RUNS = 3;
const PASSPHRASE = 'Benchmark der Datensicherung 2026';
const ms = (n: number) => `${n.toFixed(0)} ms`;
const share = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)} %`;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

const temp = makeTempDir('tutti-bench-backup-');
// The profile's own key: the benchmark is about the backup, not about unlocking the profile.
const keyStore = (dir: string) =>
  new PassphraseKeyStore(join(dir, 'key.json'), async () => 'profil-passphrase-bench', {
    N: 2 ** 10,
    r: 8,
    p: 1,
  });

try {
  const dir = join(temp.dir, 'profil');
  const profile = await openProfile(dir, keyStore(dir));
  const { records } = writeWorkload(
    new ClubService(profile.store, 'bench'),
    profile.store,
    scaled(FULL_SIZE, SCALE),
  );
  // As on a device that has synced: the outbox is acknowledged and emptied, the file compact.
  profile.store.transaction(() => {
    profile.store.outbox.acknowledge(profile.store.outbox.lastMutationId());
    profile.store.outbox.forgetAcknowledged();
  });
  profile.store.db.exec('VACUUM');
  const stick = join(temp.dir, 'stick');
  const backups = new DesktopBackups(profile.store);
  await backups.configure(stick, PASSPHRASE, true);
  const size = statSync(join(dir, 'tutti.db')).size;
  console.log(
    `Tutti backup benchmark: ${records} records, database ${(size / 1e6).toFixed(1)} MB (encrypted with SQLCipher)`,
  );

  const backupRuns: Awaited<ReturnType<DesktopBackups['create']>>[] = [];
  const backupTotals: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    backupRuns.push(await backups.create());
    backupTotals.push(performance.now() - started);
  }
  // The same records for the club server, with their stamps.
  const serverRecords = ENTITY_NAMES.flatMap((entity) =>
    profile.store.tables[entity].allIds().map((id) => {
      const stored = profile.store.tables[entity].get(id)!;
      return { entity, fields: stored.record, stamps: stored.stamps };
    }),
  );
  profile.close();
  const backupMs = median(backupTotals);
  const last = backupRuns.at(-1)!;
  const t = last.timings;
  console.log(
    `  backup   ${ms(backupMs)} median [runs: ${backupTotals.map(ms).join(', ')}]   goal ≤ 2000 ms`,
  );
  console.log(
    `           last run: snapshot ${ms(t.snapshotMs)}, tar + gzip ${ms(t.packMs)}, age encryption ${ms(t.encryptMs)} (${share(t.encryptMs, t.snapshotMs + t.packMs + t.encryptMs + t.writeMs)}), write + fsync + retention ${ms(t.writeMs)}; file ${(last.generation.bytes / 1e6).toFixed(1)} MB`,
  );

  const restoreTotals: number[] = [];
  let lastRestore: Awaited<ReturnType<typeof restoreBackup>> | undefined;
  for (let i = 0; i < RUNS; i++) {
    const target = join(temp.dir, `wiederhergestellt-${i}`);
    const started = performance.now();
    lastRestore = await restoreBackup(target, last.generation.path, PASSPHRASE, {
      keyStore: keyStore(target),
    });
    restoreTotals.push(performance.now() - started);
  }
  const r = lastRestore!;
  console.log(
    `  restore  ${ms(median(restoreTotals))} median [runs: ${restoreTotals.map(ms).join(', ')}]   goal ≤ 2000 ms`,
  );
  console.log(
    `           last run: opening the key file (scrypt N=2^17) ${ms(r.keyMs)} (${share(r.keyMs, r.totalMs)}), age decryption ${ms(r.decryptMs)} (${share(r.decryptMs, r.totalMs)}), checks + SQLCipher encryption + switch ${ms(r.totalMs - r.keyMs - r.decryptMs)}`,
  );

  // The same records on the club server (PGlite): one club's backup to two targets, and its restore.
  const server = await startTestClubServer();
  try {
    const clubId = (await server.server.services.clubs.createClub('Benchmark-Verein')).id;
    await server.server.services.db.asOwner(async (sql) => {
      for (let i = 0; i < serverRecords.length; i += 5_000) {
        const rows = serverRecords.slice(i, i + 5_000).map((r, j) => {
          const { id, ...fields } = r.fields;
          return {
            entity: r.entity,
            id,
            fields,
            stamps: r.stamps,
            deleted: false,
            version: i + j + 1,
          };
        });
        await sql.query(
          `INSERT INTO records (club_id, entity, id, fields, stamps, deleted, version)
           SELECT $1, r.entity, r.id, r.fields, r.stamps, r.deleted, r.version
           FROM jsonb_to_recordset($2::jsonb)
             AS r(entity text, id uuid, fields jsonb, stamps jsonb, deleted boolean, version bigint)`,
          [clubId, JSON.stringify(rows)],
        );
      }
      await sql.query('UPDATE club_versions SET version = $2 WHERE club_id = $1', [
        clubId,
        serverRecords.length,
      ]);
      await sql.query('ANALYZE records');
    });
    const targets = [join(temp.dir, 'ziel-a'), join(temp.dir, 'ziel-b')];
    await setUpBackups(server.dir, targets, [], async () => TEST_SERVER_PASSPHRASE);
    const started = performance.now();
    const identity = await unwrapBackupKey(
      readFileSync(server.dir.backupKeyPath),
      TEST_SERVER_PASSPHRASE,
    );
    const keyMs = performance.now() - started;
    const { backups } = server.server.services.backup!;
    const runs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const begun = performance.now();
      bytes = (await backups.run(clubId))[0]!.bytes;
      runs.push(performance.now() - begun);
    }
    const restores: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const begun = performance.now();
      await backups.restore(clubId, identity);
      restores.push(performance.now() - begun);
    }
    console.log(`\nClub server (PGlite), the same ${serverRecords.length} records in one club`);
    console.log(
      `  backup to 2 targets  ${ms(median(runs))} median [runs: ${runs.map(ms).join(', ')}]; file ${(bytes / 1e6).toFixed(1)} MB`,
    );
    console.log(
      `  restore of the club  ${ms(median(restores))} median [runs: ${restores.map(ms).join(', ')}] (checks, every record set back under a new stamp), plus opening the backup key once ${ms(keyMs)}`,
    );
  } finally {
    await server.stop();
  }
} finally {
  temp.cleanup();
}
