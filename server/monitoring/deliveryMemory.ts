/**
 * What keeps a phone from getting the same SMS twice. Alertmanager sends a notification again
 * when the relay answered 502 (one recipient failed), and two webhooks of the same notification
 * can arrive at once (a retry while the first is still trying; Alertmanager peers in a
 * cluster). So every delivery is remembered for a day by notification and recipient, and one
 * in progress is shared by whoever asks for the same one meanwhile.
 */
import { createHash } from 'node:crypto';
import type { AlertmanagerPayload } from './alertText.ts';

/**
 * The same notification gives the same key: the group, its state, and each alert by
 * fingerprint (its labels, when Alertmanager sent none), start and state. A new alert in the
 * group, a restart of one, or the recovery make a new notification.
 */
export function notificationKey(payload: AlertmanagerPayload): string {
  const alerts = payload.alerts
    .map((alert) => {
      const identity =
        alert.fingerprint ?? JSON.stringify(Object.entries(alert.labels).sort(byKey));
      return `${identity}|${alert.startsAt}|${alert.status}`;
    })
    .sort();
  return createHash('sha256')
    .update(JSON.stringify([payload.groupKey, payload.status, alerts]))
    .digest('hex');
}

function byKey([a]: [string, unknown], [b]: [string, unknown]): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const DAY_MS = 24 * 60 * 60_000;

export type DeliveryOutcome = 'sent' | 'sent_before' | 'failed';

export class DeliveryMemory {
  /** Key → when it may be forgotten; in insertion order, which is also expiry order. */
  readonly #delivered = new Map<string, number>();
  readonly #inFlight = new Map<string, Promise<boolean>>();

  constructor(
    private readonly ttlMs = DAY_MS,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `deliver` for `key` unless it was delivered within the day; while it runs, another
   * call for the same key waits for the same attempt instead of sending again.
   */
  async once(key: string, deliver: () => Promise<boolean>): Promise<DeliveryOutcome> {
    this.#forgetExpired();
    if (this.#delivered.has(key)) return 'sent_before';
    const running = this.#inFlight.get(key);
    if (running) return (await running) ? 'sent_before' : 'failed';
    const attempt = deliver().finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, attempt);
    const delivered = await attempt;
    if (delivered) this.#remember(key);
    return delivered ? 'sent' : 'failed';
  }

  get size(): number {
    return this.#delivered.size;
  }

  #remember(key: string): void {
    this.#delivered.delete(key);
    this.#delivered.set(key, this.now() + this.ttlMs);
    // Bounded: past the limit the oldest go first (a flood of alerts must not grow memory).
    for (const oldest of this.#delivered.keys()) {
      if (this.#delivered.size <= this.maxEntries) break;
      this.#delivered.delete(oldest);
    }
  }

  #forgetExpired(): void {
    const now = this.now();
    for (const [key, until] of this.#delivered) {
      if (until > now) break;
      this.#delivered.delete(key);
    }
  }
}
