import { describe, expect, it } from 'vitest';
import type { CoreHostStatus } from '../../../shared/api/events.ts';
import { restartWatcher } from './coreRestarts.ts';

const host = (state: CoreHostStatus['state'], restarts: number): CoreHostStatus => ({
  state,
  restarts,
  lastFailureAt: null,
  failedStarts: 0,
  lastError: null,
});

describe('a restart of the core host, seen by the page', () => {
  it('is seen when the crash was the first status the page got (an idle page gets none)', () => {
    const restarted = restartWatcher();
    expect(restarted(host('restarting', 1))).toBe(false);
    expect(restarted(host('running', 1))).toBe(true);
    expect(restarted(host('running', 1))).toBe(false); // the next ordinary status
  });

  it('is seen when the page missed the crash but the count grew', () => {
    const restarted = restartWatcher();
    expect(restarted(host('running', 0))).toBe(false);
    expect(restarted(host('running', 2))).toBe(true);
  });

  it('is not seen in a page opened after a restart, nor without a core host', () => {
    const restarted = restartWatcher();
    expect(restarted(host('running', 3))).toBe(false);
    expect(restarted(undefined)).toBe(false);
    expect(restarted(host('running', 3))).toBe(false);
  });

  it('is seen once for failed attempts followed by a start', () => {
    const restarted = restartWatcher();
    expect(restarted(host('restarting', 1))).toBe(false);
    expect(restarted(host('restarting', 1))).toBe(false);
    expect(restarted(host('running', 1))).toBe(true);
  });
});
