/**
 * Where the import finds records by what an old program wrote: a source table's key, a
 * register's name, an inventory number, a member number or a member's name — for Tutti's
 * records and for those this import has made so far. Also the live ids (an unchanged row needs
 * no read of its record) and the name + birth date seen, for the duplicate check.
 */

import type { ImportText } from '../../shared/api/import.ts';
import type { EntityMap } from '../../shared/domain/entities.ts';
import { memberDisplayName } from '../../shared/domain/member.ts';
import { importText } from '../../shared/import/importText.ts';
import type { ReferenceMode } from '../../shared/import/mapping.ts';
import { IMPORT_ENTITIES, type ImportEntity } from '../../shared/import/targets.ts';
import type { LocalStore } from '../store/localStore.ts';
import { TABLES } from '../store/tables.ts';
import type { ImportLink } from './importKeys.ts';

export function lower(text: string): string {
  return text.trim().toLowerCase();
}

/** "Werner, Julia" and "Julia Werner" both → "julia werner". */
function personName(text: string): string {
  const comma = /^([^,]+),\s*(.+)$/.exec(text.trim());
  return lower(comma ? `${comma[2]} ${comma[1]}` : text).replace(/\s+/g, ' ');
}

export class ImportLookups {
  /** Source key (lower case) → record id, over every table of the kind in this mapping. */
  readonly bySourceKey: Record<'registers' | 'members' | 'instruments', Map<string, string>> = {
    registers: new Map(),
    members: new Map(),
    instruments: new Map(),
  };
  readonly registerByName = new Map<string, string>();
  readonly instrumentByNumber = new Map<string, string>();
  private readonly memberByNumber = new Map<string, string>();
  private readonly membersByName = new Map<string, string[]>();
  /** How a record is named in a message: member by name, instrument by inventory number. */
  private readonly displayNames = new Map<string, string>();
  /** Name + birth date → what the duplicate check says of a later row with them. */
  readonly memberIdentity = new Map<string, ImportText>();
  /** Ids of the live records of each kind: an unchanged row needs no read of its record. */
  readonly liveIds = Object.fromEntries(
    IMPORT_ENTITIES.map((entity) => [entity, new Set<string>()]),
  ) as Record<ImportEntity, Set<string>>;

  /** Ids linked to a source key, with how many keys: adopting checks it for every row. */
  private readonly linkedIds = new Map<string, number>();

  /** What Tutti already holds: links of earlier imports and the natural keys of live records. */
  load(
    store: LocalStore,
    sources: readonly { entity: ImportEntity; links: ReadonlyMap<string, ImportLink> }[],
  ): void {
    for (const entity of IMPORT_ENTITIES) {
      const rows = store
        .statement(`SELECT id FROM ${TABLES[entity].table} WHERE deleted = 0`)
        .all() as { id: string }[];
      for (const row of rows) this.liveIds[entity].add(row.id);
    }
    for (const c of sources) {
      if (c.entity !== 'registers' && c.entity !== 'members' && c.entity !== 'instruments')
        continue;
      for (const [key, link] of c.links) {
        if (this.liveIds[c.entity].has(link.recordId)) this.link(c.entity, key, link.recordId);
      }
    }
    for (const r of store.tables.registers.listLive()) {
      this.registerByName.set(lower(String(r.name)), String(r.id));
    }
    for (const i of store.tables.instruments.listLive()) this.rememberInstrument(i);
    // Every member Tutti holds counts for the duplicate check, imported earlier or not: a row
    // linked to its record never gets here, a new one with the same name and birth date does.
    for (const m of store.tables.members.listLive()) {
      this.rememberMember(m as unknown as EntityMap['members']);
      if (m.birthDate) {
        this.memberIdentity.set(
          this.identityOf(m),
          importText('import.duplicate.ofMember', { name: memberDisplayName(m) }),
        );
      }
    }
  }

