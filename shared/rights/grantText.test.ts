import { describe, expect, it } from 'vitest';
import { formatGrant, parseGrantText } from './grantText.ts';

describe('grants as text', () => {
  it('reads several actions at once and defaults to all fields', () => {
    const parsed = parseGrantText('members:read,write:ownRegisters');
    expect(parsed).toEqual({
      ok: true,
      grants: [
        { entity: 'members', action: 'read', scope: 'ownRegisters', fields: 'all' },
        { entity: 'members', action: 'write', scope: 'ownRegisters', fields: 'all' },
      ],
    });
    if (parsed.ok)
      expect(parsed.grants.map(formatGrant)).toEqual([
        'members:read:ownRegisters',
        'members:write:ownRegisters',
      ]);
  });

  it('names the wrong part and what would be allowed', () => {
    expect(parseGrantText('members:read:everything')).toEqual({
      ok: false,
      message:
        '„everything“ in „members:read:everything“ ist nicht erlaubt. Möglich: all, ownRegisters, ownRecord.',
    });
    expect(parseGrantText('members')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Form:'),
    });
  });
});
