/**
 * The server's Prometheus metrics (issue #28), one registry per running server so that two
 * servers in one process (the tests) do not count into each other. Counters and histograms are
 * fed where things happen; gauges of state (backups, certificates, pools) are read at scrape
 * time through `gauge()`, so a scrape always shows the present and nothing has to be kept in
 * step. Names follow Prometheus' conventions: `tutti_…_total`, `_seconds`, `_bytes`.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Seconds: a page of records is milliseconds, a push of 1 MiB over a slow link seconds; 2 is
 * a bound because the sync alert fires above it.
 */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30];

type Labels<L extends string> = Partial<Record<L, string | number>>;

export class ServerMetrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'tutti_http_request_duration_seconds',
    help: 'Time from a request to the end of its answer, by listener, method, route and status.',
    labelNames: ['listener', 'method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly syncDuration = new Histogram({
    name: 'tutti_sync_duration_seconds',
    help: 'Sync pushes and pulls answered, and how long each took.',
    labelNames: ['operation'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly mutationsApplied = this.counter(
    'tutti_mutations_applied_total',
    'Pushed mutations the server applied.',
  );

  readonly mutationsRejected = this.counter(
    'tutti_mutations_rejected_total',
    'Pushed mutations the server refused, by reason.',
    ['reason'],
  );

  readonly enrolments = this.counter('tutti_enrolments_total', 'Devices enrolled.');

  readonly enrolmentFailures = this.counter(
    'tutti_enrolment_failures_total',
    'Enrolments refused (wrong, used or expired code, bad request).',
  );

  readonly loginFailures = this.counter(
    'tutti_login_failures_total',
    'Web sign-in steps refused, by step (password, second_factor).',
    ['step'],
  );

  readonly lockouts = this.counter(
    'tutti_lockouts_total',
    'Attempts refused because an account, an address or an enrolling address is locked out.',
    ['kind'],
  );

  constructor(options: { processMetrics?: boolean } = {}) {
    // Process and event-loop metrics under their standard names (process_*, nodejs_*).
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /**
   * A gauge whose values are read at scrape time. `read` sets every series it knows; series it
   * no longer sets disappear (a club deleted, a target removed). A `read` that fails leaves the
   * gauge empty for this scrape rather than failing the whole scrape.
   */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    read: (set: (labels: Labels<L>, value: number) => void) => Promise<void> | void,
  ): void {
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        // Read first, then replace at once: two scrapes at the same time (both Prometheus
        // servers) must not clear what the other is setting between its awaits.
        const values: [Labels<L>, number][] = [];
        try {
          await read((labels, value) => values.push([labels, value]));
        } catch {
          values.length = 0;
        }
        this.reset();
        for (const [labels, value] of values) this.set(labels, value);
      },
    });
  }

  /** The text Prometheus scrapes. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []) {
    return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }
}
