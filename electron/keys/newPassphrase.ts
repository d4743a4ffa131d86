/**
 * A new passphrase typed on the terminal, hidden: its length is checked at once, it is typed
 * twice, and a typo asks again (three rounds) instead of ending the program — a person setting
 * up a profile or the backups should not start over for one wrong key.
 */
import { AppError } from '../../shared/api/appError.ts';
import type { Language } from '../../shared/messages/language.ts';
import { type Message, msg } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';

export interface NewPassphraseDialogue {
  /** Asks without echoing (promptHidden). */
  ask(question: string): Promise<string>;
  /** Tells the person something on stderr. */
  say(line: string): void;
}

const ROUNDS = 3;

export async function askNewPassphrase(
  dialogue: NewPassphraseDialogue,
  options: {
    question: Message;
    /** Why a passphrase will be refused later (the same rule as there), or null. */
    problem: (passphrase: string) => Message | null;
    afterFirst?: (passphrase: string) => Message;
    /** The terminal's language (tutti --lang, LANG); German by default. */
    language?: Language;
  },
): Promise<string> {
  const text = (message: Message) => translate(message, options.language ?? 'de');
  for (let round = 1; round <= ROUNDS; round++) {
    const first = await dialogue.ask(text(options.question));
    const problem = options.problem(first);
    if (problem) {
      dialogue.say(text(msg('cli.passphrase.again', { problem: text(problem) })));
      continue;
    }
    if (options.afterFirst) dialogue.say(text(options.afterFirst(first)));
    if ((await dialogue.ask(text(msg('cli.passphrase.repeat')))) === first) return first;
    dialogue.say(text(msg('cli.passphrase.mismatch')));
  }
  throw new AppError('no_passphrase', 'errors.keys.noMatchingPassphrase', { rounds: ROUNDS });
}
