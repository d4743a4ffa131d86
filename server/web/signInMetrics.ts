/**
 * Refused web sign-in steps in the metrics (issue #28): wrong passwords and codes as login
 * failures by step, refusals because an account or an address is locked as lockouts — the
 * figures an operator watches for a guessing attack. Other refusals (a used invitation, a
 * weak new password) are the person's mistakes, not failures to count.
 */
import type { AppError } from '../errors.ts';
import type { ServerMetrics } from '../metrics/serverMetrics.ts';

const STEP_OF_EVENT: Record<string, string> = {
  login: 'password',
  'second-factor': 'second_factor',
};
const FAILURE_KEYS = new Set(['web.loginFailed', 'web.codeWrong', 'web.codeReused']);
const LOCKOUT_KIND: Record<string, string> = {
  'web.accountLocked': 'account',
  'web.addressLocked': 'address',
};

export function countRefusal(metrics: ServerMetrics, event: string, error: AppError): void {
  const lockout = LOCKOUT_KIND[error.key];
  if (lockout) {
    metrics.lockouts.inc({ kind: lockout });
    return;
  }
  const step = STEP_OF_EVENT[event];
  if (step && FAILURE_KEYS.has(error.key)) metrics.loginFailures.inc({ step });
}
