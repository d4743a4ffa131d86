/**
 * What a web password must be: at least `MIN_WEB_PASSWORD_LENGTH` characters, not one of the
 * commonly used passwords (the list of `@zxcvbn-ts/language-common`, ~30 000 entries, also with
 * digits or punctuation appended — "passwort12345" is as weak as "passwort"), and not the login
 * name or the club's name in other words. Hashing: scrypt (security/passwordHash.ts).
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { MIN_WEB_PASSWORD_LENGTH } from '../../shared/web/webProtocol.ts';
import { AppError } from '../errors.ts';
import { hashPassword, verifyPassword } from '../security/passwordHash.ts';

/** The list is mostly English: common German ones (and a club's obvious words) beside it. */
const GERMAN_COMMON = [
  'qwertz',
  'qwertzu',
  'qwertzui',
  'qwertzuiop',
  'asdfghjklö',
  'ichliebedich',
  'schatz',
  'schatzi',
  'hallo',
  'hallohallo',
  'geheim',
  'passwort',
  'kennwort',
  'fussball',
  'fußball',
  'sommer',
  'winter',
  'frühling',
  'herbst',
  'blasmusik',
  'musikverein',
  'musikkapelle',
  'blaskapelle',
  'stadtkapelle',
  'trompete',
  'posaune',
  'klarinette',
  'schlagzeug',
  'tuba',
  'orchester',
  'vereinsheim',
  'willkommen',
  'schalke',
  'borussia',
  'bayern',
];

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  common ??= new Set(
    [...dictionary['passwords-common'], ...GERMAN_COMMON].map((p) => p.toLowerCase()),
  );
  return common;
}

/** Letters and digits only, lower case: "Musik-Verein 1920" and "musikverein1920" are alike. */
function simplified(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The password without what people append to a common one ("sommer2024!", "qwertz123456"). */
function withoutTail(text: string): string {
  return text.replace(/[\p{N}\p{P}\p{S}\s]+$/u, '');
}

/** Throws a validation error on the field `password` unless the new password is good enough. */
export function checkNewWebPassword(
  password: string,
  context: { loginName: string; clubNames: readonly string[] },
): void {
  const refuse = (key: string, params = {}) => {
    throw new AppError('validation', key, params, { field: 'password' });
  };
  if ([...password].length < MIN_WEB_PASSWORD_LENGTH)
    refuse('web.password.tooShort', { min: MIN_WEB_PASSWORD_LENGTH });
  const lower = password.toLowerCase();
  const list = commonPasswords();
  const forms = [
    lower,
    withoutTail(lower),
    simplified(password),
    withoutTail(simplified(password)),
  ];
  if (forms.some((form) => list.has(form))) refuse('web.password.common');
  const plain = simplified(password);
  for (const name of [context.loginName, ...context.clubNames]) {
    const part = simplified(name);
    if (part.length >= 3 && plain.includes(part)) refuse('web.password.containsName');
  }
}

/**
 * A hash of no one's password, to check a wrong login name against: it takes as long as a real
 * check, so the answer's timing does not tell whether the name exists.
 */
let dummy: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('tutti-no-such-account');
  await verifyPassword(password, await dummy);
  return false;
}
