/**
 * Which screen the web application shows for the server's `SessionView`: a pure choice, so
 * that every stage is sure to lead somewhere (the test walks them all).
 */
import type { SessionView } from '../../../shared/web/webProtocol.ts';

export type SignInStep =
  | 'loading'
  | 'invite'
  | 'login'
  | 'secondFactor'
  | 'enrolSecondFactor'
  | 'chooseClub'
  | 'app';

export function signInStep(view: SessionView | null, inviteToken: string | null): SignInStep {
  if (!view) return 'loading';
  // An invitation in the address comes first: it may be for a second club of a signed-in person.
  if (inviteToken) return 'invite';
  switch (view.stage) {
    case 'none':
      return 'login';
    case 'secondFactor':
      return 'secondFactor';
    case 'enrolSecondFactor':
      return 'enrolSecondFactor';
    case 'chooseClub':
      return 'chooseClub';
    case 'ready':
      return 'app';
  }
}
