import { describe, expect, it } from 'vitest';
import { findDuplicates, newReferences, REFERENCES, uniqueKey } from './recordRules.ts';

describe('rules across records', () => {
  it('compares unique keys trimmed, with inner spaces folded, without regard to case', () => {
    expect(uniqueKey(' Flügelhörner ')).toBe(uniqueKey('FLÜGELHÖRNER'));
    expect(uniqueKey('T - 1')).toBe(uniqueKey('t  -  1'));
    expect(uniqueKey('T-1')).not.toBe(uniqueKey('T-10'));
    expect(uniqueKey('   ')).toBeNull();
    expect(uniqueKey(null)).toBeNull();
  });

  it('checks only references a change adds', () => {
    const registers = REFERENCES.members.find((r) => r.field === 'registerIds')!;
    expect(newReferences(registers, { registerIds: ['a', 'b'] }, { registerIds: ['a'] })).toEqual([
      'b',
    ]);
    expect(newReferences(registers, { registerIds: ['a'] }, { registerIds: ['a', 'b'] })).toEqual(
      [],
    );
    const household = REFERENCES.members.find((r) => r.field === 'householdId')!;
    expect(newReferences(household, { householdId: null }, undefined)).toEqual([]);
  });

  it('lists records that share a key, and nothing else', () => {
    expect(
      findDuplicates(
        [
          { id: '1', name: 'Blech' },
          { id: '2', name: ' blech' },
          { id: '3', name: 'Holz' },
          { id: '4', name: null },
        ],
        'name',
      ),
    ).toEqual([{ key: 'blech', ids: ['1', '2'], values: ['Blech', ' blech'] }]);
  });
});
