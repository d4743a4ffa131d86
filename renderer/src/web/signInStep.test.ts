import { describe, expect, it } from 'vitest';
import { SESSION_STAGES, type SessionView } from '../../../shared/web/webProtocol.ts';
import { signInStep } from './signInStep.ts';
import { groupedSecret } from './totpText.ts';

function view(stage: SessionView['stage']): SessionView {
  return {
    stage,
    loginName: stage === 'none' ? null : 'anna',
    csrfToken: stage === 'none' ? null : 'token',
    clubs: [],
    club: null,
    secondFactor: { enrolled: false, required: false, recoveryCodesLeft: 0 },
    idleExpiresAt: null,
    absoluteExpiresAt: null,
  };
}

describe('the sign-in step for a session', () => {
  it('leads every stage to its screen', () => {
    expect(SESSION_STAGES.map((stage) => signInStep(view(stage), null))).toEqual([
      'login',
      'secondFactor',
      'enrolSecondFactor',
      'chooseClub',
      'app',
    ]);
  });

  it('waits for the server, and puts an invitation first', () => {
    expect(signInStep(null, null)).toBe('loading');
    expect(signInStep(null, 'abc')).toBe('loading');
    expect(signInStep(view('none'), 'abc')).toBe('invite');
    expect(signInStep(view('ready'), 'abc')).toBe('invite');
  });

  it('shows the secret in groups of four', () => {
    expect(groupedSecret('JBSWY3DPEHPK3PXPJBSW')).toBe('JBSW Y3DP EHPK 3PXP JBSW');
    expect(groupedSecret('abc de')).toBe('abcd e');
  });
});
