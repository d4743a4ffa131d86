/**
 * Rules that span records: references must point at live records, one open loan per
 * instrument, unique inventory numbers and register names. Checked inside the write
 * transaction, so two quick saves cannot both slip through.
 */
import { formatGermanDate } from '../../shared/domain/dates.ts';
import type { EntityMap, EntityName, FieldErrors } from '../../shared/domain/entities.ts';
import type { LocalStore } from '../store/localStore.ts';

/**
 * `previous` is the stored version (undefined for a new record). References are checked only
 * where they change: a record may keep pointing at one that was deleted since (a member whose
 * household partner left), but a change may not create a new dangling reference.
 */
type Check<E extends EntityName> = (
  store: LocalStore,
  record: EntityMap[E],
  previous: EntityMap[E] | undefined,
) => FieldErrors;

function newlyReferenced(
  store: LocalStore,
  entity: EntityName,
  id: string | null,
  before: string | null | undefined,
): boolean {
  return id !== before && !isLive(store, entity, id);
}

function isLive(store: LocalStore, entity: EntityName, id: string | null): boolean {
  return id === null || store.tables[entity].isLive(id);
}

function memberName(store: LocalStore, id: string): string {
  const m = store.tables.members.get(id)?.record;
  return m ? `${m.firstName} ${m.lastName}` : 'ein gelöschtes Mitglied';
}

export function openLoanOf(
  store: LocalStore,
  instrumentId: string,
): EntityMap['loans'] | undefined {
  const row = store
    .statement(
      'SELECT id FROM loans WHERE instrument_id = ? AND returned_on IS NULL AND deleted = 0 LIMIT 1',
    )
    .get(instrumentId) as { id: string } | undefined;
  return row ? (store.tables.loans.get(row.id)!.record as EntityMap['loans']) : undefined;
}

const checks: { [E in EntityName]: Check<E> } = {
  members(store, m, previous) {
    const errors: FieldErrors = {};
    const before = new Set(previous?.registerIds ?? []);
    if (m.registerIds.some((id) => !before.has(id) && !isLive(store, 'registers', id))) {
      errors.registerIds = 'Ein zugeordnetes Register gibt es nicht mehr.';
    }
    if (m.householdId === m.id) {
      errors.householdId = 'Ein Mitglied kann nicht sein eigener Haushalt sein.';
    } else if (newlyReferenced(store, 'members', m.householdId, previous?.householdId)) {
      errors.householdId = 'Das Haushaltsmitglied gibt es nicht.';
    }
    return errors;
  },
  registers(store, r, previous) {
    const errors: FieldErrors = {};
    const sameName = store
      .statement(
        'SELECT id FROM registers WHERE lower(name) = lower(?) AND deleted = 0 AND id <> ?',
      )
      .get(r.name, r.id);
    if (sameName) errors.name = `Ein Register „${r.name}“ gibt es schon.`;
    const before = new Set(previous?.leaderIds ?? []);
    if (r.leaderIds.some((id) => !before.has(id) && !isLive(store, 'members', id))) {
      errors.leaderIds = 'Ein Registerführer ist kein (aktuelles) Mitglied.';
    }
    return errors;
  },
  instruments(store, i, previous) {
    const errors: FieldErrors = {};
    const same = store
      .statement(
        'SELECT kind FROM instruments WHERE inventory_number = ? AND deleted = 0 AND id <> ?',
      )
      .get(i.inventoryNumber, i.id) as { kind: string } | undefined;
    if (same) {
      errors.inventoryNumber = `Die Inventarnummer ${i.inventoryNumber} ist schon vergeben (${same.kind}).`;
    }
    if (newlyReferenced(store, 'registers', i.registerId, previous?.registerId)) {
      errors.registerId = 'Das Register gibt es nicht mehr.';
    }
    return errors;
  },
  loans(store, l, previous) {
    const errors: FieldErrors = {};
    if (newlyReferenced(store, 'instruments', l.instrumentId, previous?.instrumentId)) {
      errors.instrumentId = 'Das Instrument gibt es nicht.';
    }
    if (newlyReferenced(store, 'members', l.memberId, previous?.memberId)) {
      errors.memberId = 'Das Mitglied gibt es nicht.';
    }
    if (l.returnedOn === null && !errors.instrumentId) {
      const open = openLoanOf(store, l.instrumentId);
      if (open && open.id !== l.id) {
        errors.instrumentId = `Dieses Instrument ist bereits an ${memberName(store, open.memberId)} ausgeliehen (seit ${formatGermanDate(open.issuedOn)}). Bitte zuerst die Rückgabe erfassen.`;
      }
    }
    return errors;
  },
  maintenance(store, w, previous): FieldErrors {
    return newlyReferenced(store, 'instruments', w.instrumentId, previous?.instrumentId)
      ? { instrumentId: 'Das Instrument gibt es nicht.' }
      : {};
  },
  events() {
    return {};
  },
  attendance(store, a, previous) {
    const errors: FieldErrors = {};
    if (newlyReferenced(store, 'events', a.eventId, previous?.eventId)) {
      errors.eventId = 'Den Termin gibt es nicht.';
    }
    if (newlyReferenced(store, 'members', a.memberId, previous?.memberId)) {
      errors.memberId = 'Das Mitglied gibt es nicht.';
    }
    return errors;
  },
  honours(store, h, previous): FieldErrors {
    return newlyReferenced(store, 'members', h.memberId, previous?.memberId)
      ? { memberId: 'Das Mitglied gibt es nicht.' }
      : {};
  },
};

export function checkInvariants<E extends EntityName>(
  store: LocalStore,
  entity: E,
  record: EntityMap[E],
  previous: EntityMap[E] | undefined,
): FieldErrors {
  return (checks[entity] as Check<E>)(store, record, previous);
}

/** Why a record may not be deleted now, or null. */
export function deletionBlocker(store: LocalStore, entity: EntityName, id: string): string | null {
  if (entity === 'instruments') {
    const open = openLoanOf(store, id);
    if (open) {
      return `Das Instrument ist an ${memberName(store, open.memberId)} ausgeliehen. Bitte zuerst die Rückgabe erfassen.`;
    }
  }
  if (entity === 'members') {
    const open = store
      .statement(
        'SELECT count(*) AS n FROM loans WHERE member_id = ? AND returned_on IS NULL AND deleted = 0',
      )
      .get(id) as { n: number };
    if (open.n > 0) {
      return `Das Mitglied hat noch ${open.n === 1 ? 'ein Instrument' : `${open.n} Instrumente`} ausgeliehen. Bitte zuerst die Rückgabe erfassen.`;
    }
  }
  return null;
}
