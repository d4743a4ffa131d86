/**
 * How a `tutti` command talks: in one language (`--lang`, else LANG/LC_*, else German, decided
 * once in main.ts), results on stdout, progress and notes on stderr, and the passphrase of a
 * profile asked in the same language.
 */

import type { Language } from '../../shared/messages/language.ts';
import { type Message, type MessageParams, msg } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';
import { profilePaths } from '../core/profile.ts';
import type { KeyStore } from '../keys/keyStore.ts';
import { PassphraseKeyStore } from '../keys/passphraseKeyStore.ts';
import { passphraseFromEnvironmentOrTerminal } from '../keys/passphraseSource.ts';

export interface Terminal {
  readonly language: Language;
  /** Results and data. */
  readonly out: NodeJS.WritableStream;
  /** The text of a key in the command's language. */
  text(key: string, params?: MessageParams): string;
  /** A message in the command's language. */
  say(message: Message): string;
  /** A line of results on stdout. */
  print(key: string, params?: MessageParams): void;
  /** A line of progress or a note on stderr. */
  note(key: string, params?: MessageParams): void;
  /** A date as people of the language write it (04.05.2026 or 04/05/2026). */
  date(at: Date): string;
  /** Date and time, local (04.05.2026 14:30). */
  dateTime(at: Date): string;
  /** The key store of a profile, asking its passphrase in the command's language. */
  keyStore(profileDir: string): KeyStore;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function terminal(
  language: Language,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): Terminal {
  const text = (key: string, params?: MessageParams) => translate(msg(key, params), language);
  const date = (at: Date) =>
    text('cli.date', {
      day: pad(at.getDate()),
      month: pad(at.getMonth() + 1),
      year: at.getFullYear(),
    });
  return {
    language,
    out,
    text,
    say: (message) => translate(message, language),
    print: (key, params) => out.write(`${text(key, params)}\n`),
    note: (key, params) => err.write(`${text(key, params)}\n`),
    date,
    dateTime: (at) =>
      text('cli.dateTime', {
        date: date(at),
        hours: pad(at.getHours()),
        minutes: pad(at.getMinutes()),
      }),
    keyStore: (profileDir) =>
      new PassphraseKeyStore(
        profilePaths(profileDir).keyFile,
        passphraseFromEnvironmentOrTerminal(env, language),
      ),
  };
}

/**
 * `--lang en|de` (or `--lang=en`) removed from anywhere in the arguments: the language was
 * taken from it before, and no command knows the option.
 */
export function withoutLanguageOption(argv: readonly string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') {
      i++; // its value
      continue;
    }
    if (arg.startsWith('--lang=')) continue;
    rest.push(arg);
  }
  return rest;
}
