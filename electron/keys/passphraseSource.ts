/**
 * Where a passphrase comes from without Electron: the file named by TUTTI_PASSPHRASE_FILE (for
 * automation and tests) or a hidden prompt on the terminal. Never from a command-line argument:
 * those end up in shell histories and process lists.
 */

import { AppError } from '../../shared/api/appError.ts';
import type { Language } from '../../shared/messages/language.ts';
import { msg } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';
import {
  NoTerminalError,
  PromptCancelledError,
  promptHidden as promptOnTerminal,
  readSecretFile,
} from '../../shared/node/secretInput.ts';
import { askNewPassphrase } from './newPassphrase.ts';
import { MIN_PASSPHRASE_LENGTH } from './passphraseKeyStore.ts';

export const PASSPHRASE_FILE_VARIABLE = 'TUTTI_PASSPHRASE_FILE';

export function readPassphraseFile(path: string): string {
  try {
    return readSecretFile(path);
  } catch (cause) {
    throw new AppError(
      'no_passphrase',
      'errors.keys.passphraseFileUnreadable',
      { path, variable: PASSPHRASE_FILE_VARIABLE },
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
      throw new AppError(
        'no_passphrase',
        'errors.keys.noTerminal',
        { variable: PASSPHRASE_FILE_VARIABLE },
        { cause },
      );
    if (cause instanceof PromptCancelledError)
      throw new AppError('no_passphrase', 'errors.keys.cancelled', {}, { cause });
    throw cause;
  }
}

/** True when the passphrase comes from a file: fetching it early asks no one anything. */
export function passphraseAtHand(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env[PASSPHRASE_FILE_VARIABLE]);
}

/**
 * The passphrase callback for a PassphraseKeyStore, from the environment or the terminal; the
 * terminal is asked in `language` (the command line's, German by default).
 */
export function passphraseFromEnvironmentOrTerminal(
  env: NodeJS.ProcessEnv = process.env,
  language: Language = 'de',
): (purpose: 'create' | 'unlock') => Promise<string> {
  return async (purpose) => {
    const file = env[PASSPHRASE_FILE_VARIABLE];
    if (file) return readPassphraseFile(file);
    if (purpose === 'unlock')
      return promptHidden(translate(msg('cli.passphrase.profile'), language));
    return askNewPassphrase(
      { ask: promptHidden, say: (line) => process.stderr.write(`${line}\n`) },
      {
        question: msg('cli.passphrase.newProfile', { min: MIN_PASSPHRASE_LENGTH }),
        problem: (p) =>
          p.length < MIN_PASSPHRASE_LENGTH
            ? msg('cli.passphrase.tooShort', { min: MIN_PASSPHRASE_LENGTH })
            : null,
        language,
      },
    );
  };
}
