/** What each kind of record is called in German lines of the command line and the reports. */
import type { EntityName } from './entities.ts';

export const ENTITY_LABELS: Record<EntityName, string> = {
  members: 'Mitglieder',
  registers: 'Register',
  instruments: 'Instrumente',
  loans: 'Ausleihen',
  maintenance: 'Wartungen',
  events: 'Termine',
  attendance: 'Anwesenheiten',
  honours: 'Ehrungen',
  club: 'Vereinsdaten',
};

/** The German label of an entity or table name; an unknown name is returned as it is. */
export function entityLabel(name: string): string {
  return (ENTITY_LABELS as Record<string, string>)[name] ?? name;
}
