import type { Migration } from './migration.ts';

/**
 * Every entity table carries its fields as typed columns plus `stamps` (JSON: field → HLC stamp)
 * and `deleted`, so the sync can merge field by field (DESIGN.md "Sync protocol").
 * Lists of ids (a member's registers, a register's leaders) are JSON arrays: to the merge they
 * are one field each.
 */
export const migration0001Initial: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE outbox (
      mutation_id INTEGER PRIMARY KEY,
      created_at TEXT NOT NULL,
      mutation TEXT NOT NULL
    ) STRICT;

    CREATE TABLE members (
      id TEXT PRIMARY KEY,
      member_number TEXT,
      salutation TEXT,
      title TEXT,
      first_name TEXT NOT NULL,
      last_name TEXT NOT NULL,
      street TEXT,
      postal_code TEXT,
      city TEXT,
      country TEXT NOT NULL,
      phone TEXT,
      mobile TEXT,
      email TEXT,
      birth_date TEXT,
      entry_date TEXT,
      exit_date TEXT,
      status TEXT NOT NULL,
      register_ids TEXT NOT NULL,
      main_instrument TEXT,
      notes TEXT,
      household_id TEXT,
      consent_photos INTEGER NOT NULL,
      consent_newsletter INTEGER NOT NULL,
      iban TEXT,
      bic TEXT,
      account_holder TEXT,
      sepa_mandate_reference TEXT,
      sepa_mandate_date TEXT,
      fee_exempt INTEGER NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0,
      stamps TEXT NOT NULL
    ) STRICT;
    CREATE INDEX members_by_name ON members (last_name, first_name) WHERE deleted = 0;

    CREATE TABLE registers (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      sort_order INTEGER NOT NULL,
      leader_ids TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0,
      stamps TEXT NOT NULL
    ) STRICT;

    CREATE TABLE instruments (
      id TEXT PRIMARY KEY,
      inventory_number TEXT NOT NULL,
      kind TEXT NOT NULL,
      maker TEXT,
      model TEXT,
      serial_number TEXT,
      purchase_date TEXT,
      purchase_price_cents INTEGER,
      condition TEXT,
      location TEXT,
      register_id TEXT,
      notes TEXT,
      deleted INTEGER NOT NULL DEFAULT 0,
      stamps TEXT NOT NULL
    ) STRICT;
    CREATE INDEX instruments_by_inventory_number ON instruments (inventory_number) WHERE deleted = 0;

    CREATE TABLE loans (
      id TEXT PRIMARY KEY,
      instrument_id TEXT NOT NULL,
      member_id TEXT NOT NULL,
      issued_on TEXT NOT NULL,
      due_on TEXT,
      returned_on TEXT,
      notes TEXT,
      deleted INTEGER NOT NULL DEFAULT 0,
      stamps TEXT NOT NULL
    ) STRICT;
    -- Not UNIQUE on purpose: while a sync is rebasing, a rejected offline loan may briefly sit
    -- beside the one the server accepted. The one-open-loan rule is checked on every write.
    CREATE INDEX loans_open_by_instrument ON loans (instrument_id)
      WHERE returned_on IS NULL AND deleted = 0;
    CREATE INDEX loans_by_member ON loans (member_id) WHERE deleted = 0;

    CREATE TABLE maintenance (
      id TEXT PRIMARY KEY,
      instrument_id TEXT NOT NULL,
      date TEXT NOT NULL,
      work TEXT NOT NULL,
      cost_cents INTEGER,
      workshop TEXT,
      deleted INTEGER NOT NULL DEFAULT 0,
      stamps TEXT NOT NULL
    ) STRICT;
    CREATE INDEX maintenance_by_instrument ON maintenance (instrument_id, date) WHERE deleted = 0;

    CREATE TABLE events (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      date TEXT NOT NULL,
      start_time TEXT,
      location TEXT,
      notes TEXT,
      deleted INTEGER NOT NULL DEFAULT 0,
      stamps TEXT NOT NULL
    ) STRICT;

    CREATE TABLE attendance (
      id TEXT PRIMARY KEY,
      event_id TEXT NOT NULL,
      member_id TEXT NOT NULL,
      status TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0,
      stamps TEXT NOT NULL
    ) STRICT;
    CREATE INDEX attendance_by_event ON attendance (event_id) WHERE deleted = 0;

    CREATE TABLE honours (
      id TEXT PRIMARY KEY,
      member_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      date TEXT NOT NULL,
      federation TEXT,
      notes TEXT,
      deleted INTEGER NOT NULL DEFAULT 0,
      stamps TEXT NOT NULL
    ) STRICT;
    CREATE INDEX honours_by_member ON honours (member_id) WHERE deleted = 0;
  `,
};
