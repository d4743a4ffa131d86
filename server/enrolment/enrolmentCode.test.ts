import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../security/rateLimiter.ts';
import { checkEnrolmentCode, createEnrolmentCode, parseEnrolmentCode } from './enrolmentCode.ts';

const FINGERPRINT = 'ab'.repeat(32);

describe('enrolment codes', () => {
  it('carry the CA fingerprint and read back as pasted, with spaces or in lower case', () => {
    const { code, stored } = createEnrolmentCode(FINGERPRINT, new Date('2026-11-27T10:00:00Z'));
    expect(code).toMatch(/^tutti1\.[A-Z2-7]{8}\.[A-Z2-7]{32}\.[0-9a-f]{64}$/);
    const parsed = parseEnrolmentCode(` ${code.slice(0, 20)}\n${code.slice(20).toLowerCase()} `)!;
    expect(parsed).toMatchObject({ id: stored.id, caFingerprint: FINGERPRINT });
    expect(checkEnrolmentCode(stored, parsed.secret, new Date('2026-11-27T11:00:00Z'))).toBe('ok');
    expect(JSON.stringify(stored)).not.toContain(parsed.secret);
  });

  it('work once, for 24 hours, and only with the right secret', () => {
    const { code, stored } = createEnrolmentCode(FINGERPRINT, new Date('2026-11-27T10:00:00Z'));
    const { secret } = parseEnrolmentCode(code)!;
    expect(checkEnrolmentCode(stored, secret, new Date('2026-11-28T10:00:00Z'))).toBe('expired');
    expect(checkEnrolmentCode(stored, 'A'.repeat(32), new Date('2026-11-27T11:00:00Z'))).toBe(
      'wrong',
    );
    expect(checkEnrolmentCode(undefined, secret)).toBe('unknown');
    expect(
      checkEnrolmentCode(
        { ...stored, usedAt: new Date('2026-11-27T10:30:00Z') },
        secret,
        new Date('2026-11-27T11:00:00Z'),
      ),
    ).toBe('used');
  });

  it('refuse anything that is not a code', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseEnrolmentCode(text);
        if (parsed) expect(parsed.caFingerprint).toMatch(/^[0-9a-f]{64}$/);
      }),
    );
    expect(parseEnrolmentCode(`tutti1.ABCDEFGH.tooshort.${FINGERPRINT}`)).toBeNull();
  });
});

describe('rate limiter', () => {
  it('locks a key after too many failures within the window, and lets it try again later', () => {
    let now = 0;
    const limiter = new RateLimiter({
      maxFailures: 20,
      windowMs: 15 * 60_000,
      lockoutMs: 15 * 60_000,
      now: () => now,
    });
    for (let i = 0; i < 19; i++) limiter.fail('club-a');
    expect(limiter.retryAfter('club-a')).toBe(0);
    limiter.fail('club-a');
    expect(limiter.retryAfter('club-a')).toBe(15 * 60_000);
    expect(limiter.retryAfter('club-b')).toBe(0);
    now += 15 * 60_000;
    expect(limiter.retryAfter('club-a')).toBe(0);
  });

  it('forgets failures outside the window and after a success', () => {
    let now = 0;
    const limiter = new RateLimiter({
      maxFailures: 3,
      windowMs: 1000,
      lockoutMs: 5000,
      now: () => now,
    });
    limiter.fail('ip');
    limiter.fail('ip');
    now += 1001;
    limiter.fail('ip');
    expect(limiter.retryAfter('ip')).toBe(0);
    limiter.fail('ip');
    limiter.succeed('ip');
    limiter.fail('ip');
    expect(limiter.retryAfter('ip')).toBe(0);
  });
});
