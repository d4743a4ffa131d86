/**
 * What the person at this device may do, as the desktop's UI and import ask it: from the access
 * the club server sent with the last pull. An unenrolled profile belongs to no club server and
 * may do everything; an enrolled one that has not pulled yet does not know its rights, and
 * writes nothing on their behalf that a role might not be allowed (the import waits).
 * The server enforces every right regardless; this only keeps people from typing what would
 * be refused.
 */
import type { EntityName } from '../domain/entities.ts';
import { fieldAccess, type Relations, type Subject } from './access.ts';
import type { Action, FieldAccess } from './grants.ts';
import { BUILT_IN_ROLES, isBuiltInRole } from './roles.ts';

/** The access a device holds (see `deviceAccessSchema` in shared/sync/protocol.ts). */
export interface AccessView {
  /** Enrolled with a club server. */
  connected: boolean;
  /** Null: not connected, or connected without a pull yet. */
  access: (Subject & { role: string; label?: string | undefined }) | null;
}

export interface DeviceRights {
  /** False only for an enrolled device before its first pull. */
  known: boolean;
  /** The role's German name, or null on a profile without a club server. */
  roleLabel: string | null;
  may(entity: EntityName, action: Action): boolean;
  /** May write every record of `entity` (not only its own registers or record): to import. */
  mayWriteAll(entity: EntityName): boolean;
  /** Sees every record of `entity`, not only those of its registers: a list of all is whole. */
  mayReadAll(entity: EntityName): boolean;
  /** Bank data, birth date and fee exemption (and kept import values) of this entity. */
  mayWriteSensitive(entity: EntityName): boolean;
  mayReadSensitive(entity: EntityName): boolean;
  /**
   * The registers a record of `entity` may be placed in, for a role that writes only in its own
   * registers; null: any register.
   */
  writableRegisters(entity: EntityName): readonly string[] | null;
  /**
   * Which fields of this record the user may read or write: all, all but the sensitive ones, or
   * none (null). For a dialog: a member sees all of their own record, bank data included.
   */
  fieldsOf(entity: EntityName, action: Action, record: Record<string, unknown>): FieldAccess | null;
}

const EVERYTHING: DeviceRights = {
  known: true,
  roleLabel: null,
  may: () => true,
  mayWriteAll: () => true,
  mayReadAll: () => true,
  mayWriteSensitive: () => true,
  mayReadSensitive: () => true,
  writableRegisters: () => null,
  fieldsOf: () => 'all',
};

const NOTHING_YET: DeviceRights = {
  known: false,
  roleLabel: null,
  may: (_entity, action) => action === 'read',
  mayWriteAll: () => false,
  mayReadAll: () => false,
  mayWriteSensitive: () => false,
  mayReadSensitive: () => false,
  writableRegisters: () => [],
  fieldsOf: (_entity, action) => (action === 'read' ? 'withoutSensitive' : null),
};

/**
 * A member names its registers itself; for a dialog the relations of other records (a loan's
 * member) are not looked up: such records are then judged by their own fields only.
 */
const NO_RELATIONS: Relations = {
  memberRegisters: () => [],
  instrumentRegister: () => null,
};

export function deviceRights(view: AccessView): DeviceRights {
  if (!view.connected) return EVERYTHING;
  const access = view.access;
  if (!access) return NOTHING_YET;
  // Sensitive fields count only where the role has them for every record: a right to one's own
  // bank data is no right to write everyone's.
  const fullFields = (entity: EntityName, action: Action) =>
    access.grants.some(
      (g) => g.entity === entity && g.action === action && g.fields === 'all' && g.scope === 'all',
    );
  return {
    known: true,
    roleLabel:
      access.label ??
      (isBuiltInRole(access.role) ? BUILT_IN_ROLES[access.role].label : access.role),
    may: (entity, action) => access.grants.some((g) => g.entity === entity && g.action === action),
    mayWriteAll: (entity) =>
      access.grants.some((g) => g.entity === entity && g.action === 'write' && g.scope === 'all'),
    mayReadAll: (entity) =>
      access.grants.some((g) => g.entity === entity && g.action === 'read' && g.scope === 'all'),
    mayWriteSensitive: (entity) => fullFields(entity, 'write'),
    mayReadSensitive: (entity) => fullFields(entity, 'read'),
    fieldsOf: (entity, action, record) => fieldAccess(access, entity, action, record, NO_RELATIONS),
    writableRegisters: (entity) => {
      const writes = access.grants.filter((g) => g.entity === entity && g.action === 'write');
      if (writes.some((g) => g.scope === 'all')) return null;
      return writes.some((g) => g.scope === 'ownRegisters') ? access.registerIds : null;
    },
  };
}
