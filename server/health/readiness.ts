/**
 * Whether this node can serve (`/readyz`, issue #28), in two kinds of check:
 *
 * - critical checks decide ready or not (503): database reachable and migrated, the node's
 *   own certificate valid, the data disk not full. They run when asked, at most every few
 *   seconds (a public endpoint must not become a way to load the database), each under a
 *   deadline: a database that does not answer is "unreachable", not a hanging probe.
 * - warnings never take the node out of service (backup target failing, backups too old, mail
 *   unreachable, certificates expiring, …). They are probed in the background at most once a
 *   minute — a probe that opens SMTP connections has no place in a request — and the answer
 *   carries their last result.
 *
 * The public answer is states and counts only: no club, path or host name.
 */

export type CriticalState = 'ok' | string;

export interface CriticalCheck {
  name: string;
  run(): Promise<CriticalState>;
}

export interface WarningResult {
  /** 'off': not set up here (no mail server configured), so nothing to warn about. */
  state: 'ok' | 'warning' | 'off' | 'unknown';
  /** How many things are affected (clubs, targets, certificates), where counting makes sense. */
  count?: number;
}

export interface WarningCheck {
  name: string;
  run(): Promise<WarningResult>;
}

export interface ReadinessReport {
  status: 'ok' | 'warning' | 'unavailable';
  checks: Record<string, CriticalState>;
  warnings: Record<string, WarningResult>;
  /** When the warnings were last probed (ISO), null before the first round ended. */
  warningsCheckedAt: string | null;
}

export interface ReadinessOptions {
  critical: CriticalCheck[];
  warnings: WarningCheck[];
  /** How often the warnings are probed (default: once a minute). */
  warningIntervalMs?: number;
  /** A critical check answering later than this failed ('timeout'). */
  deadlineMs?: number;
  /** How long one critical round is reused for further requests. */
  reuseMs?: number;
  now?: () => Date;
}

const timeout = (ms: number) =>
  new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref());

export class Readiness {
  private lastWarnings: Record<string, WarningResult> = {};
  private warningsCheckedAt: Date | null = null;
  private critical: {
    at: number;
    report: Promise<Record<string, CriticalState>>;
    settled: boolean;
  } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: ReadinessOptions) {
    this.now = options.now ?? (() => new Date());
    for (const check of options.warnings) this.lastWarnings[check.name] = { state: 'unknown' };
  }

  /** Starts the background probing of the warnings (a first round at once). */
  start(): void {
    void this.probeWarnings();
    this.timer = setInterval(
      () => void this.probeWarnings(),
      this.options.warningIntervalMs ?? 60_000,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.round;
  }

  /** One round of the warnings; never two at once, never rejects. */
  probeWarnings(): Promise<void> {
    this.round ??= (async () => {
      const deadline = Math.max(this.options.deadlineMs ?? 5_000, 15_000);
      // Each result counts as soon as it is in: a slow mail server delays only its own line.
      await Promise.all(
        this.options.warnings.map(async (check) => {
          this.lastWarnings[check.name] = await Promise.race([
            check.run().catch((): WarningResult => ({ state: 'unknown' })),
            timeout(deadline).then((): WarningResult => ({ state: 'unknown' })),
          ]);
        }),
      );
      this.warningsCheckedAt = this.now();
    })().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  /** The current warnings, as last probed. */
  warnings(): Record<string, WarningResult> {
    return { ...this.lastWarnings };
  }

  async report(): Promise<ReadinessReport> {
    const checks = await this.criticalChecks();
    const warnings = this.warnings();
    const ready = Object.values(checks).every((state) => state === 'ok');
    const warned = Object.values(warnings).some((w) => w.state === 'warning');
    return {
      status: !ready ? 'unavailable' : warned ? 'warning' : 'ok',
      checks,
      warnings,
      warningsCheckedAt: this.warningsCheckedAt?.toISOString() ?? null,
    };
  }

  private criticalChecks(): Promise<Record<string, CriticalState>> {
    const at = Date.now();
    // A round still running is shared, however long it takes: public requests never stack up
    // work on a database that is slow to answer.
    if (
      this.critical &&
      (!this.critical.settled || at - this.critical.at < (this.options.reuseMs ?? 2_000))
    )
      return this.critical.report;
    const deadline = this.options.deadlineMs ?? 5_000;
    const report = Promise.all(
      this.options.critical.map(async (check) => {
        const state = await Promise.race([check.run().catch(() => 'failed'), timeout(deadline)]);
        return [check.name, state] as const;
      }),
    ).then((entries) => Object.fromEntries(entries));
    const round = { at, report, settled: false };
    void report.then(() => {
      round.settled = true;
    });
    this.critical = round;
    return report;
  }
}
