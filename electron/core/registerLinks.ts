/**
 * A register that is deleted leaves its members and instruments: nobody keeps a link to a
 * record that is gone (which would show as a bare id). The links it had are remembered in the
 * profile, so "Rückgängig" puts the register back together with its members and instruments.
 * Both happen in the same mutation as the deletion or restore itself.
 */
import type { EntityName } from '../../shared/domain/entities.ts';
import type { LocalStore } from '../store/localStore.ts';
import type { StoredRecord } from '../store/recordTable.ts';

interface Change {
  entity: EntityName;
  next: Omit<StoredRecord, 'stamps'>;
  previous: StoredRecord;
  changed: string[];
}

const memoryKey = (registerId: string) => `undo.register_links.${registerId}`;

/** The register's members and instruments, counted for the question before deleting it. */
export function registerDependents(
  store: LocalStore,
  registerId: string,
): { members: string[]; instruments: string[] } {
  const members = store.tables.members
    .listLive()
    .filter((m) => ((m.registerIds as string[] | undefined) ?? []).includes(registerId))
    .map((m) => m.id);
  const instruments = store.tables.instruments
    .listLive()
    .filter((i) => i.registerId === registerId)
    .map((i) => i.id);
  return { members, instruments };
}

/** The changes to the register's members and instruments that go with deleting or restoring it. */
export function registerLinks(store: LocalStore, registerId: string, deleting: boolean): Change[] {
  const changes: Change[] = [];
  if (deleting) {
    const dependents = registerDependents(store, registerId);
    store.meta.set(memoryKey(registerId), JSON.stringify(dependents));
    for (const id of dependents.members) {
      const previous = store.tables.members.get(id)!;
      const registerIds = (previous.record.registerIds as string[]).filter((r) => r !== registerId);
      changes.push({
        entity: 'members',
        next: { record: { ...previous.record, registerIds }, deleted: previous.deleted },
        previous,
        changed: ['registerIds'],
      });
    }
    for (const id of dependents.instruments) {
      const previous = store.tables.instruments.get(id)!;
      changes.push({
        entity: 'instruments',
        next: { record: { ...previous.record, registerId: null }, deleted: previous.deleted },
        previous,
        changed: ['registerId'],
      });
    }
    return changes;
  }
  const remembered = store.meta.get(memoryKey(registerId));
  if (!remembered) return changes;
  store.meta.set(memoryKey(registerId), '');
  const { members, instruments } = JSON.parse(remembered) as {
    members: string[];
    instruments: string[];
  };
  for (const id of members) {
    const previous = store.tables.members.get(id);
    if (!previous || previous.deleted) continue;
    const registerIds = (previous.record.registerIds as string[]) ?? [];
    if (registerIds.includes(registerId)) continue;
    changes.push({
      entity: 'members',
      next: {
        record: { ...previous.record, registerIds: [...registerIds, registerId] },
        deleted: false,
      },
      previous,
      changed: ['registerIds'],
    });
  }
  for (const id of instruments) {
    const previous = store.tables.instruments.get(id);
    // Only where nobody placed the instrument elsewhere meanwhile.
    if (!previous || previous.deleted || previous.record.registerId) continue;
    changes.push({
      entity: 'instruments',
      next: { record: { ...previous.record, registerId }, deleted: false },
      previous,
      changed: ['registerId'],
    });
  }
  return changes;
}
