/**
 * Readiness decides a node's fate behind a load balancer and wakes people at night: a check
 * that hangs must count as failed within its deadline, a failing warning must never take the
 * node out of service, and the public endpoint must not turn into load on the database.
 */
import { describe, expect, it } from 'vitest';
import { Readiness } from './readiness.ts';

const never = () => new Promise<never>(() => {});

describe('Readiness', () => {
  it('is unavailable when a critical check fails, throws or hangs past its deadline', async () => {
    const readiness = new Readiness({
      critical: [
        { name: 'database', run: async () => 'ok' },
        { name: 'certificate', run: async () => 'expired' },
        { name: 'data_disk', run: never },
        {
          name: 'broken',
          run: async () => {
            throw new Error('boom');
          },
        },
      ],
      warnings: [],
      deadlineMs: 50,
    });
    const started = Date.now();
    const report = await readiness.report();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(report.status).toBe('unavailable');
    expect(report.checks).toEqual({
      database: 'ok',
      certificate: 'expired',
      data_disk: 'timeout',
      broken: 'failed',
    });
  });

  it('warnings never make a node unavailable, and a hanging warning delays neither the answer nor the others', async () => {
    let mailCalls = 0;
    const readiness = new Readiness({
      critical: [{ name: 'database', run: async () => 'ok' }],
      warnings: [
        { name: 'backup_target', run: async () => ({ state: 'warning', count: 2 }) },
        {
          name: 'mail',
          run: async () => {
            mailCalls += 1;
            return never();
          },
        },
      ],
      deadlineMs: 20,
    });
    // Before the first round: unknown, and ready.
    expect((await readiness.report()).warnings.backup_target).toEqual({ state: 'unknown' });
    const round = readiness.probeWarnings();
    // A second round while one runs is the same round (no pile-up of SMTP connections).
    expect(readiness.probeWarnings()).toBe(round);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const report = await readiness.report();
    expect(report.status).toBe('warning');
    expect(report.warnings.backup_target).toEqual({ state: 'warning', count: 2 });
    expect(report.warnings.mail).toEqual({ state: 'unknown' });
    expect(mailCalls).toBe(1);
  });

  it('reports warnings of the last round and reuses a critical round for a moment', async () => {
    let databaseCalls = 0;
    const readiness = new Readiness({
      critical: [
        {
          name: 'database',
          run: async () => {
            databaseCalls += 1;
            return 'ok';
          },
        },
      ],
      warnings: [{ name: 'backup_target', run: async () => ({ state: 'warning', count: 1 }) }],
      reuseMs: 60_000,
    });
    await readiness.probeWarnings();
    const reports = await Promise.all(Array.from({ length: 50 }, () => readiness.report()));
    expect(databaseCalls).toBe(1);
    expect(reports[0]!.status).toBe('warning');
    expect(reports[0]!.warnings.backup_target).toEqual({ state: 'warning', count: 1 });
    expect(reports[0]!.warningsCheckedAt).not.toBeNull();
  });

  it('shares a round still running, however long it runs', async () => {
    let calls = 0;
    let answer: (state: string) => void = () => {};
    const readiness = new Readiness({
      critical: [
        {
          name: 'database',
          run: () => {
            calls += 1;
            return new Promise<string>((resolve) => {
              answer = resolve;
            });
          },
        },
      ],
      warnings: [],
      reuseMs: 10,
      deadlineMs: 60_000,
    });
    const first = readiness.report();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const later = Array.from({ length: 20 }, () => readiness.report());
    answer('ok');
    for (const report of await Promise.all([first, ...later])) expect(report.status).toBe('ok');
    expect(calls).toBe(1);
  });
});
