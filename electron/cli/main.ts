/**
 * `tutti` command line. Errors a person can fix are printed as one line on stderr with a
 * non-zero exit; anything else is a bug and prints its stack. Everything is said in German, or
 * in English with `--lang en` (anywhere in the arguments) or an English LANG/LC_ALL/LC_MESSAGES.
 * Each command is loaded only when called: a short command should not wait for the modules of
 * all the others.
 */

import { AppError } from '../../shared/api/appError.ts';
import { commandLineLanguage } from '../../shared/messages/language.ts';
import { APP_VERSION } from '../../shared/node/appVersion.ts';
import { type Terminal, terminal, withoutLanguageOption } from './terminal.ts';

async function run(command: string | undefined, rest: string[], cli: Terminal): Promise<number> {
  switch (command) {
    case 'start':
      return (await import('./startCommand.ts')).startCommand(rest, cli);
    case 'export':
      return (await import('./exportCommand.ts')).exportCommand(rest, cli);
    case 'import':
      return (await import('./importCommand.ts')).importCommand(rest, cli);
    case 'enroll':
      return (await import('./enrollCommand.ts')).enrollCommand(rest, cli);
    case 'sync':
      return (await import('./syncCommand.ts')).syncCommand(rest, cli);
    case 'backup':
      return (await import('./backupCommand.ts')).backupCommand(rest, cli);
    case 'report':
      return (await import('./reportCommand.ts')).reportCommand(rest, cli);
    case 'core-host': // started by `tutti start`, never by hand (not in the usage)
      return (await import('../coreHost/nodeHostEntry.ts')).runNodeCoreHost();
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      cli.out.write(cli.text('cli.usage'));
      return command === undefined ? 2 : 0;
    case 'version':
    case '--version':
    case '-V':
      cli.out.write(`Tutti ${APP_VERSION}\n`);
      return 0;
    default:
      throw new AppError('bad_arguments', 'cli.unknownCommand', { command });
  }
}

export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const cli = terminal(commandLineLanguage(argv, env), out, err, env);
  const [command, ...rest] = withoutLanguageOption(argv);
  try {
    return await run(command, rest, cli);
  } catch (error) {
    if (error instanceof AppError) {
      err.write(`${cli.text('cli.errorLine', { message: error.text })}\n`);
      if (env.TUTTI_DEBUG && error.cause) console.error(error.cause);
      return error.code === 'bad_arguments' ? 2 : 1;
    }
    throw error;
  }
}
