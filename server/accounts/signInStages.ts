/**
 * Where a sign-in goes next. After the password: the second factor when the account has one,
 * otherwise its enrolment (which a role without the duty may skip). After the second factor: the
 * club — chosen at once when the account has only one, else the choice.
 */
import type { SessionStage } from '../../shared/web/webProtocol.ts';
import type { Membership, WebAccounts } from './webAccounts.ts';

export interface NextStage {
  stage: SessionStage;
  club: { clubId: string; userId: string } | null;
}

export async function stageAfterPassword(
  accounts: WebAccounts,
  accountId: string,
): Promise<NextStage> {
  const state = await accounts.secondFactorState(accountId);
  return { stage: state.enrolled ? 'secondFactor' : 'enrolSecondFactor', club: null };
}

export function stageAfterSecondFactor(memberships: readonly Membership[]): NextStage {
  const only = memberships.length === 1 ? memberships[0]! : null;
  return only
    ? { stage: 'ready', club: { clubId: only.clubId, userId: only.userId } }
    : { stage: 'chooseClub', club: null };
}
