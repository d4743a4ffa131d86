import type { Terminal } from './terminal.ts';

/** What each kind of record is called on the command line (a kind without is named as it is). */
const ENTITY_KEYS: Record<string, string> = {
  members: 'cli.entities.members',
  registers: 'cli.entities.registers',
  instruments: 'cli.entities.instruments',
  loans: 'cli.entities.loans',
  maintenance: 'cli.entities.maintenance',
  events: 'cli.entities.events',
  attendance: 'cli.entities.attendance',
  honours: 'cli.entities.honours',
  club: 'cli.entities.club',
};

/** The name of an entity or its table in the command's language; an unknown one as it is. */
export function entityText(cli: Terminal, name: string): string {
  const key = Object.hasOwn(ENTITY_KEYS, name) ? ENTITY_KEYS[name] : undefined;
  return key ? cli.text(key) : name;
}
