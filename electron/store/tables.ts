/**
 * How each entity's fields map to its table's columns. The migrations own the DDL; this map
 * only converts between rows and records, and tables.test.ts checks it against the schema.
 */
import type { EntityName } from '../../shared/domain/entities.ts';

/** `json`: a list, read as [] when empty; `map`: an object that may be absent (null). */
export type ColumnKind = 'text' | 'int' | 'bool' | 'json' | 'map';

export interface TableDefinition {
  table: string;
  /**
   * field name → [column name, kind]; `id` is implied. A new field is only ever appended at the
   * end, never inserted or reordered: compactly stored stamps (compactStamps.ts) name the fields
   * they cover by their count in this order.
   */
  fields: Record<string, readonly [string, ColumnKind]>;
}

const t = (column: string) => [column, 'text'] as const;
const i = (column: string) => [column, 'int'] as const;
const b = (column: string) => [column, 'bool'] as const;
const j = (column: string) => [column, 'json'] as const;
const m = (column: string) => [column, 'map'] as const;

export const TABLES: Record<EntityName, TableDefinition> = {
  members: {
    table: 'members',
    fields: {
      memberNumber: t('member_number'),
      salutation: t('salutation'),
      title: t('title'),
      firstName: t('first_name'),
      lastName: t('last_name'),
      street: t('street'),
      postalCode: t('postal_code'),
      city: t('city'),
      country: t('country'),
      phone: t('phone'),
      mobile: t('mobile'),
      email: t('email'),
      birthDate: t('birth_date'),
      entryDate: t('entry_date'),
      exitDate: t('exit_date'),
      status: t('status'),
      registerIds: j('register_ids'),
      mainInstrument: t('main_instrument'),
      notes: t('notes'),
      householdId: t('household_id'),
      consentPhotos: b('consent_photos'),
      consentNewsletter: b('consent_newsletter'),
      iban: t('iban'),
      bic: t('bic'),
      accountHolder: t('account_holder'),
      sepaMandateReference: t('sepa_mandate_reference'),
      sepaMandateDate: t('sepa_mandate_date'),
      feeExempt: b('fee_exempt'),
      importedValues: m('imported_values'),
      review: j('review'),
      reviewSensitive: j('review_sensitive'),
      gender: t('gender'),
      consents: j('consents'),
      memberships: j('memberships'),
    },
  },
  registers: {
    table: 'registers',
    fields: {
      name: t('name'),
      sortOrder: i('sort_order'),
      leaderIds: j('leader_ids'),
      importedValues: m('imported_values'),
    },
  },
  instruments: {
    table: 'instruments',
    fields: {
      inventoryNumber: t('inventory_number'),
      kind: t('kind'),
      maker: t('maker'),
      model: t('model'),
      serialNumber: t('serial_number'),
      purchaseDate: t('purchase_date'),
      purchasePriceCents: i('purchase_price_cents'),
      condition: t('condition'),
      location: t('location'),
      registerId: t('register_id'),
      notes: t('notes'),
      importedValues: m('imported_values'),
      maintenanceIntervalMonths: i('maintenance_interval_months'),
    },
  },
  loans: {
    table: 'loans',
    fields: {
      instrumentId: t('instrument_id'),
      memberId: t('member_id'),
      issuedOn: t('issued_on'),
      dueOn: t('due_on'),
      returnedOn: t('returned_on'),
      notes: t('notes'),
      importedValues: m('imported_values'),
    },
  },
  maintenance: {
    table: 'maintenance',
    fields: {
      instrumentId: t('instrument_id'),
      date: t('date'),
      work: t('work'),
      costCents: i('cost_cents'),
      workshop: t('workshop'),
    },
  },
  events: {
    table: 'events',
    fields: {
      kind: t('kind'),
      title: t('title'),
      date: t('date'),
      startTime: t('start_time'),
      location: t('location'),
      notes: t('notes'),
    },
  },
  attendance: {
    table: 'attendance',
    fields: { eventId: t('event_id'), memberId: t('member_id'), status: t('status') },
  },
  honours: {
    table: 'honours',
    fields: {
      memberId: t('member_id'),
      kind: t('kind'),
      date: t('date'),
      federation: t('federation'),
      notes: t('notes'),
      importedValues: m('imported_values'),
    },
  },
  club: {
    table: 'club',
    fields: {
      name: t('name'),
      street: t('street'),
      postalCode: t('postal_code'),
      city: t('city'),
      country: t('country'),
      federations: j('federations'),
      foundedOn: t('founded_on'),
      charitableUntil: t('charitable_until'),
      chairId: t('chair_id'),
      conductorIds: j('conductor_ids'),
      youthLeaderId: t('youth_leader_id'),
      sepaCreditorId: t('sepa_creditor_id'),
      honourRuleSets: j('honour_rule_sets'),
      ownHonours: j('own_honours'),
    },
  },
};

export function toColumnValue(kind: ColumnKind, value: unknown): unknown {
  // A list that is missing is an empty list (its columns are NOT NULL).
  if (value === null || value === undefined) return kind === 'json' ? '[]' : null;
  switch (kind) {
    case 'bool':
      return value ? 1 : 0;
    case 'json':
    case 'map':
      return JSON.stringify(value);
    default:
      return value;
  }
}

export function fromColumnValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null) return kind === 'bool' ? false : kind === 'json' ? [] : null;
  switch (kind) {
    case 'bool':
      return value === 1;
    case 'json':
    case 'map':
      return JSON.parse(value as string);
    default:
      return value;
  }
}
