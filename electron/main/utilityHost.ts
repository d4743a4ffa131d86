/**
 * The core host as Electron's utility process (issue #26): Electron's `utilityProcess` handed
 * to the tested adapter (electron/coreHost/utilityHostProcess.ts). Nothing else here.
 */
import { utilityProcess } from 'electron';
import type { HostProcess } from '../coreHost/coreHost.ts';
import { type ForkUtility, utilityHostProcess } from '../coreHost/utilityHostProcess.ts';

export function forkUtilityHost(entry: string, log: (line: string) => void): HostProcess {
  const fork: ForkUtility = (modulePath, args, options) =>
    utilityProcess.fork(modulePath, args, options);
  return utilityHostProcess(fork, entry, log);
}
