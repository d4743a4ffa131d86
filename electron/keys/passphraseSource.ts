/**
 * Where a passphrase comes from without Electron: the file named by TUTTI_PASSPHRASE_FILE (for
 * automation and tests) or a hidden prompt on the terminal. Never from a command-line argument:
 * those end up in shell histories and process lists.
 */
import { readFileSync } from 'node:fs';
import { CoreError } from '../core/coreError.ts';

export const PASSPHRASE_FILE_VARIABLE = 'TUTTI_PASSPHRASE_FILE';

export function readPassphraseFile(path: string): string {
  try {
    // One trailing newline is what `echo secret > file` leaves; it is not part of the passphrase.
    return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
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
  const { stdin, stderr } = process;
  if (!stdin.isTTY) {
    throw new CoreError(
      'no_passphrase',
      `Keine Passphrase: bitte Tutti in einem Terminal starten oder ${PASSPHRASE_FILE_VARIABLE} auf eine Datei mit der Passphrase setzen.`,
    );
  }
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise<string>((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new CoreError('no_passphrase', 'Abgebrochen.'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

/** The passphrase callback for a PassphraseKeyStore, from the environment or the terminal. */
export function passphraseFromEnvironmentOrTerminal(
  env: NodeJS.ProcessEnv = process.env,
): (purpose: 'create' | 'unlock') => Promise<string> {
  return async (purpose) => {
    const file = env[PASSPHRASE_FILE_VARIABLE];
    if (file) return readPassphraseFile(file);
    if (purpose === 'unlock') return promptHidden('Passphrase für das Tutti-Profil: ');
    const first = await promptHidden(
      'Neues Profil – bitte eine Passphrase wählen (mind. 10 Zeichen): ',
    );
    const second = await promptHidden('Passphrase wiederholen: ');
    if (first !== second) {
      throw new CoreError(
        'no_passphrase',
        'Die beiden Eingaben stimmen nicht überein. Bitte erneut starten.',
      );
    }
    return first;
  };
}
