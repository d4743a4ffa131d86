import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18next } from '../i18n/index.ts';
import { missingReplacePassword, replacePasswordProblem } from './totpReplace.ts';
import { webRequests } from './webRequests.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  void i18next.changeLanguage('de');
});

describe('replacing the second factor: the password step', () => {
  it('says at the field that the password is missing, in German and English', async () => {
    await i18next.changeLanguage('de');
    expect(missingReplacePassword('')).toEqual({
      fields: { password: 'Bitte das aktuelle Passwort eingeben.' },
      form: null,
    });
    await i18next.changeLanguage('en');
    expect(missingReplacePassword('')?.fields.password).toBe('Please enter your current password.');
    expect(missingReplacePassword('Notenständer')).toBeNull();
  });

  it('puts a wrong password at the field and a lockout above the form', async () => {
    await i18next.changeLanguage('de');
    const wrong = replacePasswordProblem({
      code: 'forbidden',
      key: 'web.loginFailed',
      fields: { password: { key: 'web.loginFailed' } },
    });
    expect(wrong.form).toBeNull();
    expect(wrong.fields.password).toMatch(/^Das Passwort stimmt nicht\./);
    await i18next.changeLanguage('en');
    expect(
      replacePasswordProblem({ code: 'forbidden', key: 'web.loginFailed' }).fields.password,
    ).toMatch(/^The password is wrong\./);
    const locked = replacePasswordProblem({
      code: 'forbidden',
      key: 'web.accountLocked',
      params: { time: '14:35' },
    });
    expect(locked.fields).toEqual({});
    expect(locked.form).toContain('14:35');
  });

  it('sends the password with the request for a new secret, and nothing without one', async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return new Response(
        JSON.stringify({
          ok: true,
          value: { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x', qrSvg: '<svg/>' },
        }),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      );
    });
    expect((await webRequests.totpSetup('Notenständer im Probenraum 7')).ok).toBe(true);
    expect((await webRequests.totpSetup()).ok).toBe(true);
    expect(bodies).toEqual([{ password: 'Notenständer im Probenraum 7' }, {}]);
  });
});
