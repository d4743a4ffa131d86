/**
 * Limits attempts per key (a client address, an account): after `maxFailures` failures within
 * `windowMs`, the key is locked for `lockoutMs`. Success clears the count. Used for enrolment
 * codes and the club administrator password (20 wrong ones → lockout).
 */
export interface RateLimiterOptions {
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
  now?: () => number;
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

  fail(key: string): void {
    const now = this.now();
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.options.windowMs);
    recent.push(now);
    if (recent.length >= this.options.maxFailures) {
      this.lockedUntil.set(key, now + this.options.lockoutMs);
      this.failures.delete(key);
    } else {
      this.failures.set(key, recent);
    }
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
