/**
 * The web sign-in's accounts on PGlite and on a real PostgreSQL: an invitation accepted, TOTP
 * enrolled with a code computed here, a login with password and code; replayed codes, recovery
 * codes, lockout per account and per address, no user enumeration, expiry and single use of
 * invitations, a reset, and who must have a second factor.
 */
import { randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { bothDatabases } from '../../test/support/bothDatabases.ts';
import { createServices, type Services } from '../app/services.ts';
import { readAudit } from '../audit/auditLog.ts';
import { AppError } from '../errors.ts';
import { acceptInvite, linkPendingInvitation } from './acceptInvite.ts';
import { unknownNameKey } from './loginLimits.ts';
import { grantsReadSensitive } from './secondFactorPolicy.ts';
import { stageAfterPassword } from './signInStages.ts';

const PASSWORD = 'Notenständer im Probenraum 7';
const ADDRESS = '192.0.2.10';

const { databases } = bothDatabases({ migrate: true });

function codeAt(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(['pglite', 'postgres'] as const)('web accounts on %s', (kind) => {
  let services: Services;
  let clock = new Date('2026-03-02T09:00:00Z');
  const tick = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  let clubId: string;
  let otherClubId: string;
  const accept = (token: string, loginName: string, password: string, address = ADDRESS) =>
    acceptInvite(
      { db: services.db, accounts: services.accounts, invitations: services.invitations },
      { token, loginName, password },
      address,
    );

  beforeAll(async () => {
    services = createServices(databases[kind]!, null as never, () => clock);
    clubId = (await services.clubs.createClub(`Musikverein ${kind}`)).id;
    otherClubId = (await services.clubs.createClub(`Stadtkapelle ${kind}`)).id;
  });

  async function newUser(role: string, club = clubId, name = 'Anna Admin') {
    // Roles bound to registers or to the own record need them (ClubRegistry checks).
    const registerIds = role === 'registerfuehrer' ? [randomUUID()] : [];
    const memberId = role === 'mitglied' ? randomUUID() : null;
    return (await services.clubs.addUser(club, { name, role, registerIds, memberId })).id;
  }

  it('invites, accepts, enrols TOTP and signs in with password and code', async () => {
    const userId = await newUser('administrator');
    const invitation = await services.invitations.invite(clubId, userId);
    expect(invitation.token.length).toBeGreaterThanOrEqual(43);
    const view = services.invitations.view(await services.invitations.find(invitation.token));
    expect(view).toMatchObject({ userName: 'Anna Admin', reset: false, loginName: null });

    const account = await accept(invitation.token, 'anna.admin', PASSWORD);
    // Administrators must have a second factor: the first stage is its enrolment.
    expect(await stageAfterPassword(services.accounts, account.accountId)).toEqual({
      stage: 'enrolSecondFactor',
      club: null,
    });
    expect(await services.accounts.secondFactorState(account.accountId)).toEqual({
      enrolled: false,
      required: true,
      recoveryCodesLeft: 0,
    });

    const setup = await services.accounts.beginTotp(account.accountId);
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/Tutti:anna\.admin\?/);
    expect(setup.qrSvg).toMatch(/^<svg/);
    expect(setup.qrSvg).not.toMatch(/script|foreignObject/i);
    await expect(
      services.accounts.confirmTotp(account.accountId, '000000', ADDRESS),
    ).rejects.toMatchObject({ key: 'web.codeWrong' });
    const codes = await services.accounts.confirmTotp(
      account.accountId,
      codeAt(setup.secret, clock),
      ADDRESS,
    );
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);

    tick(60_000);
    const signedIn = await services.accounts.login('Anna.Admin', PASSWORD, ADDRESS);
    expect(signedIn.id).toBe(account.accountId);
    expect((await stageAfterPassword(services.accounts, signedIn.id)).stage).toBe('secondFactor');
    const code = codeAt(setup.secret, clock);
    expect(await services.accounts.verifySecondFactor(signedIn.id, code, ADDRESS)).toBe('totp');
    // The same code again (its step is used): a replay.
    expect(
      (await refusal(services.accounts.verifySecondFactor(signedIn.id, code, ADDRESS))).key,
    ).toBe('web.codeReused');
    // One step earlier is within the window but before the last used one: refused too.
    const earlier = codeAt(setup.secret, new Date(clock.getTime() - 30_000));
    expect(
      (await refusal(services.accounts.verifySecondFactor(signedIn.id, earlier, ADDRESS))).key,
    ).toMatch(/web\.code(Reused|Wrong)/);

    // A recovery code works once, typed in capitals and without the dash too.
    const recovery = codes[3]!.toUpperCase().replace('-', '');
    expect(await services.accounts.verifySecondFactor(signedIn.id, recovery, ADDRESS)).toBe(
      'recovery',
    );
    expect(
      (await refusal(services.accounts.verifySecondFactor(signedIn.id, recovery, ADDRESS))).key,
    ).toBe('web.codeWrong');
    expect((await services.accounts.secondFactorState(signedIn.id)).recoveryCodesLeft).toBe(9);

    // The secrets are out of the application role's reach.
    const leaked = await services.db.withClub(clubId, (sql) =>
      sql.query('SELECT * FROM web_accounts').then(
        (r) => r.rows.length,
        () => 'refused',
      ),
    );
    expect(leaked).toBe('refused');
    const audit = await services.db.withClub(clubId, (sql) => readAudit(sql));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'signin.invite',
        'signin.account-created',
        'signin.second-factor-set',
        'signin.recovery-code-used',
        'signin.second-factor-failed',
      ]),
    );
  });

  it('locks an account after 10 wrong passwords in a row, saying until when', async () => {
    const userId = await newUser('mitglied', clubId, 'Lena Lock');
    const { token } = await services.invitations.invite(clubId, userId);
    const { accountId } = await accept(token, 'lena', PASSWORD);
    for (let i = 1; i < 10; i += 1)
      expect((await refusal(services.accounts.login('lena', 'falsch', ADDRESS))).key).toBe(
        'web.loginFailed',
      );
    const locked = await refusal(services.accounts.login('lena', 'falsch', ADDRESS));
    expect(locked.key).toBe('web.accountLocked');
    expect(locked.params.time).toMatch(/^\d{2}:\d{2}$/);
    expect(locked.message).toContain(`nach ${locked.params.time} Uhr`);
    // Locked: even the right password is refused, with the time.
    expect((await refusal(services.accounts.login('lena', PASSWORD, ADDRESS))).key).toBe(
      'web.accountLocked',
    );
    tick(15 * 60_000 + 1000);
    expect((await services.accounts.login('lena', PASSWORD, ADDRESS)).id).toBe(accountId);
  });

  it('answers an unknown login name exactly like a wrong password, as slowly', async () => {
    const started = Date.now();
    const unknown = await refusal(services.accounts.login('niemand', PASSWORD, '192.0.2.11'));
    const unknownMs = Date.now() - started;
    const wrong = await refusal(services.accounts.login('lena', 'falsch-falsch', '192.0.2.11'));
    expect(unknown.key).toBe(wrong.key);
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.code).toBe(wrong.code);
    // The dummy hash costs a real scrypt (several milliseconds), not nothing.
    expect(unknownMs).toBeGreaterThan(5);
  });

  it('refuses an address after 50 failures in 15 minutes, until the window passes', async () => {
    const address = '198.51.100.7';
    for (let i = 0; i < 50; i += 1)
      expect((await refusal(services.accounts.login(`nobody${i}`, 'x', address))).key).toBe(
        'web.loginFailed',
      );
    const refused = await refusal(services.accounts.login('lena', PASSWORD, address));
    expect(refused.key).toBe('web.addressLocked');
    expect(refused.code).toBe('locked');
    // Another address is not affected.
    expect((await services.accounts.login('lena', PASSWORD, '198.51.100.8')).id).toBeTruthy();
    tick(15 * 60_000);
    expect((await services.accounts.login('lena', PASSWORD, address)).id).toBeTruthy();
  });

  it('lets an invitation work once and not after 72 hours; a new one replaces the old', async () => {
    const userId = await newUser('mitglied', clubId, 'Olaf Once');
    const first = await services.invitations.invite(clubId, userId);
    const second = await services.invitations.invite(clubId, userId);
    expect((await refusal(services.invitations.find(first.token))).key).toBe('web.invite.unknown');
    tick(72 * 3_600_000 + 1000);
    expect((await refusal(accept(second.token, 'olaf', PASSWORD))).key).toBe('web.invite.expired');
    const third = await services.invitations.invite(clubId, userId);
    await accept(third.token, 'olaf', PASSWORD);
    expect((await refusal(accept(third.token, 'olaf2', PASSWORD))).key).toBe('web.invite.used');
    // The user has an account now: a plain invitation is refused, a reset is the way.
    expect((await refusal(services.invitations.invite(clubId, userId))).key).toBe(
      'web.invite.hasAccount',
    );
  });

  it('refuses weak passwords: short, common, the login or club name', async () => {
    const userId = await newUser('mitglied', clubId, 'Paula Pass');
    const { token } = await services.invitations.invite(clubId, userId);
    for (const [password, key] of [
      ['kurz', 'web.password.tooShort'],
      ['passwort12345', 'web.password.common'],
      ['qwertzuiop123', 'web.password.common'],
      ['Sommer2024!!!', 'web.password.common'],
      ['Pass word 123456', 'web.password.common'],
      ['paula.pass-ist-toll', 'web.password.containsName'],
      [`Musikverein-${kind}!!`, 'web.password.containsName'],
    ] as const)
      expect((await refusal(accept(token, 'paula.pass', password))).key).toBe(key);
    await accept(token, 'paula.pass', PASSWORD);
  });

  it('links a second club to an account with a second factor only after that factor', async () => {
    const userId = await newUser('registerfuehrer', otherClubId, 'Anna Admin');
    const { token } = await services.invitations.invite(otherClubId, userId);
    expect((await refusal(accept(token, 'ANNA.admin', 'ein-ganz-anderes-Passwort'))).key).toBe(
      'web.invite.nameTaken',
    );
    const pending = await accept(token, 'ANNA.admin', PASSWORD);
    const anna = await services.accounts.login('anna.admin', PASSWORD, ADDRESS);
    expect(pending.accountId).toBe(anna.id);
    // The password alone links nothing: the invitation waits, unused, for the second factor.
    expect(pending.pendingInvitation).toMatch(/^[0-9a-f]{64}$/);
    expect((await services.accounts.memberships(anna.id)).map((c) => c.clubId)).toEqual([clubId]);
    expect(services.invitations.view(await services.invitations.find(token)).reset).toBe(false);
    const deps = {
      db: services.db,
      accounts: services.accounts,
      invitations: services.invitations,
    };
    await linkPendingInvitation(deps, pending.pendingInvitation!, anna.id, ADDRESS);
    const clubs = await services.accounts.memberships(anna.id);
    expect(clubs.map((c) => c.clubId).sort()).toEqual([clubId, otherClubId].sort());
    // Once only.
    expect(
      (await refusal(linkPendingInvitation(deps, pending.pendingInvitation!, anna.id, ADDRESS)))
        .key,
    ).toBe('web.invite.used');
    const audit = await services.db.withClub(otherClubId, (sql) => readAudit(sql));
    expect(audit.map((a) => a.action)).toContain('signin.club-linked');
  });

  it('links a second club at once to an account without a second factor', async () => {
    const userId = await newUser('registerfuehrer', otherClubId, 'Lena Lock');
    const { token } = await services.invitations.invite(otherClubId, userId);
    const linked = await accept(token, 'lena', PASSWORD);
    expect(linked.pendingInvitation).toBeNull();
    const clubs = await services.accounts.memberships(linked.accountId);
    expect(clubs.map((c) => c.clubId).sort()).toEqual([clubId, otherClubId].sort());
  });

  it('locks a login name without an account like an account: the answers tell nothing', async () => {
    const userId = await newUser('mitglied', clubId, 'Emil Echt');
    const { token } = await services.invitations.invite(clubId, userId);
    await accept(token, 'emil.echt', PASSWORD);
    const answers = async (name: string, address: string) => {
      const keys: string[] = [];
      const times: unknown[] = [];
      for (let i = 0; i < 11; i += 1) {
        const refused = await refusal(services.accounts.login(name, `falsch-${i}`, address));
        keys.push(refused.key);
        times.push(refused.params.time);
      }
      return { keys, times };
    };
    const known = await answers('emil.echt', '192.0.2.31');
    const unknown = await answers('Emil.Unbekannt', '192.0.2.32');
    expect(unknown.keys).toEqual(known.keys);
    expect(known.keys.slice(0, 9)).toEqual(Array(9).fill('web.loginFailed'));
    expect(known.keys.slice(9)).toEqual(['web.accountLocked', 'web.accountLocked']);
    expect(unknown.times).toEqual(known.times);
    // Counted in the database under a hash of the name (any case), never the name itself.
    const rows = await services.db.asOwner(
      async (sql) =>
        (
          await sql.query<{ name_hash: string; locked_until: Date | null }>(
            'SELECT name_hash, locked_until FROM web_unknown_login_failures WHERE name_hash = $1',
            [unknownNameKey('emil.UNBEKANNT')],
          )
        ).rows,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.locked_until).not.toBeNull();
    // After the lock both count afresh.
    tick(15 * 60_000 + 1000);
    expect((await refusal(services.accounts.login('emil.unbekannt', 'x', '192.0.2.33'))).key).toBe(
      'web.loginFailed',
    );
    expect((await services.accounts.login('emil.echt', PASSWORD, '192.0.2.33')).loginName).toBe(
      'emil.echt',
    );
  });

  it('resets a login: password, second factor and recovery codes gone, a new password set', async () => {
    const userId = await newUser('kassier', clubId, 'Karl Kasse');
    const { token } = await services.invitations.invite(clubId, userId);
    const { accountId } = await accept(token, 'karl', PASSWORD);
    const setup = await services.accounts.beginTotp(accountId);
    await services.accounts.confirmTotp(accountId, codeAt(setup.secret, clock), ADDRESS);

    const reset = await services.invitations.resetLogin(clubId, userId);
    expect(reset.reset).toBe(true);
    expect((await refusal(services.accounts.login('karl', PASSWORD, ADDRESS))).key).toBe(
      'web.loginFailed',
    );
    expect(await services.accounts.secondFactorState(accountId)).toEqual({
      enrolled: false,
      required: true,
      recoveryCodesLeft: 0,
    });
    const view = services.invitations.view(await services.invitations.find(reset.token));
    expect(view).toMatchObject({ reset: true, loginName: 'karl' });
    await accept(reset.token, 'karl', 'Ein neues Passwort für Herrn K.');
    expect((await refusal(services.accounts.login('karl', PASSWORD, ADDRESS))).key).toBe(
      'web.loginFailed',
    );
    expect(
      (await services.accounts.login('karl', 'Ein neues Passwort für Herrn K.', ADDRESS)).id,
    ).toBe(accountId);
  });

  it('requires a second factor for administrators and the Kassier, not the Registerführer', async () => {
    const accountFor = async (role: string, name: string) => {
      const userId = await newUser(role, clubId, name);
      const { token } = await services.invitations.invite(clubId, userId);
      return (await accept(token, name.replace(' ', '.'), PASSWORD)).accountId;
    };
    const required = async (id: string) => (await services.accounts.secondFactorState(id)).required;
    expect(await required(await accountFor('kassier', 'Kira Kassier'))).toBe(true);
    expect(await required(await accountFor('registerfuehrer', 'Rolf Register'))).toBe(false);
    expect(await required(await accountFor('mitglied', 'Mia Mitglied'))).toBe(false);
    // A club's own role that reads bank data needs one too.
    await services.roles.add(clubId, 'bankleser', 'Bankleser', [
      { entity: 'members', action: 'read', scope: 'all', fields: 'all' },
    ]);
    expect(await required(await accountFor('bankleser', 'Bert Bank'))).toBe(true);
    expect(
      grantsReadSensitive([
        { entity: 'members', action: 'read', scope: 'all', fields: 'withoutSensitive' },
      ]),
    ).toBe(false);
  });
});
