/** The member's consents and membership periods as the form holds them (dates as TT.MM.JJJJ). */
import type { Consent, ConsentPurpose } from '../../../shared/domain/consents.ts';
import type { Membership, MembershipKind } from '../../../shared/domain/memberships.ts';
import { dateFromForm, dateToForm } from '../components/formValues.ts';

export interface ConsentRow {
  purpose: ConsentPurpose;
  givenOn: string;
  source: string;
  withdrawnOn: string;
}

export interface MembershipRow {
  status: MembershipKind;
  from: string;
  until: string;
  notes: string;
}

export function consentsToForm(list: readonly Consent[] | undefined): ConsentRow[] {
  return (list ?? []).map((c) => ({
    purpose: c.purpose,
    givenOn: dateToForm(c.givenOn),
    source: c.source ?? '',
    withdrawnOn: dateToForm(c.withdrawnOn),
  }));
}

export function consentsFromForm(rows: readonly ConsentRow[]): unknown[] {
  return rows.map((r) => ({
    purpose: r.purpose,
    givenOn: dateFromForm(r.givenOn),
    source: r.source.trim() || null,
    withdrawnOn: dateFromForm(r.withdrawnOn),
  }));
}

export function membershipsToForm(list: readonly Membership[] | undefined): MembershipRow[] {
  return (list ?? []).map((p) => ({
    status: p.status,
    from: dateToForm(p.from),
    until: dateToForm(p.until),
    notes: p.notes ?? '',
  }));
}

export function membershipsFromForm(rows: readonly MembershipRow[]): unknown[] {
  return rows.map((r) => ({
    status: r.status,
    from: dateFromForm(r.from),
    until: dateFromForm(r.until),
    notes: r.notes.trim() || null,
  }));
}
