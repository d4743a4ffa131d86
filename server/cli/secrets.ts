/**
 * Passwords and the server passphrase on the command line: from the file an option names, else
 * asked on the terminal without echo — never as an argument (shell history, process list).
 */
import type { Language } from '../../shared/messages/language.ts';
import { translate } from '../../shared/messages/translate.ts';
import { NoTerminalError, promptHidden, readSecretFile } from '../../shared/node/secretInput.ts';
import { AppError } from '../errors.ts';

export const SERVER_PASSPHRASE_VARIABLE = 'TUTTI_SERVER_PASSPHRASE_FILE';

/** Which secret: its name is `server.cli.secret.<kind>`. */
export type SecretKind =
  | 'serverPassphrase'
  | 'adminPassword'
  | 'newAdminPassword'
  | 'currentAdminPassword';

function fromFile(path: string, kind: SecretKind): string {
  try {
    return readSecretFile(path);
  } catch (error) {
    throw new AppError(
      'bad_request',
      'server.cli.secret.unreadable',
      { what: { key: `server.cli.secret.${kind}` }, path },
      { cause: error },
    );
  }
}

async function ask(question: string, option: string): Promise<string> {
  try {
    return await promptHidden(question);
  } catch (error) {
    if (error instanceof NoTerminalError)
      throw new AppError('bad_request', 'server.cli.secret.noTerminal', { option });
    throw new AppError('bad_request', 'server.cli.secret.aborted', {}, { cause: error });
  }
}

/** A secret from `file`, or asked in `language` (twice when it is a new one). */
export async function readSecret(
  file: string | undefined,
  kind: SecretKind,
  option: string,
  options: { confirm?: boolean; language?: Language } = {},
): Promise<string> {
  if (file) return fromFile(file, kind);
  const language = options.language ?? 'de';
  const what = { key: `server.cli.secret.${kind}` };
  const first = await ask(
    translate({ key: 'server.cli.secret.ask', params: { what } }, language),
    option,
  );
  if (options.confirm) {
    const second = await ask(
      translate({ key: 'server.cli.secret.askAgain', params: { what } }, language),
      option,
    );
    if (first !== second) throw new AppError('validation', 'server.cli.secret.mismatch');
  }
  return first;
}

export function serverPassphrase(
  file: string | undefined,
  confirm = false,
  language: Language = 'de',
): Promise<string> {
  return readSecret(
    file ?? process.env[SERVER_PASSPHRASE_VARIABLE],
    'serverPassphrase',
    '--passphrase-file',
    { confirm, language },
  );
}