  identityOf(fields: Record<string, unknown>): string {
    return `${lower(String(fields.firstName ?? ''))}|${lower(String(fields.lastName ?? ''))}|${fields.birthDate ?? ''}`;
  }

  private rememberMember(m: EntityMap['members']): void {
    if (m.memberNumber) this.memberByNumber.set(lower(m.memberNumber), m.id);
    this.displayNames.set(m.id, memberDisplayName(m));
    const name = personName(memberDisplayName(m));
    const ids = this.membersByName.get(name) ?? [];
    if (!ids.includes(m.id)) ids.push(m.id);
    this.membersByName.set(name, ids);
  }

  private rememberInstrument(i: Record<string, unknown>): void {
    const id = String(i.id);
    this.instrumentByNumber.set(lower(String(i.inventoryNumber)), id);
    this.displayNames.set(id, `${i.kind} ${i.inventoryNumber}`);
  }

  /**
   * A reference that names one record by the file's key and another by its number — a member
   * number, an inventory number: the key is taken, and this says so for review (an old
   * program's loan table may mean either).
   */
  ambiguity(kind: 'members' | 'instruments', ref: string): ImportText | null {
    const byKey = this.bySourceKey[kind].get(lower(ref));
    const byNumber = (kind === 'members' ? this.memberByNumber : this.instrumentByNumber).get(
      lower(ref),
    );
    if (!byKey || !byNumber || byKey === byNumber) return null;
    return importText(
      kind === 'members'
        ? 'import.reference.ambiguousMember'
        : 'import.reference.ambiguousInstrument',
      {
        ref,
        byKey: this.displayNames.get(byKey) ?? '',
        byNumber: this.displayNames.get(byNumber) ?? '',
      },
    );
  }

  registerId(ref: string): string | undefined {
    return this.bySourceKey.registers.get(lower(ref)) ?? this.registerByName.get(lower(ref));
  }

  /** `by`: only the file's key, only the inventory number, or (missing) the key first. */
  instrumentId(ref: string, by?: ReferenceMode): string | undefined {
    const byKey = by === 'number' ? undefined : this.bySourceKey.instruments.get(lower(ref));
    return byKey ?? (by === 'key' ? undefined : this.instrumentByNumber.get(lower(ref)));
  }

  /** `by`: only the file's key, only number and name, or (missing) the key first. */
  memberId(ref: string, by?: ReferenceMode): string | undefined {
    const byKey = by === 'number' ? undefined : this.bySourceKey.members.get(lower(ref));
    if (byKey || by === 'key') return byKey;
    const byNumber = this.memberByNumber.get(lower(ref));
    if (byNumber) return byNumber;
    const ids = this.membersByName.get(personName(ref));
    return ids?.length === 1 ? ids[0] : undefined;
  }

  isLinkedElsewhere(entity: ImportEntity, id: string): boolean {
    if (entity !== 'registers' && entity !== 'instruments') return false;
    return (this.linkedIds.get(id) ?? 0) > 0;
  }

  private link(kind: keyof ImportLookups['bySourceKey'], key: string, id: string): void {
    const before = this.bySourceKey[kind].get(key);
    if (before === id) return;
    if (before !== undefined) this.linkedIds.set(before, this.linkedIds.get(before)! - 1);
    this.bySourceKey[kind].set(key, id);
    this.linkedIds.set(id, (this.linkedIds.get(id) ?? 0) + 1);
  }

  remember(entity: ImportEntity, sourceKey: string, record: Record<string, unknown>): void {
    const id = String(record.id);
    this.liveIds[entity].add(id);
    if (entity === 'registers') {
      this.link('registers', sourceKey, id);
      this.registerByName.set(lower(String(record.name)), id);
    } else if (entity === 'instruments') {
      this.link('instruments', sourceKey, id);
      this.rememberInstrument(record);
    } else if (entity === 'members') {
      this.link('members', sourceKey, id);
      this.rememberMember(record as unknown as EntityMap['members']);
    }
  }
}
