/**
 * Where secrets come from on the command line: a file (for automation and tests) or a hidden
 * prompt on the terminal. Never from a command-line argument: those end up in shell histories
 * and process lists.
 */
import { readFileSync } from 'node:fs';

/** Reads a secret file; one trailing newline (what `echo secret > file` leaves) is dropped. */
export function readSecretFile(path: string): string {
  return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
}

export class NoTerminalError extends Error {}
export class PromptCancelledError extends Error {}

/** Asks on the terminal without echoing what is typed; `NoTerminalError` without a terminal. */
export async function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY) throw new NoTerminalError('no terminal to ask on');
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
        if (char === '\u0003') return finish(new PromptCancelledError('cancelled'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
