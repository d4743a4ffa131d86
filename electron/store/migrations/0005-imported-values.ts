import type { Migration } from './migration.ts';

/**
 * Nothing an import takes is lost any more: every kind of record it fills keeps the values no
 * field could take (`imported_values`), a member keeps values taken as the source had them with
 * review flags, and a member needs only one of first and last name (organisations, sponsors). SQLite cannot
 * drop a NOT NULL, so the members table is rebuilt with its rows, in this one transaction.
 */
export const migration0005ImportedValues: Migration = {
  version: 5,
  name: 'imported-values',
  up: `
    CREATE TABLE members_new (
      id TEXT PRIMARY KEY,
      member_number TEXT,
      salutation TEXT,
      title TEXT,
      first_name TEXT,
      last_name TEXT,
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
      stamps TEXT NOT NULL,
      imported_values TEXT,
      review TEXT NOT NULL DEFAULT '[]',
      review_sensitive TEXT NOT NULL DEFAULT '[]'
    ) STRICT;
    INSERT INTO members_new (
      id, member_number, salutation, title, first_name, last_name, street, postal_code, city,
      country, phone, mobile, email, birth_date, entry_date, exit_date, status, register_ids,
      main_instrument, notes, household_id, consent_photos, consent_newsletter, iban, bic,
      account_holder, sepa_mandate_reference, sepa_mandate_date, fee_exempt, deleted, stamps)
    SELECT
      id, member_number, salutation, title, first_name, last_name, street, postal_code, city,
      country, phone, mobile, email, birth_date, entry_date, exit_date, status, register_ids,
      main_instrument, notes, household_id, consent_photos, consent_newsletter, iban, bic,
      account_holder, sepa_mandate_reference, sepa_mandate_date, fee_exempt, deleted, stamps
    FROM members;
    DROP TABLE members;
    ALTER TABLE members_new RENAME TO members;
    CREATE INDEX members_by_name ON members (last_name, first_name) WHERE deleted = 0;

    ALTER TABLE registers ADD COLUMN imported_values TEXT;
    ALTER TABLE instruments ADD COLUMN imported_values TEXT;
    ALTER TABLE loans ADD COLUMN imported_values TEXT;
    ALTER TABLE honours ADD COLUMN imported_values TEXT;
  `,
};
