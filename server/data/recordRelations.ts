/**
 * Loads what "own registers" needs to place records that do not name their registers (loans,
 * maintenance, attendance, honours): the registers of every member and of every instrument.
 * Loaded only when the subject has a register-bound grant at all.
 */
import type { Relations, Subject } from '../../shared/rights/access.ts';
import type { SqlClient } from '../storage/serverDatabase.ts';

/** Relations that follow the writes of the transaction they were loaded in. */
export interface LiveRelations extends Relations {
  /** Takes a member's or instrument's new state into account (deleted ones place nothing). */
  note(entity: string, id: string, fields: Record<string, unknown>, deleted: boolean): void;
}

const EVERYWHERE: LiveRelations = {
  memberRegisters: () => [],
  instrumentRegister: () => null,
  note: () => {},
};

export async function loadRelations(sql: SqlClient, subject: Subject): Promise<LiveRelations> {
  if (!subject.grants.some((g) => g.scope === 'ownRegisters')) return EVERYWHERE;
  const { rows } = await sql.query<{ entity: string; id: string; registers: unknown }>(
    `SELECT entity, id, CASE WHEN entity = 'members' THEN fields->'registerIds' ELSE fields->'registerId' END AS registers
     FROM records WHERE entity IN ('members', 'instruments') AND NOT deleted`,
  );
  const members = new Map<string, string[]>();
  const instruments = new Map<string, string>();
  const note = (entity: string, id: string, registers: unknown) => {
    if (entity === 'members') {
      if (Array.isArray(registers)) members.set(id, registers as string[]);
      else members.delete(id);
    }
    if (entity === 'instruments') {
      if (typeof registers === 'string') instruments.set(id, registers);
      else instruments.delete(id);
    }
  };
  for (const row of rows) note(row.entity, row.id, row.registers);
  return {
    memberRegisters: (id) => members.get(id) ?? [],
    instrumentRegister: (id) => instruments.get(id) ?? null,
    note: (entity, id, fields, deleted) =>
      note(
        entity,
        id,
        deleted ? null : entity === 'members' ? fields.registerIds : fields.registerId,
      ),
  };
}
