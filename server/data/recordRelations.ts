/**
 * Loads what "own registers" needs to place records that do not name their registers (loans,
 * maintenance, attendance, honours): the registers of every member and of every instrument.
 * Loaded only when the subject has a register-bound grant at all.
 */
import type { Relations, Subject } from '../../shared/rights/access.ts';
import type { SqlClient } from '../storage/serverDatabase.ts';

const EVERYWHERE: Relations = { memberRegisters: () => [], instrumentRegister: () => null };

export async function loadRelations(sql: SqlClient, subject: Subject): Promise<Relations> {
  if (!subject.grants.some((g) => g.scope === 'ownRegisters')) return EVERYWHERE;
  const { rows } = await sql.query<{ entity: string; id: string; registers: unknown }>(
    `SELECT entity, id, CASE WHEN entity = 'members' THEN fields->'registerIds' ELSE fields->'registerId' END AS registers
     FROM records WHERE entity IN ('members', 'instruments') AND NOT deleted`,
  );
  const members = new Map<string, string[]>();
  const instruments = new Map<string, string>();
  for (const row of rows) {
    if (row.entity === 'members' && Array.isArray(row.registers))
      members.set(row.id, row.registers as string[]);
    if (row.entity === 'instruments' && typeof row.registers === 'string')
      instruments.set(row.id, row.registers);
  }
  return {
    memberRegisters: (id) => members.get(id) ?? [],
    instrumentRegister: (id) => instruments.get(id) ?? null,
  };
}
