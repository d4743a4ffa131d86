/**
 * The core host in Electron: the entry of the utility process the main process starts
 * (electron/main/utilityHost.ts; bundled to dist/electron/coreHost.cjs). It imports nothing of
 * Electron: the channel to the main process is `process.parentPort`.
 */
import type { FromHost } from './hostMessages.ts';
import { runCoreHost } from './hostRuntime.ts';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('The core host runs in an Electron utility process only.');

runCoreHost(
  {
    send: (message: FromHost) => parentPort.postMessage(message),
    onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
  },
  {
    exit: (code) => {
      parentPort.postMessage({ type: 'exiting', code } satisfies FromHost);
      // postMessage is queued: a moment for it to leave before the process ends.
      setTimeout(() => process.exit(code), 50);
    },
  },
);
