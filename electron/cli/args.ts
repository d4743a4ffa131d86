import { type ParseArgsConfig, parseArgs } from 'node:util';
import { AppError } from '../../shared/api/appError.ts';

/** node:util parseArgs, with its English errors turned into one line of ours. */
export function parseCommandArgs<T extends ParseArgsConfig['options']>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const option = /'([^']+)'/.exec(message)?.[1];
    throw option
      ? new AppError('bad_arguments', 'cli.args.unknownOption', { option }, { cause })
      : new AppError('bad_arguments', 'cli.args.invalid', {}, { cause });
  }
}

/** A value the command cannot do without; `key` says how to give it. */
export function required(value: string | undefined, key: string): string {
  if (!value) throw new AppError('bad_arguments', key);
  return value;
}
