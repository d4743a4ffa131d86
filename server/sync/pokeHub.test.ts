/**
 * Pokes across server nodes: two nodes of one club server (the same CA, one PostgreSQL), as
 * behind a load balancer. What happens on one node reaches the devices connected to the other.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '../../shared/domain/ids.ts';
import { HybridLogicalClock } from '../../shared/sync/hlc.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import {
  asDevice,
  enrolSupport,
  enrolUser,
  openPokeChannel,
  TEST_ADMIN_PASSWORD,
  TEST_SERVER_PASSPHRASE,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { startTestPostgres, type TestPostgres } from '../../test/support/postgres.ts';
import { makeTempDir } from '../../test/support/tempDir.ts';
import { askAdminSocket } from '../app/adminSocket.ts';
import { type RunningClubServer, startClubServer } from '../app/clubServer.ts';
import { DataDirectory } from '../app/dataDirectory.ts';
import { silentLogger } from '../log/logger.ts';

describe('two server nodes on one PostgreSQL', () => {
  const temp = makeTempDir('tutti-nodes-');
  let pg: TestPostgres;
  const nodes: TestClubServer[] = [];
  const running: RunningClubServer[] = [];

  beforeAll(async () => {
    pg = await startTestPostgres();
    const first = new DataDirectory(join(temp.dir, 'node-1'));
    await first.init(['localhost', '127.0.0.1'], TEST_SERVER_PASSPHRASE);
    cpSync(first.root, join(temp.dir, 'node-2'), { recursive: true });
    for (const dir of [first, new DataDirectory(join(temp.dir, 'node-2'))]) {
      const server = await startClubServer({
        dir,
        passphrase: TEST_SERVER_PASSPHRASE,
        databaseUrl: pg.url,
        host: '127.0.0.1',
        webPort: 0,
        devicePort: 0,
        log: silentLogger(),
      });
      running.push(server);
      nodes.push({
        server,
        dir,
        webUrl: `https://localhost:${server.web.port}`,
        deviceUrl: `https://localhost:${server.devices.port}`,
        stop: () => server.close(),
      });
    }
  }, 120_000);

  afterAll(async () => {
    for (const server of running) await server.close();
    pg?.stop();
    temp.cleanup();
  });

  it("revoking support on one node closes support's channels on every node", async () => {
    const [one, two] = nodes as [TestClubServer, TestClubServer];
    const { clubs, passwords, support } = one.server.services;
    const clubId = (await clubs.createClub('Musikverein Zwei Knoten')).id;
    await passwords.set(clubId, TEST_ADMIN_PASSWORD);
    const device = await enrolSupport(one, (await support.addStaff('Sandra Support')).id);
    await support.grant(clubId, 24, TEST_ADMIN_PASSWORD);
    const header = { 'Tutti-Club': clubId };
    const channels = [
      await openPokeChannel(one, device, header),
      await openPokeChannel(two, device, header),
    ];
    const answer = await askAdminSocket(one.dir.socketPath, { command: 'support.revoke', clubId });
    expect(answer?.ok).toBe(true);
    for (const channel of channels) await expect(channel.closed).resolves.toBeDefined();
    const asked = await asDevice(two, device, 'GET', '/api/v1/records/members', {
      headers: header,
    });
    expect(asked.status).toBe(403);
  }, 60_000);

  it("a push on one node pokes the other devices on every node, none of the pusher's", async () => {
    const [one, two] = nodes as [TestClubServer, TestClubServer];
    const { clubs } = one.server.services;
    const clubId = (await clubs.createClub('Musikverein Echo zwei Knoten')).id;
    const [a, b] = await Promise.all(
      ['a', 'b'].map(async (name) =>
        enrolUser(one, clubId, (await clubs.addUser(clubId, { name, role: 'administrator' })).id),
      ),
    );
    const counted = async (node: TestClubServer, device: typeof a) => {
      const { socket } = await openPokeChannel(node, device!);
      let pokes = 0;
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'poke') pokes += 1;
      });
      return { pokes: () => pokes, close: () => socket.terminate() };
    };
    // A is connected to both nodes (its channel moved meanwhile), B to the other node only.
    const channels = {
      aOne: await counted(one, a),
      aTwo: await counted(two, a),
      bTwo: await counted(two, b),
    };
    const set = { firstName: 'Nora', lastName: 'Knoten', status: 'aktiv' };
    const clock = new HybridLogicalClock(a!.deviceId);
    const mutation = {
      mutationId: 1,
      ops: [
        {
          entity: 'members',
          id: newId(),
          set,
          stamps: Object.fromEntries(Object.keys(set).map((f) => [f, clock.tick()])),
        },
      ],
    } as Mutation;
    const answer = await asDevice(one, a!, 'POST', '/sync/v1/push', {
      body: { mutations: [mutation] },
    });
    expect(answer.body?.value).toMatchObject({ results: [{ status: 'applied' }] });
    await vi.waitFor(() => expect(channels.bTwo.pokes()).toBe(1), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pokes = Object.fromEntries(Object.entries(channels).map(([k, c]) => [k, c.pokes()]));
    expect(pokes).toEqual({ aOne: 0, aTwo: 0, bTwo: 1 });
    for (const channel of Object.values(channels)) channel.close();
  }, 60_000);
});
