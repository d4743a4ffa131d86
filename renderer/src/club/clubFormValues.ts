/** The club's own record as its form holds it (dates as TT.MM.JJJJ) and back as a draft. */
import type { Club } from '../../../shared/domain/club.ts';
import { CLUB_RECORD_ID } from '../../../shared/domain/club.ts';
import type { Draft } from '../../../shared/domain/entities.ts';
import { dateFromForm, dateToForm } from '../components/formValues.ts';
import { type OwnHonourRow, ownHonourFromRow, ownHonourToRow } from './honourRuleRows.ts';

export interface FederationRow {
  name: string;
  number: string;
}

export interface ClubFormValues {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  federations: FederationRow[];
  foundedOn: string;
  charitableUntil: string;
  chairId: string | null;
  conductorIds: string[];
  youthLeaderId: string | null;
  sepaCreditorId: string;
  honourRuleSets: string[];
  ownHonours: OwnHonourRow[];
}

export function clubToForm(club: Club | undefined): ClubFormValues {
  return {
    name: club?.name ?? '',
    street: club?.street ?? '',
    postalCode: club?.postalCode ?? '',
    city: club?.city ?? '',
    country: club?.country ?? 'DE',
    federations: (club?.federations ?? []).map((f) => ({ name: f.name, number: f.number ?? '' })),
    foundedOn: dateToForm(club?.foundedOn),
    charitableUntil: dateToForm(club?.charitableUntil),
    chairId: club?.chairId ?? null,
    conductorIds: club?.conductorIds ?? [],
    youthLeaderId: club?.youthLeaderId ?? null,
    sepaCreditorId: club?.sepaCreditorId ?? '',
    honourRuleSets: club?.honourRuleSets ?? [],
    ownHonours: (club?.ownHonours ?? []).map(ownHonourToRow),
  };
}

export function clubFromForm(values: ClubFormValues): Draft<'club'> {
  return {
    ...values,
    id: CLUB_RECORD_ID,
    federations: values.federations.map((f) => ({ name: f.name, number: f.number.trim() || null })),
    foundedOn: dateFromForm(values.foundedOn),
    charitableUntil: dateFromForm(values.charitableUntil),
    // As typed: the schema names a number that is none at its field.
    ownHonours: values.ownHonours.map(ownHonourFromRow) as never,
  };
}

/** Months until the charitable status runs out; negative once it has. */
export function monthsLeft(until: string | null | undefined, today: string): number | null {
  if (!until) return null;
  const [y1, m1, d1] = today.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = until.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}
