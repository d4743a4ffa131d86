/**
 * The built-in roles of DESIGN.md "Rights". Clubs can define more (as grant lists); these are
 * what a new club starts with.
 */
import { ENTITY_NAMES, type EntityName } from '../domain/entities.ts';
import { type Grant, grants } from './grants.ts';

export const BUILT_IN_ROLE_NAMES = [
  'administrator',
  'vorstand',
  'kassier',
  'registerfuehrer',
  'instrumentenwart',
  'mitglied',
] as const;
export type BuiltInRoleName = (typeof BUILT_IN_ROLE_NAMES)[number];

export interface Role {
  name: string;
  /** German name shown to people. */
  label: string;
  grants: readonly Grant[];
}

const INVENTORY: EntityName[] = ['instruments', 'loans', 'maintenance'];
const ALL_WRITE = ['read', 'write', 'delete'] as const;
/** The club's own record: every role reads it (letters, reports), administrators edit it. */
const READ_CLUB = grants(['club'], ['read'], 'all');
const ALL_BUT_CLUB = ENTITY_NAMES.filter((entity) => entity !== 'club');

export const BUILT_IN_ROLES: Record<BuiltInRoleName, Role> = {
  administrator: {
    name: 'administrator',
    label: 'Administrator',
    grants: grants('every', ALL_WRITE, 'all'),
  },
  vorstand: {
    name: 'vorstand',
    label: 'Vorstand',
    grants: [...grants(ALL_BUT_CLUB, ALL_WRITE, 'all', 'withoutSensitive'), ...READ_CLUB],
  },
  kassier: {
    name: 'kassier',
    label: 'Kassier',
    grants: [
      ...grants(['members'], ['read', 'write'], 'all'),
      ...grants(['registers', 'honours', 'events'], ['read'], 'all'),
      ...READ_CLUB,
    ],
  },
  registerfuehrer: {
    name: 'registerfuehrer',
    label: 'Registerführer',
    grants: [
      ...grants(['members'], ['read'], 'ownRegisters', 'withoutSensitive'),
      ...grants(['registers'], ['read'], 'ownRegisters'),
      ...grants(['attendance'], ['read', 'write'], 'ownRegisters'),
      ...grants(['events'], ['read'], 'all'),
      ...READ_CLUB,
    ],
  },
  instrumentenwart: {
    name: 'instrumentenwart',
    label: 'Instrumentenwart',
    grants: [
      ...grants(INVENTORY, ALL_WRITE, 'all'),
      // To lend an instrument one must find the member; bank data stays hidden.
      ...grants(['members'], ['read'], 'all', 'withoutSensitive'),
      ...grants(['registers'], ['read'], 'all'),
      ...READ_CLUB,
    ],
  },
  mitglied: {
    name: 'mitglied',
    label: 'Mitglied',
    grants: [
      // A member sees all of their own record (GDPR Art. 15), bank data included.
      ...grants(['members', 'loans', 'attendance', 'honours'], ['read'], 'ownRecord'),
      ...grants(['events', 'registers'], ['read'], 'all'),
      ...READ_CLUB,
    ],
  },
};

export function isBuiltInRole(name: string): name is BuiltInRoleName {
  return (BUILT_IN_ROLE_NAMES as readonly string[]).includes(name);
}
