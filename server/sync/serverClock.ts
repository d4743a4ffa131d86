/**
 * This server process's hybrid logical clock. Every process that stamps has an id of its own
 * (DESIGN.md), so two server nodes never mint the same stamp; it observes every stamp it
 * accepts, so what the server writes itself (the web application, the record API, a restore)
 * sorts after every edit it has taken.
 */
import { randomBytes } from 'node:crypto';
import { type HlcStamp, HybridLogicalClock } from '../../shared/sync/hlc.ts';

export class ServerClock {
  readonly id: string;
  private readonly clock: HybridLogicalClock;

  constructor(readonly now: () => number = Date.now) {
    this.id = `srv-${randomBytes(6).toString('hex')}`;
    this.clock = new HybridLogicalClock(this.id, now);
  }

  tick(): HlcStamp {
    return this.clock.tick();
  }

  /**
   * Follows the latest of `stamps`. One beyond the drift bound is not followed (the push has
   * refused it before; a stored one from before that rule is clamped by migration 0008).
   */
  observeAll(stamps: Iterable<HlcStamp>): void {
    let latest = '';
    for (const stamp of stamps) if (stamp > latest) latest = stamp;
    if (latest) this.clock.observe(latest);
  }
}
