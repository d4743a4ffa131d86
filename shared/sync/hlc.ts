/**
 * Hybrid logical clock (Kulkarni et al. 2014). A stamp is 48-bit wall-clock milliseconds,
 * a 16-bit counter and the device id, encoded so that plain string comparison orders stamps:
 * `0192f3a4b5c6-0001-<deviceId>`. An edit made later in real time gets the larger stamp even
 * when its device's clock is slightly behind, because every device observes remote stamps.
 */

export type HlcStamp = string;

/**
 * How far ahead of a clock a stamp may lie and still be believed (DESIGN.md: 60 s). The
 * server refuses a mutation whose stamps lie further ahead of its own clock, and no clock
 * follows such a stamp: one device with a clock ten minutes fast would otherwise drag every
 * clock it reaches ten minutes ahead, and its edits would overrule later ones made in real time.
 */
export const MAX_CLOCK_DRIFT_MS = 60_000;

const WALL_HEX = 12;
const COUNTER_HEX = 4;
const MAX_COUNTER = 0xffff;
const STAMP = /^([0-9a-f]{12})-([0-9a-f]{4})-([A-Za-z0-9_-]{1,64})$/;

export interface HlcParts {
  wall: number;
  counter: number;
  deviceId: string;
}

export function encodeStamp({ wall, counter, deviceId }: HlcParts): HlcStamp {
  return `${wall.toString(16).padStart(WALL_HEX, '0')}-${counter
    .toString(16)
    .padStart(COUNTER_HEX, '0')}-${deviceId}`;
}

export function decodeStamp(stamp: HlcStamp): HlcParts {
  const m = STAMP.exec(stamp);
  if (!m) throw new Error(`Invalid HLC stamp: ${stamp}`);
  return { wall: Number.parseInt(m[1]!, 16), counter: Number.parseInt(m[2]!, 16), deviceId: m[3]! };
}

export function isStamp(value: unknown): value is HlcStamp {
  return typeof value === 'string' && STAMP.test(value);
}

/** The wall-clock part of a valid stamp (milliseconds since 1970). */
export function stampWall(stamp: HlcStamp): number {
  return Number.parseInt(stamp.slice(0, WALL_HEX), 16);
}

/**
 * A test for "lies more than `driftMs` ahead of `nowMs`" that compares text only — fast enough
 * for every stamp of a pull page.
 */
export function beyondDrift(
  nowMs: number,
  driftMs = MAX_CLOCK_DRIFT_MS,
): (stamp: HlcStamp) => boolean {
  const limit = Math.floor(nowMs + driftMs)
    .toString(16)
    .padStart(WALL_HEX, '0');
  return (stamp) => stamp.slice(0, WALL_HEX) > limit;
}

export class HybridLogicalClock {
  private wall = 0;
  private counter = 0;

  constructor(
    private readonly deviceId: string,
    private readonly now: () => number = Date.now,
    last?: HlcStamp,
    private readonly maxDriftMs = MAX_CLOCK_DRIFT_MS,
  ) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(deviceId)) throw new Error(`Invalid device id: ${deviceId}`);
    if (last && isStamp(last)) this.observe(last);
  }

  /** The latest stamp this clock has issued or observed (to save and restore it). */
  last(): HlcStamp {
    return encodeStamp({ wall: this.wall, counter: this.counter, deviceId: this.deviceId });
  }

  /**
   * A new stamp for a local change; greater than every stamp seen so far — unless this clock
   * was set back by more than the drift bound (see below).
   */
  tick(): HlcStamp {
    const physical = this.now();
    // Readings more than the drift bound ahead came from this computer's clock while it was
    // wrong (it has been set back since): the server refuses such stamps, so starting over
    // from the corrected time is the only way to stamp anything it takes.
    if (this.wall > physical + this.maxDriftMs) {
      this.wall = physical;
      this.counter = 0;
      return encodeStamp({ wall: this.wall, counter: this.counter, deviceId: this.deviceId });
    }
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else {
      this.bumpCounter();
    }
    return encodeStamp({ wall: this.wall, counter: this.counter, deviceId: this.deviceId });
  }

  /**
   * Kulkarni's receive rule: moves the clock past a stamp received from elsewhere (or read back
   * after a restart), so the next local stamp sorts after it. A stamp more than the drift bound
   * ahead of this clock's physical time is not followed (false): it comes from a wrong clock.
   */
  observe(remote: HlcStamp): boolean {
    const { wall, counter } = decodeStamp(remote);
    if (wall > this.now() + this.maxDriftMs) return false;
    if (wall > this.wall) {
      this.wall = wall;
      this.counter = counter;
    } else if (wall === this.wall && counter > this.counter) {
      this.counter = counter;
    }
    return true;
  }

  private bumpCounter(): void {
    if (this.counter === MAX_COUNTER) {
      // 65,536 stamps in one millisecond: borrow the next millisecond rather than overflow.
      this.wall += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}
