/**
 * PouchDB's half of `npm run bench:sync`: the same records and the same three figures with the
 * best-known offline-first sync stack in JavaScript — `pouchdb-node` (LevelDB) on every desktop,
 * `express-pouchdb` as the server, CouchDB replication between them. The server listens with
 * the club server's own certificate and, like Tutti's device listener, demands a client
 * certificate from the club CA (mutual TLS on loopback). Each document is one record,
 * `_id` = `entity:id`. Replication uses batches of 1,000 documents (PouchDB's default is 100),
 * the same page size as Tutti's pull.
 */
import { mkdirSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:https';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EnrolledDevice } from '../../electron/sync/enrolDevice.ts';
import type { PemKeyPair } from '../../server/pki/certificateAuthority.ts';
import { makeTempDir } from '../support/tempDir.ts';
import type { SyncFigures } from './tuttiSyncBench.ts';

const require = createRequire(import.meta.url);

/** The small part of PouchDB's API this benchmark uses (the package ships no types). */
interface PouchDoc {
  _id: string;
  _rev?: string;
  [field: string]: unknown;
}
interface Replication extends PromiseLike<{ docs_written: number }> {
  cancel(): void;
  on(event: string, listener: (info: unknown) => void): Replication;
}
interface PouchDatabase {
  bulkDocs(docs: PouchDoc[]): Promise<unknown[]>;
  get(id: string): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<{ rev: string }>;
  info(): Promise<{ doc_count: number }>;
  close(): Promise<void>;
  changes(options: object): {
    on(event: 'change', listener: (c: { id: string }) => void): void;
    cancel(): void;
  };
}
interface PouchStatic {
  new (name: string, options?: object): PouchDatabase;
  defaults(options: object): PouchStatic;
  fetch(url: string, options: object): Promise<unknown>;
  replicate(from: PouchDatabase, to: PouchDatabase, options?: object): Replication;
  sync(a: PouchDatabase, b: PouchDatabase, options?: object): Replication;
}

const PouchDB = require('pouchdb-node') as PouchStatic;
const expressPouchDb = require('express-pouchdb') as (
  pouch: PouchStatic,
  options: object,
) => Parameters<typeof createServer>[1];

const BATCH = { batch_size: 1000, batches_limit: 10 };

export interface PouchBenchInput {
  records: Iterable<{ entity: string; id: string; fields: Record<string, unknown> }>;
  memberIds: readonly string[];
  /** The club server's TLS key pair and CA: the same trust as Tutti's device listener. */
  serverKeys: PemKeyPair;
  caPem: string;
  client: Pick<EnrolledDevice, 'certificatePem' | 'privateKeyPem'>;
  freshDevices: number;
  edits: number;
  offlineMutations: number;
}

export async function benchPouchdb(input: PouchBenchInput): Promise<SyncFigures> {
  const temp = makeTempDir('tutti-bench-pouch-');
  mkdirSync(join(temp.dir, 'server'));
  const ServerPouch = PouchDB.defaults({ prefix: `${join(temp.dir, 'server')}/` });
  const app = expressPouchDb(ServerPouch, {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: join(temp.dir, 'log.txt'),
  });
  const server: Server = createServer(
    {
      key: input.serverKeys.privateKeyPem,
      cert: input.serverKeys.certificatePem,
      ca: input.caPem,
      requestCert: true,
      rejectUnauthorized: true,
    },
    app,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const agent = new Agent({
    ca: input.caPem,
    cert: input.client.certificatePem,
    key: input.client.privateKeyPem,
    servername: 'localhost',
    keepAlive: true,
    maxSockets: 16,
  });
  const url = `https://localhost:${(server.address() as AddressInfo).port}/club`;
  const remote = () =>
    new PouchDB(url, {
      fetch: (target: string, options: object) => PouchDB.fetch(target, { ...options, agent }),
    });
  const open: PouchDatabase[] = [];
  const local = (name: string) => {
    const db = new PouchDB(join(temp.dir, name));
    open.push(db);
    return db;
  };
  try {
    const office = local('office');
    const docs: PouchDoc[] = [];
    for (const r of input.records) docs.push({ _id: `${r.entity}:${r.id}`, ...r.fields });
    for (let start = 0; start < docs.length; start += 5000)
      await office.bulkDocs(docs.slice(start, start + 5000));

    const club = remote();
    open.push(club);
    let started = performance.now();
    await PouchDB.replicate(office, club, BATCH);
    const seedMs = performance.now() - started;

    const initialMs: number[] = [];
    let rehearsal: PouchDatabase | undefined;
    for (let i = 0; i < input.freshDevices; i++) {
      rehearsal = local(`fresh-${i}`);
      started = performance.now();
      await PouchDB.replicate(club, rehearsal, BATCH);
      initialMs.push(performance.now() - started);
      const { doc_count } = await rehearsal.info();
      if (doc_count !== docs.length)
        throw new Error(`PouchDB: a fresh device holds ${doc_count} of ${docs.length} documents`);
    }

    // Two desktops online: live two-way replication each (long-polled changes feed).
    const live = [office, rehearsal!].map((db) =>
      PouchDB.sync(db, club, { live: true, retry: true, ...BATCH }),
    );
    const arrived = new Map<string, () => void>();
    const feed = rehearsal!.changes({ since: 'now', live: true });
    feed.on('change', (change) => arrived.get(change.id)?.());
    await sleep(500); // let both feeds connect
    const editMs: number[] = [];
    for (let i = 0; i < input.edits; i++) {
      const id = `members:${input.memberIds[i % input.memberIds.length]}`;
      const doc = await office.get(id);
      started = performance.now();
      const seen = new Promise<void>((resolve) => arrived.set(id, resolve));
      await office.put({ ...doc, city: `Probenort ${i}` });
      await seen;
      editMs.push(performance.now() - started);
      arrived.delete(id);
    }
    for (const replication of live) replication.cancel();
    feed.cancel();

    // Offline: edits pile up locally, one two-way replication sends them (and pulls).
    for (let i = 0; i < input.offlineMutations; i++) {
      const doc = await office.get(`members:${input.memberIds[i % input.memberIds.length]}`);
      await office.put({ ...doc, notes: `offline ${i}` });
    }
    started = performance.now();
    await PouchDB.sync(office, club, BATCH);
    const offlineMs = performance.now() - started;

    return {
      records: docs.length,
      seedMs,
      initialMs,
      editMs,
      offlineMs,
      offlineMutations: input.offlineMutations,
    };
  } finally {
    for (const db of open) await db.close().catch(() => {});
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    temp.cleanup();
  }
}
