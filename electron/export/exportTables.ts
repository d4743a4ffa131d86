/**
 * What `tutti export` writes per entity: German column headings, dates as TT.MM.JJJJ, money as
 * `1234,50`, references resolved to names, so a secretary can hand the file to the board.
 */

import { formatCents, formatGermanDate } from '../../shared/domain/dates.ts';
import type { EntityMap } from '../../shared/domain/entities.ts';
import { memberSortName } from '../../shared/domain/member.ts';

export const EXPORTABLE = ['members', 'registers', 'instruments', 'loans'] as const;
export type Exportable = (typeof EXPORTABLE)[number];

export interface ExportData {
  members: EntityMap['members'][];
  registers: EntityMap['registers'][];
  instruments: EntityMap['instruments'][];
  loans: EntityMap['loans'][];
}

type Cell = string | number | null;
const yesNo = (v: boolean) => (v ? 'ja' : 'nein');

function byId<T extends { id: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

const STATUS_LABELS: Record<string, string> = {
  aktiv: 'aktiv',
  passiv: 'passiv',
  ehrenmitglied: 'Ehrenmitglied',
  jugend: 'Jugend',
  ausgetreten: 'ausgetreten',
};

export function exportTable(
  entity: Exportable,
  data: ExportData,
): { header: string[]; rows: Cell[][] } {
  const registers = byId(data.registers);
  const members = byId(data.members);
  const instruments = byId(data.instruments);
  const memberName = (id: string) => {
    const m = members.get(id);
    return m ? memberSortName(m) : '(gelöscht)';
  };
  switch (entity) {
    case 'members':
      return {
        header: [
          'Mitgliedsnummer',
          'Anrede',
          'Titel',
          'Vorname',
          'Nachname',
          'Straße',
          'PLZ',
          'Ort',
          'Land',
          'Telefon',
          'Mobil',
          'E-Mail',
          'Geburtsdatum',
          'Eintritt',
          'Austritt',
          'Status',
          'Register',
          'Hauptinstrument',
          'IBAN',
          'BIC',
          'Kontoinhaber',
          'Mandatsreferenz',
          'Mandatsdatum',
          'Beitragsfrei',
          'Fotos erlaubt',
          'Newsletter',
          'Bemerkung',
        ],
        rows: data.members.map((m) => [
          m.memberNumber,
          m.salutation,
          m.title,
          m.firstName,
          m.lastName,
          m.street,
          m.postalCode,
          m.city,
          m.country,
          m.phone,
          m.mobile,
          m.email,
          formatGermanDate(m.birthDate),
          formatGermanDate(m.entryDate),
          formatGermanDate(m.exitDate),
          STATUS_LABELS[m.status] ?? m.status,
          m.registerIds.map((id) => registers.get(id)?.name ?? '(gelöscht)').join(', '),
          m.mainInstrument,
          m.iban,
          m.bic,
          m.accountHolder,
          m.sepaMandateReference,
          formatGermanDate(m.sepaMandateDate),
          yesNo(m.feeExempt),
          yesNo(m.consentPhotos),
          yesNo(m.consentNewsletter),
          m.notes,
        ]),
      };
    case 'registers':
      return {
        header: ['Register', 'Reihenfolge', 'Registerführer', 'Mitglieder'],
        rows: data.registers.map((r) => [
          r.name,
          r.sortOrder,
          r.leaderIds.map(memberName).join('; '),
          data.members.filter((m) => m.registerIds.includes(r.id)).length,
        ]),
      };
    case 'instruments':
      return {
        header: [
          'Inventarnummer',
          'Art',
          'Hersteller',
          'Modell',
          'Seriennummer',
          'Kaufdatum',
          'Kaufpreis (EUR)',
          'Zustand',
          'Standort',
          'Register',
          'Bemerkung',
        ],
        rows: data.instruments.map((i) => [
          i.inventoryNumber,
          i.kind,
          i.maker,
          i.model,
          i.serialNumber,
          formatGermanDate(i.purchaseDate),
          formatCents(i.purchasePriceCents),
          i.condition,
          i.location,
          i.registerId ? (registers.get(i.registerId)?.name ?? '(gelöscht)') : null,
          i.notes,
        ]),
      };
    case 'loans':
      return {
        header: [
          'Inventarnummer',
          'Instrument',
          'Mitglied',
          'Ausgegeben',
          'Fällig',
          'Zurückgegeben',
          'Bemerkung',
        ],
        rows: data.loans.map((l) => {
          const i = instruments.get(l.instrumentId);
          return [
            i?.inventoryNumber ?? '(gelöscht)',
            i?.kind ?? null,
            memberName(l.memberId),
            formatGermanDate(l.issuedOn),
            formatGermanDate(l.dueOn),
            formatGermanDate(l.returnedOn),
            l.notes,
          ];
        }),
      };
  }
}
