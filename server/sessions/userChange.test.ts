/**
 * A user's role or registers changed by `tutti-server user update` end their web sessions: a
 * Registerführer who put off the second factor and is made administrator cannot go on reading
 * bank data in the session he had; signing in again asks for the second factor his new role
 * requires.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids.ts';
import { WEB_PATHS } from '../../shared/web/webProtocol.ts';
import { startTestClubServer, type TestClubServer } from '../../test/support/clubServerFixture.ts';
import { WebClient } from '../../test/support/webClient.ts';
import { executeAdminCommand } from '../app/adminCommands.ts';

const PASSWORD = 'Posaunenchor übt dienstags';
let t: TestClubServer;

beforeAll(async () => {
  t = await startTestClubServer();
}, 60_000);
afterAll(() => t?.stop());

it('ends the sessions of a user whose role changed, and the new role asks for its second factor', async () => {
  const services = t.server.services;
  const clubId = (await services.clubs.createClub('Musikverein')).id;
  const brass = newId();
  const user = await services.clubs.addUser(clubId, {
    name: 'Rita',
    role: 'registerfuehrer',
    registerIds: [brass],
  });
  const web = new WebClient(t.webUrl, t.dir.caCertificatePem());
  const { token } = await services.invitations.invite(clubId, user.id);
  await web.step(WEB_PATHS.invite, { token, loginName: 'rita', password: PASSWORD });
  expect((await web.signIn('rita', PASSWORD)).stage).toBe('ready');
  expect((await web.call('list', ['members'])).ok).toBe(true);

  await executeAdminCommand(
    services,
    { command: 'user.update', clubId, userId: user.id, role: 'administrator' },
    { devicesRevoked: async () => {} },
  );
  const after = await web.send('POST', WEB_PATHS.rpc, { method: 'list', args: ['members'] });
  expect(after.status).toBe(401);
  const again = await web.step(WEB_PATHS.login, { loginName: 'rita', password: PASSWORD });
  expect(again.stage).toBe('enrolSecondFactor');
  expect(again.secondFactor.required).toBe(true);
  web.close();
});
