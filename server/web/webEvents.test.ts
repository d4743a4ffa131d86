/**
 * The web page's events over a real HTTPS server on PGlite: a change reaches an open page as
 * the user may see it (no IBAN for the Vorstand, not even its stamp); a Registerführer hears
 * nothing of records outside his registers — not even their ids — and a member leaving his
 * register is told as removed; a stream whose session ended closes at the next heartbeat; a
 * client that leaves while its stream opens frees its place.
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids.ts';
import { WEB_PATHS } from '../../shared/web/webProtocol.ts';
import {
  saveAsClubAdmin,
  startTestClubServer,
  type TestClubServer,
} from '../../test/support/clubServerFixture.ts';
import { type EventStream, WebClient } from '../../test/support/webClient.ts';
import { knownCaller } from '../data/principal.ts';
import { silentLogger } from '../log/logger.ts';
import { WebEventHub } from './webEvents.ts';

const PASSWORD = 'Posaunenchor übt dienstags';
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let t: TestClubServer;
let clubId = '';
const brass = newId();
const wood = newId();
const horn = newId();
const flute = newId();

async function signedIn(role: string, loginName: string, registerIds: string[] = []) {
  const user = await t.server.services.clubs.addUser(clubId, {
    name: loginName,
    role,
    registerIds,
  });
  const web = new WebClient(t.webUrl, t.dir.caCertificatePem());
  const { token } = await t.server.services.invitations.invite(clubId, user.id);
  await web.step(WEB_PATHS.invite, { token, loginName, password: PASSWORD });
  await web.signIn(loginName, PASSWORD);
  return web;
}

/** Waits until the stream has told something about `id`, or 3 s passed. */
async function heardOf(stream: EventStream, id: string, since = 0) {
  const about = () =>
    stream.events
      .slice(since)
      .filter(
        (e) =>
          e.event === 'records' &&
          (e.payload.removedIds.includes(id) ||
            e.payload.upserted.some((r: { id: string }) => r.id === id)),
      );
  for (let i = 0; i < 60 && about().length === 0; i += 1) await wait(50);
  return about();
}

beforeAll(async () => {
  t = await startTestClubServer();
  clubId = (await t.server.services.clubs.createClub('Musikverein')).id;
  await saveAsClubAdmin(t, clubId, 'registers', brass, { name: 'Blech', sortOrder: 1 });
  await saveAsClubAdmin(t, clubId, 'registers', wood, { name: 'Holz', sortOrder: 2 });
  await saveAsClubAdmin(t, clubId, 'members', horn, {
    firstName: 'Berta',
    lastName: 'Horn',
    status: 'aktiv',
    registerIds: [brass],
    iban: 'DE89370400440532013000',
  });
  await saveAsClubAdmin(t, clubId, 'members', flute, {
    firstName: 'Fritz',
    lastName: 'Flöte',
    status: 'aktiv',
    registerIds: [wood],
  });
}, 60_000);
afterAll(() => t?.stop());

describe('the web page events', () => {
  it('tell the Vorstand a change as he may see it: no IBAN, no stamp of one', async () => {
    const board = await signedIn('vorstand', 'volker');
    const stream = board.openEvents();
    expect(await stream.opened).toBe(200);
    await wait(100);
    expect(stream.events[0]?.event).toBe('status');
    await saveAsClubAdmin(t, clubId, 'members', horn, {
      firstName: 'Berta',
      lastName: 'Horn',
      status: 'aktiv',
      phone: '0111',
      registerIds: [brass],
    });
    const [told] = await heardOf(stream, horn);
    const record = told?.payload.upserted.find((r: { id: string }) => r.id === horn);
    expect(record).toMatchObject({ id: horn, phone: '0111' });
    expect(record.iban).toBeUndefined();
    expect(Object.keys(record['@stamps'])).toContain('phone');
    expect(Object.keys(record['@stamps'])).not.toContain('iban');
    stream.stop();
    board.close();
  });

  it('tell a Registerführer nothing of other registers, and a member leaving his as removed', async () => {
    const leader = await signedIn('registerfuehrer', 'rita', [brass]);
    const stream = leader.openEvents();
    expect(await stream.opened).toBe(200);
    await wait(100);
    const fluteFields = { firstName: 'Fritz', lastName: 'Flöte', status: 'aktiv' };
    await saveAsClubAdmin(t, clubId, 'members', flute, {
      ...fluteFields,
      phone: '0999',
      registerIds: [wood],
    });
    // Something he may see changes after it, so the stream has read past the first change.
    await saveAsClubAdmin(t, clubId, 'registers', brass, { name: 'Blechbläser', sortOrder: 1 });
    expect(await heardOf(stream, brass)).not.toHaveLength(0);
    expect(JSON.stringify(stream.events)).not.toContain(flute);

    const hornFields = { firstName: 'Berta', lastName: 'Horn', status: 'aktiv' };
    const before = stream.events.length;
    await saveAsClubAdmin(t, clubId, 'members', horn, { ...hornFields, registerIds: [wood] });
    const [gone] = await heardOf(stream, horn, before);
    expect(gone?.payload.removedIds).toEqual([horn]);
    const later = stream.events.length;
    await saveAsClubAdmin(t, clubId, 'members', horn, { ...hornFields, registerIds: [brass] });
    const [back] = await heardOf(stream, horn, later);
    expect(back?.payload.upserted.map((r: { id: string }) => r.id)).toEqual([horn]);
    stream.stop();
    leader.close();
  });

  it('close a stream whose session ended, and free the place of a client that left', async () => {
    const hub = new WebEventHub(t.server.services, silentLogger(), 50);
    await hub.start();
    let active = true;
    let slow = false;
    const caller = knownCaller({
      clubId,
      actor: { kind: 'web', id: 'x', deviceId: null, address: null },
      subject: { grants: [], registerIds: [], memberId: null },
      role: 'vorstand',
      scopeEpoch: 1,
    });
    const owner = {
      sessionId: 'session-1',
      caller: {
        clubId,
        resolve: async (sql: never) => {
          if (slow) await wait(200);
          return caller.resolve(sql);
        },
      },
      status: {},
      isActive: async () => active,
    };
    const server = createServer((_req, res) => void hub.open(owner, res).catch(() => {}));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const open = () => {
      const req = request({ host: '127.0.0.1', port, agent: false });
      req.on('error', () => {});
      req.end();
      return req;
    };

    const ended = new Promise<void>((resolve) =>
      open().on('response', (res) => {
        res.resume();
        res.on('end', resolve);
      }),
    );
    await wait(100);
    active = false; // "überall abmelden"
    await ended;

    slow = true;
    for (let i = 0; i < 6; i += 1) {
      const req = open();
      await wait(30);
      req.destroy(); // gone while the stream opens
    }
    await wait(400);
    expect(hub.hasRoomFor('session-1')).toBe(true);
    await hub.close();
    server.close();
  });
});
