/**
 * The core host under Node (`tutti core-host`, started by `tutti start` as a child process with
 * an IPC channel; never by hand). Messages travel with Node's "advanced" serialization, the
 * structured clone Electron's utility process uses too.
 */
import { AppError } from '../../shared/api/appError.ts';
import type { FromHost } from './hostMessages.ts';
import { runCoreHost } from './hostRuntime.ts';

export function runNodeCoreHost(): Promise<number> {
  const send = process.send?.bind(process);
  if (!send) throw new AppError('bad_arguments', 'cli.coreHost.onlyAsChild');
  return new Promise<number>(() => {
    const exit = (code: number) => {
      const end = () => process.exit(code);
      // The last messages (the result of `stop`) leave before the process ends.
      if (process.connected) send({ type: 'exiting', code } satisfies FromHost, undefined, {}, end);
      else end();
      setTimeout(end, 2_000).unref();
    };
    const host = runCoreHost(
      {
        send: (message) => {
          if (process.connected) send(message);
        },
        onMessage: (listener) => process.on('message', listener),
      },
      { exit },
    );
    // The window's process ended without stopping us: close the database properly (the backup
    // on close included), then go — within a minute, so that no orphan keeps the profile.
    process.once('disconnect', () => {
      setTimeout(() => process.exit(1), 60_000);
      void host.stop().then(() => process.exit(0));
    });
    // Ctrl-C in the terminal, a closed terminal or a service manager's stop reach the whole
    // process group: the parent stops the core (or, gone, its disconnect above does).
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => {});
  });
}
