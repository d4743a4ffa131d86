/** A member as the form holds it (texts, dates as TT.MM.JJJJ) and back as a draft for the core. */
import { friendlyFormatIBAN } from 'ibantools';
import type { Draft } from '../../../shared/domain/entities.ts';
import type { Member, MemberStatus } from '../../../shared/domain/member.ts';
import { dateFromForm, dateToForm } from '../components/formValues.ts';
import {
  type ConsentRow,
  consentsFromForm,
  consentsToForm,
  type MembershipRow,
  membershipsFromForm,
  membershipsToForm,
} from './historyRows.ts';

export interface MemberFormValues {
  memberNumber: string;
  salutation: string | null;
  title: string;
  gender: string | null;
  firstName: string;
  lastName: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
  mobile: string;
  email: string;
  birthDate: string;
  entryDate: string;
  exitDate: string;
  status: MemberStatus;
  registerIds: string[];
  mainInstrument: string;
  notes: string;
  householdId: string | null;
  consents: ConsentRow[];
  memberships: MembershipRow[];
  iban: string;
  bic: string;
  accountHolder: string;
  sepaMandateReference: string;
  sepaMandateDate: string;
  feeExempt: boolean;
}

/** The member form's tabs: a few fields each, so the form opens fast and reads calmly. */
export const MEMBER_FORM_TABS = ['person', 'contact', 'club', 'history', 'bank'] as const;
export type MemberFormTab = (typeof MEMBER_FORM_TABS)[number];

/** On which tab each field sits, to show the tab of a field with an error. */
export const MEMBER_FIELD_TAB: Record<keyof MemberFormValues, MemberFormTab> = {
  salutation: 'person',
  title: 'person',
  gender: 'person',
  memberNumber: 'person',
  firstName: 'person',
  lastName: 'person',
  birthDate: 'person',
  status: 'person',
  entryDate: 'person',
  exitDate: 'person',
  street: 'contact',
  postalCode: 'contact',
  city: 'contact',
  country: 'contact',
  phone: 'contact',
  mobile: 'contact',
  email: 'contact',
  registerIds: 'club',
  mainInstrument: 'club',
  householdId: 'club',
  consents: 'history',
  memberships: 'history',
  notes: 'club',
  iban: 'bank',
  bic: 'bank',
  accountHolder: 'bank',
  sepaMandateReference: 'bank',
  sepaMandateDate: 'bank',
  feeExempt: 'bank',
};

export function memberToForm(m: Member | null): MemberFormValues {
  return {
    memberNumber: m?.memberNumber ?? '',
    salutation: m?.salutation ?? null,
    title: m?.title ?? '',
    gender: m?.gender ?? null,
    firstName: m?.firstName ?? '',
    lastName: m?.lastName ?? '',
    street: m?.street ?? '',
    postalCode: m?.postalCode ?? '',
    city: m?.city ?? '',
    country: m?.country ?? 'DE',
    phone: m?.phone ?? '',
    mobile: m?.mobile ?? '',
    email: m?.email ?? '',
    birthDate: dateToForm(m?.birthDate),
    // Empty unless a person enters it: jubilees and honours are counted from it.
    entryDate: dateToForm(m?.entryDate),
    exitDate: dateToForm(m?.exitDate),
    status: m?.status ?? 'aktiv',
    registerIds: m?.registerIds ?? [],
    mainInstrument: m?.mainInstrument ?? '',
    notes: m?.notes ?? '',
    householdId: m?.householdId ?? null,
    consents: consentsToForm(m?.consents),
    memberships: membershipsToForm(m?.memberships),
    iban: m?.iban ? (friendlyFormatIBAN(m.iban) ?? m.iban) : '',
    bic: m?.bic ?? '',
    accountHolder: m?.accountHolder ?? '',
    sepaMandateReference: m?.sepaMandateReference ?? '',
    sepaMandateDate: dateToForm(m?.sepaMandateDate),
    feeExempt: m?.feeExempt ?? false,
  };
}

export function memberFromForm(values: MemberFormValues, id: string | undefined): Draft<'members'> {
  return {
    ...values,
    ...(id ? { id } : {}),
    birthDate: dateFromForm(values.birthDate),
    entryDate: dateFromForm(values.entryDate),
    exitDate: dateFromForm(values.exitDate),
    sepaMandateDate: dateFromForm(values.sepaMandateDate),
    consents: consentsFromForm(values.consents),
    memberships: membershipsFromForm(values.memberships),
  };
}
