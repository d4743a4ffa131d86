import { describe, expect, it } from 'vitest';
import { completeRecord } from './recordShape.ts';

describe('a record completed for a page', () => {
  it('gets every missing field as the schema leaves it empty, but no sensitive one', () => {
    const member = completeRecord('members', { id: 'x', lastName: 'Horn', status: 'aktiv' });
    expect(member).toMatchObject({
      lastName: 'Horn',
      registerIds: [],
      consents: [],
      memberships: [],
      consentPhotos: false,
      phone: null,
    });
    expect('iban' in member).toBe(false);
    expect('birthDate' in member).toBe(false);
    expect('feeExempt' in member).toBe(false);
  });

  it('keeps what is there and never shares a list between records', () => {
    const a = completeRecord('members', { id: 'a', registerIds: ['r'] });
    const b: Record<string, unknown> = completeRecord('members', { id: 'b' });
    const c: Record<string, unknown> = completeRecord('members', { id: 'c' });
    expect(a.registerIds).toEqual(['r']);
    (b.consents as unknown[]).push('changed');
    expect(c.consents).toEqual([]);
  });
});
