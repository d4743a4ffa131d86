/**
 * Whether a status event means the core host started again after a crash (issue #26): the
 * page then reads its lists anew, since the events of the crashed host are lost. Said once per
 * return to `running` after `restarting`, or when the count of restarts grew between two events
 * the page saw (a restart it did not see begin). A status event comes only when something
 * changed, so the first one a page sees may be the crash itself.
 */
import type { CoreHostStatus } from '../../../shared/api/events.ts';

export function restartWatcher(): (host: CoreHostStatus | undefined) => boolean {
  let restartsSeen: number | null = null;
  let sawRestarting = false;
  return (host) => {
    if (!host) return false;
    if (host.state === 'restarting') {
      sawRestarting = true;
      return false;
    }
    const restarted = sawRestarting || (restartsSeen !== null && host.restarts > restartsSeen);
    sawRestarting = false;
    restartsSeen = host.restarts;
    return restarted;
  };
}
