import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CoreError } from '../core/coreError.ts';

/** node:util parseArgs, with its English errors turned into one German line. */
export function parseCommandArgs<T extends ParseArgsConfig['options']>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/.exec(message)?.[1];
    throw new CoreError(
      'bad_arguments',
      option
        ? `Unbekannte oder unvollständige Option ${option}. Hilfe: tutti --help`
        : `Ungültige Angaben. Hilfe: tutti --help`,
      { cause: error },
    );
  }
}
