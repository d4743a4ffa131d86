/**
 * Where a passphrase comes from without Electron: the file named by TUTTI_PASSPHRASE_FILE (for
 * automation and tests) or a hidden prompt on the terminal. Never from a command-line argument:
 * those end up in shell histories and process lists.
 */
import {
  NoTerminalError,
  PromptCancelledError,
  promptHidden as promptOnTerminal,
  readSecretFile,
} from '../../shared/node/secretInput.ts';
import { CoreError } from '../core/coreError.ts';
import { askNewPassphrase } from './newPassphrase.ts';
import { MIN_PASSPHRASE_LENGTH } from './passphraseKeyStore.ts';

export const PASSPHRASE_FILE_VARIABLE = 'TUTTI_PASSPHRASE_FILE';

export function readPassphraseFile(path: string): string {
  try {
    return readSecretFile(path);
  } catch (cause) {
    throw new CoreError(
      'no_passphrase',
      `Die Passphrase-Datei ${path} ist nicht lesbar. Bitte den Pfad in ${PASSPHRASE_FILE_VARIABLE} prüfen.`,
      { cause },
    );
  }
}

/** Asks on the terminal without echoing what is typed. */
export async function promptHidden(question: string): Promise<string> {
  try {
    return await promptOnTerminal(question);
  } catch (cause) {
    if (cause instanceof NoTerminalError)
      throw new CoreError(
        'no_passphrase',
        `Keine Passphrase: bitte Tutti in einem Terminal starten oder ${PASSPHRASE_FILE_VARIABLE} auf eine Datei mit der Passphrase setzen.`,
        { cause },
      );
    if (cause instanceof PromptCancelledError)
      throw new CoreError('no_passphrase', 'Abgebrochen.', { cause });
    throw cause;
  }
}

/** True when the passphrase comes from a file: fetching it early asks no one anything. */
export function passphraseAtHand(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env[PASSPHRASE_FILE_VARIABLE]);
}

/** The passphrase callback for a PassphraseKeyStore, from the environment or the terminal. */
export function passphraseFromEnvironmentOrTerminal(
  env: NodeJS.ProcessEnv = process.env,
): (purpose: 'create' | 'unlock') => Promise<string> {
  return async (purpose) => {
    const file = env[PASSPHRASE_FILE_VARIABLE];
    if (file) return readPassphraseFile(file);
    if (purpose === 'unlock') return promptHidden('Passphrase für das Tutti-Profil: ');
    return askNewPassphrase(
      { ask: promptHidden, say: (line) => process.stderr.write(`${line}\n`) },
      {
        question: `Neues Profil – bitte eine Passphrase wählen (mind. ${MIN_PASSPHRASE_LENGTH} Zeichen): `,
        problem: (p) =>
          p.length < MIN_PASSPHRASE_LENGTH
            ? `Zu kurz: mindestens ${MIN_PASSPHRASE_LENGTH} Zeichen, am besten mehrere Wörter.`
            : null,
      },
    );
  };
}
