/**
 * Only real changes travel (issue #25): a device's push pokes every other device of the club,
 * never the device that pushed it — it pulls right after its push anyway, and would only fetch
 * its own echo. Changes from anywhere else (the record API, the server itself, another device)
 * poke everyone, as before. Real mutual TLS against a running server.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EnrolledDevice } from '../../electron/sync/enrolDevice.ts';
import { newId } from '../../shared/domain/ids.ts';
import { HybridLogicalClock } from '../../shared/sync/hlc.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import {
  asDevice,
  enrolUser,
  openPokeChannel,
  saveAsClubAdmin,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';

/** How long a socket that should stay quiet is watched after the others got their poke. */
const QUIET_MS = 300;

/** A device as the protocol sees it: its certificate, its clock, its next mutation id. */
interface Device {
  cert: EnrolledDevice;
  clock: HybridLogicalClock;
  next: number;
}

/** A poke channel that counts the pokes it receives. */
interface Channel {
  pokes(): number;
  close(): void;
}

const member = (lastName: string) => ({ firstName: 'Paula', lastName, status: 'aktiv' });

describe('pokes after a change', () => {
  let t: TestClubServer;
  let clubId: string;
  const devices: Record<'a' | 'b', Device> = {} as never;
  const open: Channel[] = [];

  const channel = async (device: Device): Promise<Channel> => {
    const { socket } = await openPokeChannel(t, device.cert);
    let pokes = 0;
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'poke') pokes += 1;
    });
    const opened = { pokes: () => pokes, close: () => socket.terminate() };
    open.push(opened);
    return opened;
  };
  const push = async (device: Device, lastName: string) => {
    const set = member(lastName);
    const mutation: Mutation = {
      mutationId: device.next++,
      ops: [
        {
          entity: 'members',
          id: newId(),
          set,
          stamps: Object.fromEntries(Object.keys(set).map((f) => [f, device.clock.tick()])),
        } as Mutation['ops'][number],
      ],
    };
    const answer = await asDevice(t, device.cert, 'POST', '/sync/v1/push', {
      body: { mutations: [mutation] },
    });
    expect(answer.body?.value).toMatchObject({ results: [{ status: 'applied' }] });
  };
  /** Waits until every channel of `poked` has its poke, then a while for stray ones. */
  const settle = async (poked: Channel[]) => {
    await vi.waitFor(() => expect(poked.map((c) => c.pokes())).toEqual(poked.map(() => 1)), {
      timeout: 5_000,
    });
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  };

  beforeAll(async () => {
    t = await startTestClubServer();
    const { clubs } = t.server.services;
    clubId = (await clubs.createClub('Musikverein Echo')).id;
    for (const who of ['a', 'b'] as const) {
      const user = await clubs.addUser(clubId, { name: who, role: 'administrator' });
      const cert = await enrolUser(t, clubId, user.id);
      devices[who] = { cert, clock: new HybridLogicalClock(cert.deviceId), next: 1 };
    }
  }, 60_000);
  afterAll(async () => {
    for (const c of open) c.close();
    await t?.stop();
  });

  it("a device's push pokes the other device, not the device that pushed", async () => {
    const [a, b] = [await channel(devices.a), await channel(devices.b)];
    await push(devices.a, 'Von A');
    await settle([b]);
    expect({ a: a.pokes(), b: b.pokes() }).toEqual({ a: 0, b: 1 });
    // And the other way round: B's push reaches A.
    await push(devices.b, 'Von B');
    await settle([a]);
    expect({ a: a.pokes(), b: b.pokes() }).toEqual({ a: 1, b: 1 });
  });

  it('skips both sockets of the pushing device when it has two open', async () => {
    const [a1, a2, b] = [
      await channel(devices.a),
      await channel(devices.a),
      await channel(devices.b),
    ];
    await push(devices.a, 'Zwei Kanäle');
    await settle([b]);
    expect({ a1: a1.pokes(), a2: a2.pokes(), b: b.pokes() }).toEqual({ a1: 0, a2: 0, b: 1 });
  });

  it('a change the server makes itself pokes every device', async () => {
    const [a, b] = [await channel(devices.a), await channel(devices.b)];
    await saveAsClubAdmin(t, clubId, 'members', newId(), member('Vom Server'));
    await settle([a, b]);
    expect({ a: a.pokes(), b: b.pokes() }).toEqual({ a: 1, b: 1 });
  });

  it("a write through the record API pokes every device, the writer's too", async () => {
    const [a, b] = [await channel(devices.a), await channel(devices.b)];
    const answer = await asDevice(t, devices.a.cert, 'PUT', `/api/v1/records/members/${newId()}`, {
      body: member('Über die API'),
    });
    expect(answer.status).toBe(200);
    await settle([a, b]);
    expect({ a: a.pokes(), b: b.pokes() }).toEqual({ a: 1, b: 1 });
  });
});
