/**
 * The core host as Electron's utility process (issue #26), with Electron's `utilityProcess`
 * passed in: electron/main/utilityHost.ts hands it over, the tests hand a stand-in. A utility
 * process takes messages once it has spawned; those sent before wait here.
 */
import type { HostProcess } from './coreHost.ts';
import type { ToHost } from './hostMessages.ts';

/** What of Electron's UtilityProcess the host uses. */
export interface UtilityProcessLike {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  kill(): boolean;
  on(event: 'message', listener: (message: unknown) => void): this;
  /** A fatal error in the child (out of memory…); 'exit' follows. Unheard, it would throw. */
  on(event: 'error', listener: (type: string, location: string, report: string) => void): this;
  once(event: 'spawn', listener: () => void): this;
  once(event: 'exit', listener: (code: number) => void): this;
}

export type ForkUtility = (
  modulePath: string,
  args: string[],
  options: { serviceName: string; stdio: 'inherit' },
) => UtilityProcessLike;

/** Posts a message; an `open` message's key is wiped once it has left. */
function post(child: UtilityProcessLike, message: ToHost): void {
  child.postMessage(message);
  forget(message);
}

function forget(message: ToHost): void {
  if (message.type === 'open') message.key.fill(0);
}

export function utilityHostProcess(
  fork: ForkUtility,
  entry: string,
  log: (line: string) => void = () => {},
): HostProcess {
  const child = fork(entry, [], { serviceName: 'Tutti Kern', stdio: 'inherit' });
  let spawned = false;
  let exited = false;
  const queued: ToHost[] = [];
  child.once('spawn', () => {
    spawned = true;
    for (const message of queued.splice(0)) post(child, message);
  });
  child.once('exit', () => {
    exited = true;
    for (const message of queued.splice(0)) forget(message);
  });
  child.on('error', (type, location) => log(`The core failed: ${type} at ${location}`));
  return {
    send: (message) => {
      if (exited) return forget(message); // its exit listener answers whatever waits
      if (spawned) post(child, message);
      else queued.push(message);
    },
    onMessage: (listener) => {
      child.on('message', listener);
    },
    onExit: (listener) => {
      child.once('exit', (code) => listener(code, null));
    },
    kill: () => {
      child.kill();
    },
    get pid() {
      return child.pid;
    },
  };
}
