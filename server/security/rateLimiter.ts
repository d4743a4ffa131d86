/**
 * Limits attempts per key (a client address, an account): after `maxFailures` failures within
 * `windowMs`, the key is locked for `lockoutMs`. Success clears the count. Used for enrolment
 * codes per client address. In memory and per server node: it slows guessing, which a 160-bit
 * code secret makes hopeless anyway; the admin password's lockout is counted in the database.
 */
export interface RateLimiterOptions {
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
  now?: () => number;
  /** Keys remembered at most; the oldest are forgotten first, so memory stays bounded. */
  maxKeys?: number;
}

export class RateLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly lockedUntil = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds until the key may try again, or 0. */
  retryAfter(key: string): number {
    const until = this.lockedUntil.get(key) ?? 0;
    const wait = until - this.now();
    if (wait > 0) return wait;
    if (until) this.lockedUntil.delete(key);
    return 0;
  }

  /**
   * Counts an attempt before it is checked — false when the key is locked. With no await between
   * the check and the count, attempts sent all at once are counted like attempts in a row.
   * Call `succeed` when the attempt turns out right.
   */
  attempt(key: string): boolean {
    if (this.retryAfter(key) > 0) return false;
    this.fail(key);
    return true;
  }

  fail(key: string): void {
    const now = this.now();
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.options.windowMs);
    recent.push(now);
    this.failures.delete(key); // re-inserted below: Map order is then oldest first
    const maxKeys = this.options.maxKeys ?? 100_000;
    for (const map of [this.failures, this.lockedUntil])
      while (map.size >= maxKeys) map.delete(map.keys().next().value as string);
    if (recent.length >= this.options.maxFailures) {
      this.lockedUntil.set(key, now + this.options.lockoutMs);
      this.failures.delete(key);
    } else {
      this.failures.set(key, recent);
    }
  }

  succeed(key: string): void {
    this.failures.delete(key);
    this.lockedUntil.delete(key);
  }
}
