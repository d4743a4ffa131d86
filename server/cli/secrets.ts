/**
 * Passwords and the server passphrase on the command line: from the file an option names, else
 * asked on the terminal without echo — never as an argument (shell history, process list).
 */
import { NoTerminalError, promptHidden, readSecretFile } from '../../shared/node/secretInput.ts';
import { ServiceError } from '../errors.ts';

export const SERVER_PASSPHRASE_VARIABLE = 'TUTTI_SERVER_PASSPHRASE_FILE';

function fromFile(path: string, what: string): string {
  try {
    return readSecretFile(path);
  } catch {
    throw new ServiceError('bad_request', `${what}: die Datei ${path} ist nicht lesbar.`);
  }
}

async function ask(question: string, option: string): Promise<string> {
  try {
    return await promptHidden(question);
  } catch (error) {
    if (error instanceof NoTerminalError)
      throw new ServiceError(
        'bad_request',
        `Kein Terminal zum Fragen: bitte ${option} DATEI angeben.`,
      );
    throw new ServiceError('bad_request', 'Abgebrochen.');
  }
}

/** A secret from `file`, or asked (twice when it is a new one). */
export async function readSecret(
  file: string | undefined,
  what: string,
  option: string,
  options: { confirm?: boolean } = {},
): Promise<string> {
  if (file) return fromFile(file, what);
  const first = await ask(`${what}: `, option);
  if (options.confirm) {
    const second = await ask(`${what} wiederholen: `, option);
    if (first !== second)
      throw new ServiceError('validation', 'Die beiden Eingaben stimmen nicht überein.');
  }
  return first;
}

export function serverPassphrase(file: string | undefined, confirm = false): Promise<string> {
  return readSecret(
    file ?? process.env[SERVER_PASSPHRASE_VARIABLE],
    'Server-Passphrase',
    '--passphrase-file',
    {
      confirm,
    },
  );
}
