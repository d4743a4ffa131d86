import { describe, expect, it } from 'vitest';
import { deviceRights } from './deviceRights.ts';
import { BUILT_IN_ROLES, type BuiltInRoleName } from './roles.ts';

const as = (role: BuiltInRoleName, registerIds: string[] = []) =>
  deviceRights({
    connected: true,
    access: { role, grants: BUILT_IN_ROLES[role].grants, registerIds, memberId: null },
  });

describe('what a device lets its user do', () => {
  it('lets a profile without a club server do everything', () => {
    const rights = deviceRights({ connected: false, access: null });
    expect(rights.may('members', 'write')).toBe(true);
    expect(rights.mayWriteSensitive('members')).toBe(true);
    expect(rights.roleLabel).toBeNull();
  });

  it('writes nothing before the first pull of an enrolled device', () => {
    const rights = deviceRights({ connected: true, access: null });
    expect(rights.known).toBe(false);
    expect(rights.may('members', 'write')).toBe(false);
    expect(rights.may('members', 'read')).toBe(true);
  });

  it('follows the built-in roles', () => {
    expect(as('vorstand').may('members', 'write')).toBe(true);
    expect(as('vorstand').mayWriteSensitive('members')).toBe(false);
    expect(as('vorstand').mayReadSensitive('members')).toBe(false);
    expect(as('kassier').mayWriteSensitive('members')).toBe(true);
    expect(as('kassier').may('registers', 'write')).toBe(false);
    expect(as('registerfuehrer', ['r1']).may('members', 'write')).toBe(false);
    expect(as('registerfuehrer', ['r1']).writableRegisters('attendance')).toEqual(['r1']);
    expect(as('instrumentenwart').may('instruments', 'write')).toBe(true);
    expect(as('instrumentenwart').may('members', 'write')).toBe(false);
    expect(as('administrator').writableRegisters('members')).toBeNull();
    expect(as('vorstand').roleLabel).toBe('Vorstand');
  });
});
