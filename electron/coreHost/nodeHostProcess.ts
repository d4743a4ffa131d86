/**
 * Starts the core host as a Node child process (`tutti core-host`): the browser mode's
 * `tutti start` and the tests. Electron starts the same host as a utility process
 * (electron/main/utilityHost.ts).
 */
import { fork } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostProcess } from './coreHost.ts';

const TUTTI_BIN = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'),
  'bin',
  'tutti.js',
);

export function forkNodeHost(
  options: {
    env?: NodeJS.ProcessEnv /** Node itself (a test names a missing one). */;
    execPath?: string;
  } = {},
): HostProcess {
  const child = fork(TUTTI_BIN, ['core-host'], {
    ...(options.execPath ? { execPath: options.execPath } : {}),
    serialization: 'advanced',
    // Not the parent's --import/--inspect flags: bin/tutti.js chooses bundle or sources itself.
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: options.env ?? process.env,
  });
  // A process that could not be started at all (the program file replaced by an update, no
  // memory) says so only by 'error', never by 'exit': reported as its end, once.
  let spawned = false;
  let ended = false;
  const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  const end = (code: number | null, signal: string | null) => {
    if (ended) return;
    ended = true;
    for (const listener of exitListeners.splice(0)) listener(code, signal);
  };
  child.once('spawn', () => {
    spawned = true;
  });
  child.once('exit', end);
  // After the spawn, an error is a send to a host that just ended: its exit follows.
  child.on('error', (error: NodeJS.ErrnoException) => {
    if (!spawned) end(null, error.code ?? 'spawn failed');
  });
  return {
    send: (message) => {
      if (child.connected && !ended) child.send(message);
      // Serialised by now (or never sent): the key's copy is not kept in this process.
      if (message.type === 'open') message.key.fill(0);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => {
      if (ended) listener(child.exitCode, child.signalCode);
      else exitListeners.push(listener);
    },
    kill: () => child.kill('SIGKILL'),
    get pid() {
      return child.pid;
    },
  };
}
