/**
 * A new passphrase typed on the terminal, hidden: its length is checked at once, it is typed
 * twice, and a typo asks again (three rounds) instead of ending the program — a person setting
 * up a profile or the backups should not start over for one wrong key.
 */
import { CoreError } from '../core/coreError.ts';

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
    question: string;
    /** Why a passphrase will be refused later (the same rule as there), or null. */
    problem: (passphrase: string) => string | null;
    afterFirst?: (passphrase: string) => string;
  },
): Promise<string> {
  for (let round = 1; round <= ROUNDS; round++) {
    const first = await dialogue.ask(options.question);
    const problem = options.problem(first);
    if (problem) {
      dialogue.say(`${problem} Bitte noch einmal.`);
      continue;
    }
    if (options.afterFirst) dialogue.say(options.afterFirst(first));
    if ((await dialogue.ask('Passphrase wiederholen: ')) === first) return first;
    dialogue.say('Die beiden Eingaben stimmen nicht überein. Bitte noch einmal.');
  }
  throw new CoreError(
    'no_passphrase',
    `Nach ${ROUNDS} Versuchen keine passende Passphrase; es wurde nichts geändert.`,
  );
}
