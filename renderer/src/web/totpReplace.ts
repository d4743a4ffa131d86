/**
 * Replacing a confirmed second factor asks for the current password first (the server refuses
 * the new secret without it, so a session left open elsewhere cannot take over the factor):
 * what the password step shows at its field.
 */
import type { ApiError } from '../../../shared/api/result.ts';
import { i18next } from '../i18n/index.ts';
import { type SignInProblem, signInProblem } from './signInErrors.ts';

/** Nothing typed: said at the field, nothing sent. */
export function missingReplacePassword(password: string): SignInProblem | null {
  return password
    ? null
    : { fields: { password: i18next.t('webApp.totp.passwordMissing') }, form: null };
}

/**
 * The server's refusal of the password step: a wrong password at the field (in the words of
 * this step, not the login's "name or password"); a lockout and anything else for the form.
 */
export function replacePasswordProblem(error: ApiError): SignInProblem {
  if (error.key === 'web.loginFailed')
    return { fields: { password: i18next.t('webApp.totp.passwordWrong') }, form: null };
  return signInProblem(error, ['password']);
}
