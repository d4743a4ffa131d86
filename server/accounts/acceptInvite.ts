/**
 * Taking up an invitation: a new account (login name + new password); for a person who already
 * has an account (from another club), that account after its current password, with the club
 * linked to it; for a reset link, a new password for the account. The invitation is marked used
 * in the same transaction that changes the account, so a link works exactly once.
 *
 * An existing account with a second factor is not linked on its password alone: the answer
 * carries the invitation as `pendingInvitation`, the session waits at `secondFactor` with it,
 * and `linkPendingInvitation` links the club once the code is right — a stolen password and a
 * forwarded link give no one another club.
 */
import { newId } from '../../shared/domain/ids.ts';
import type { AcceptInviteRequest } from '../../shared/web/webProtocol.ts';
import { AppError } from '../errors.ts';
import { hashPassword } from '../security/passwordHash.ts';
import type { ServerDatabase } from '../storage/serverDatabase.ts';
import { auditAccount } from './accountAudit.ts';
import type { OpenInvitation, WebInvitations } from './invitations.ts';
import type { WebAccounts } from './webAccounts.ts';
import { checkNewWebPassword } from './webPassword.ts';

/** PostgreSQL's unique_violation: two people took the same login name at the same moment. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

type Deps = { db: ServerDatabase; accounts: WebAccounts; invitations: WebInvitations };
type Accepted = {
  accountId: string;
  loginName: string;
  /** The token hash of an invitation to link after the account's second factor (else null). */
  pendingInvitation: string | null;
};

export async function acceptInvite(
  deps: Deps,
  request: AcceptInviteRequest,
  address: string,
): Promise<Accepted> {
  await deps.accounts.limits.reserveAddress(address);
  const invitation = await deps.invitations.find(request.token);
  const result = invitation.reset
    ? await resetPassword(deps, invitation, request.password, address)
    : await joinOrCreate(deps, invitation, request, address);
  await deps.accounts.limits.releaseAddress(address);
  return result;
}

async function resetPassword(
  { db, invitations }: Deps,
  invitation: OpenInvitation,
  password: string,
  address: string,
): Promise<Accepted> {
  // A reset invitation always has its account (invitations.find refuses one without).
  const accountId = invitation.accountId!;
  const loginName = invitation.loginName!;
  checkNewWebPassword(password, { loginName, clubNames: [invitation.clubName] });
  const hash = await hashPassword(password);
  await db.asOwner(async (sql) => {
    await invitations.markUsed(sql, invitation);
    await sql.query(
      'UPDATE web_accounts SET password_hash = $2, failures = 0, locked_until = NULL WHERE id = $1',
      [accountId, hash],
    );
    await auditAccount(sql, accountId, 'signin.reset-accepted', address, invitation.clubId);
  });
  return { accountId, loginName, pendingInvitation: null };
}

async function joinOrCreate(
  deps: Deps,
  invitation: OpenInvitation,
  request: AcceptInviteRequest,
  address: string,
): Promise<Accepted> {
  const { db, accounts, invitations } = deps;
  const loginName = request.loginName.normalize('NFC');
  const existing = await accounts.byLoginName(loginName);
  if (existing) {
    // The name is taken: this person's own account from another club, proven by its password.
    try {
      await accounts.checkPassword(existing, request.password, address);
    } catch (error) {
      if (error instanceof AppError && error.key === 'web.loginFailed')
        throw new AppError('forbidden', 'web.invite.nameTaken', {}, { field: 'password' });
      throw error;
    }
    const accepted = { accountId: existing.id, loginName: existing.login_name };
    if (existing.totp_confirmed) {
      // Told now rather than after the code: the invitation would be of no use.
      if (await linkedToClub(db, existing.id, invitation.clubId))
        throw new AppError('conflict', 'web.invite.alreadyInClub');
      return { ...accepted, pendingInvitation: invitation.tokenHash };
    }
    await linkClub(deps, invitation, existing.id, address);
    return { ...accepted, pendingInvitation: null };
  }
  checkNewWebPassword(request.password, { loginName, clubNames: [invitation.clubName] });
  const hash = await hashPassword(request.password);
  const accountId = newId();
  try {
    await db.asOwner(async (sql) => {
      await invitations.markUsed(sql, invitation);
      await sql.query(
        'INSERT INTO web_accounts (id, login_name, password_hash) VALUES ($1, $2, $3)',
        [accountId, loginName, hash],
      );
      await sql.query(
        'INSERT INTO web_account_links (account_id, club_id, user_id) VALUES ($1, $2, $3)',
        [accountId, invitation.clubId, invitation.userId],
      );
      await auditAccount(sql, accountId, 'signin.account-created', address, invitation.clubId);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'web.invite.nameTaken', {}, { field: 'loginName' });
    throw error;
  }
  return { accountId, loginName, pendingInvitation: null };
}

async function linkedToClub(db: ServerDatabase, accountId: string, clubId: string) {
  const { rows } = await db.asOwner((sql) =>
    sql.query('SELECT 1 FROM web_account_links WHERE account_id = $1 AND club_id = $2', [
      accountId,
      clubId,
    ]),
  );
  return rows.length > 0;
}

/** Links the invitation's club user to the account and marks the invitation used, at once. */
async function linkClub(
  { db, invitations }: Deps,
  invitation: OpenInvitation,
  accountId: string,
  address: string,
): Promise<void> {
  await db.asOwner(async (sql) => {
    await invitations.markUsed(sql, invitation);
    const { rows } = await sql.query(
      `INSERT INTO web_account_links (account_id, club_id, user_id) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING account_id`,
      [accountId, invitation.clubId, invitation.userId],
    );
    if (rows.length === 0) throw new AppError('conflict', 'web.invite.alreadyInClub');
    await auditAccount(sql, accountId, 'signin.club-linked', address, invitation.clubId);
  });
}

/**
 * After the account's second factor: links the club of the invitation its session carries
 * (`pendingInvitation` of `acceptInvite`). Refuses an invitation used, replaced or expired
 * meanwhile, as `acceptInvite` would.
 */
export async function linkPendingInvitation(
  deps: Deps,
  tokenHash: string,
  accountId: string,
  address: string,
): Promise<void> {
  const invitation = await deps.invitations.findByHash(tokenHash);
  if (invitation.reset) throw new AppError('conflict', 'web.invite.used');
  await linkClub(deps, invitation, accountId, address);
}
