/** The fields of registers, instruments, loans, maintenance, events, attendance and honours. */
import type { EntityCatalogue, FieldDefinition } from './fieldDefinition.ts';
import { MEMBER_FIELDS } from './memberFields.ts';

const NOTES_NAMES = ['bemerkung', 'bemerkungen', 'notiz', 'notizen', 'notes', 'comments'];
const notes = (importNames: readonly string[] = NOTES_NAMES): FieldDefinition => ({
  field: 'notes',
  label: { de: 'Bemerkung', en: 'Notes' },
  kind: 'longText',
  importNames,
});
const keptValues: FieldDefinition = {
  field: 'importedValues',
  label: { de: 'Weitere Angaben aus dem Import', en: 'Further values from the import' },
  kind: 'keptValues',
  noExport: true,
};
const memberRef = (importNames: readonly string[]): FieldDefinition => ({
  field: 'member',
  label: { de: 'Mitglied', en: 'Member' },
  importLabel: { de: 'Mitglied (Nummer oder Name)', en: 'Member (number or name)' },
  kind: 'text',
  importKind: 'memberRef',
  importOnly: true,
  importNames,
});

export const REGISTER_FIELDS: EntityCatalogue = [
  {
    field: 'name',
    label: { de: 'Name', en: 'Name' },
    short: { de: 'Register', en: 'Section' },
    importLabel: { de: 'Name des Registers', en: 'Section name' },
    kind: 'text',
    importNames: ['bezeichnung', 'name', 'register', 'registername', 'stimme', 'section'],
  },
  {
    field: 'sortOrder',
    label: { de: 'Reihenfolge', en: 'Order' },
    kind: 'int',
    importNames: ['sortierung', 'reihenfolge', 'sort', 'order', 'pos'],
  },
  {
    field: 'leaderIds',
    label: { de: 'Registerführer', en: 'Section leaders' },
    kind: 'references',
    target: 'members',
  },
  keptValues,
];

export const CONDITION_WORDS = {
  neu: { de: 'neu', en: 'new' },
  gut: { de: 'gut', en: 'good' },
  gebraucht: { de: 'gebraucht', en: 'used' },
  reparaturbedürftig: { de: 'reparaturbedürftig', en: 'needs repair' },
  defekt: { de: 'defekt', en: 'broken' },
  ausgemustert: { de: 'ausgemustert', en: 'retired' },
} as const;

export const INSTRUMENT_FIELDS: EntityCatalogue = [
  {
    field: 'inventoryNumber',
    label: { de: 'Inventarnummer', en: 'Inventory number' },
    kind: 'text',
    importNames: [
      'inventarnr',
      'inventarnummer',
      'invnr',
      'nr',
      'nummer',
      'inventorynumber',
      'assetno',
      'itemno',
    ],
  },
  {
    field: 'kind',
    label: { de: 'Art', en: 'Type' },
    importLabel: { de: 'Art des Instruments', en: 'Kind of instrument' },
    kind: 'text',
    importNames: [
      'bezeichnung',
      'art',
      'instrument',
      'instrumentenart',
      'typ',
      'kind',
      'type',
      'item',
      'description',
    ],
  },
  {
    field: 'maker',
    label: { de: 'Hersteller', en: 'Maker' },
    kind: 'text',
    importNames: ['hersteller', 'marke', 'fabrikat', 'maker', 'manufacturer', 'make', 'brand'],
  },
  {
    field: 'model',
    label: { de: 'Modell', en: 'Model' },
    kind: 'text',
    importNames: ['modell', 'model'],
  },
  {
    field: 'serialNumber',
    label: { de: 'Seriennummer', en: 'Serial number' },
    kind: 'text',
    importNames: ['seriennummer', 'seriennr', 'serialnumber', 'serialno', 'serial'],
  },
  {
    field: 'purchaseDate',
    label: { de: 'Kaufdatum', en: 'Purchase date' },
    kind: 'date',
    importNames: [
      'kaufdatum',
      'anschaffung',
      'anschaffungsdatum',
      'gekauftam',
      'purchasedate',
      'acquired',
      'dateacquired',
    ],
  },
  {
    field: 'purchasePriceCents',
    label: { de: 'Kaufpreis', en: 'Purchase price' },
    importLabel: { de: 'Kaufpreis (Euro)', en: 'Purchase price (euros)' },
    kind: 'money',
    importField: 'purchasePrice',
    importNames: [
      'kaufpreis',
      'preis',
      'anschaffungspreis',
      'wert',
      'purchaseprice',
      'price',
      'cost',
    ],
  },
  {
    field: 'condition',
    label: { de: 'Zustand', en: 'Condition' },
    kind: 'choice',
    values: CONDITION_WORDS,
    importKind: 'condition',
    importNames: ['zustand', 'condition'],
  },
  {
    field: 'location',
    label: { de: 'Standort', en: 'Location' },
    kind: 'text',
    importNames: ['standort', 'lagerort', 'ort', 'location'],
  },
  {
    field: 'registerId',
    label: { de: 'Register', en: 'Section' },
    kind: 'reference',
    target: 'registers',
  },
  {
    field: 'register',
    label: { de: 'Register', en: 'Section' },
    importLabel: { de: 'Register (Name oder Nummer)', en: 'Section (name or number)' },
    kind: 'text',
    importKind: 'registerRef',
    importOnly: true,
    importNames: ['register', 'registernr'],
  },
  {
    field: 'borrower',
    label: { de: 'Ausgeliehen an', en: 'Lent to' },
    importLabel: { de: 'Ausgeliehen an (Mitglied)', en: 'Lent to (member)' },
    kind: 'text',
    importKind: 'memberRef',
    importOnly: true,
    importNames: [
      'ausgeliehenan',
      'entleiher',
      'ausleiher',
      'leihnehmer',
      'mitglied',
      'mitgliednr',
      'borrower',
      'loanedto',
    ],
  },
  {
    field: 'loanedSince',
    label: { de: 'Ausgeliehen seit', en: 'Lent since' },
    kind: 'date',
    importOnly: true,
    importNames: ['ausgeliehenseit', 'ausgabe', 'ausleihdatum', 'loanedsince'],
  },
  {
    field: 'maintenanceIntervalMonths',
    label: { de: 'Wartung alle … Monate', en: 'Service every … months' },
    short: { de: 'Wartungsintervall (Monate)', en: 'Service interval (months)' },
    kind: 'int',
    // Column names are also matched by their beginning: "Wartungsintervall (Monate)" and
    // "Service interval (months)", the export's own headings, come back to this field.
    importNames: [
      'wartungsintervall',
      'wartungintervall',
      'wartungmonate',
      'wartungallemonate',
      'serviceintervall',
      'serviceinterval',
      'maintenanceinterval',
    ],
  },
  notes(),
  keptValues,
];

export const LOAN_FIELDS: EntityCatalogue = [
  {
    field: 'instrumentId',
    label: { de: 'Instrument', en: 'Instrument' },
    kind: 'reference',
    target: 'instruments',
  },
  {
    field: 'instrument',
    label: { de: 'Instrument', en: 'Instrument' },
    importLabel: { de: 'Instrument (Inventarnummer)', en: 'Instrument (inventory number)' },
    kind: 'text',
    importKind: 'instrumentRef',
    importOnly: true,
    importNames: ['inventarnr', 'inventarnummer', 'instrument', 'instrumentnr', 'instrumentid'],
  },
  {
    field: 'memberId',
    label: { de: 'Mitglied', en: 'Member' },
    kind: 'reference',
    target: 'members',
  },
  memberRef(['mitgliednr', 'mitglied', 'mitgliedsnr', 'entleiher', 'memberid', 'member']),
  {
    field: 'issuedOn',
    label: { de: 'Ausgegeben am', en: 'Lent on' },
    short: { de: 'Ausgegeben', en: 'Lent' },
    importLabel: { de: 'Ausgabe', en: 'Issued' },
    kind: 'date',
    importNames: ['ausgabe', 'ausgabedatum', 'ausgeliehenam', 'von', 'issuedon', 'from'],
  },
  {
    field: 'dueOn',
    label: { de: 'Rückgabe bis', en: 'Due back by' },
    short: { de: 'Fällig', en: 'Due' },
    importLabel: { de: 'Rückgabefrist', en: 'Due' },
    kind: 'date',
    importNames: ['frist', 'rueckgabefrist', 'faellig', 'dueon', 'due'],
  },
  {
    field: 'returnedOn',
    label: { de: 'Zurückgegeben am', en: 'Returned on' },
    short: { de: 'Zurückgegeben', en: 'Returned' },
    importLabel: { de: 'Rückgabe', en: 'Returned' },
    kind: 'date',
    importNames: ['rueckgabe', 'rueckgabedatum', 'zurueckam', 'bis', 'returnedon', 'returned'],
  },
  notes(['bemerkung', 'notiz', 'notes']),
  keptValues,
];

export const MAINTENANCE_FIELDS: EntityCatalogue = [
  {
    field: 'instrumentId',
    label: { de: 'Instrument', en: 'Instrument' },
    kind: 'reference',
    target: 'instruments',
  },
  { field: 'date', label: { de: 'Datum', en: 'Date' }, kind: 'date' },
  {
    field: 'work',
    label: { de: 'Durchgeführte Arbeit', en: 'Work carried out' },
    kind: 'longText',
  },
  { field: 'costCents', label: { de: 'Kosten', en: 'Cost' }, kind: 'money' },
  { field: 'workshop', label: { de: 'Werkstatt', en: 'Workshop' }, kind: 'text' },
];

export const EVENT_KIND_WORDS = {
  probe: { de: 'Probe', en: 'Rehearsal' },
  auftritt: { de: 'Auftritt', en: 'Performance' },
  konzert: { de: 'Konzert', en: 'Concert' },
} as const;

export const EVENT_FIELDS: EntityCatalogue = [
  { field: 'kind', label: { de: 'Art', en: 'Type' }, kind: 'choice', values: EVENT_KIND_WORDS },
  { field: 'title', label: { de: 'Titel', en: 'Title' }, kind: 'text' },
  { field: 'date', label: { de: 'Datum', en: 'Date' }, kind: 'date' },
  { field: 'startTime', label: { de: 'Beginn', en: 'Start' }, kind: 'time' },
  { field: 'location', label: { de: 'Ort', en: 'Venue' }, kind: 'text' },
  notes(),
];

export const ATTENDANCE_STATUS_WORDS = {
  present: { de: 'Anwesend', en: 'Present' },
  excused: { de: 'Entschuldigt', en: 'Excused' },
  absent: { de: 'Fehlt', en: 'Absent' },
} as const;

export const ATTENDANCE_FIELDS: EntityCatalogue = [
  { field: 'eventId', label: { de: 'Termin', en: 'Event' }, kind: 'reference', target: 'events' },
  {
    field: 'memberId',
    label: { de: 'Mitglied', en: 'Member' },
    kind: 'reference',
    target: 'members',
  },
  {
    field: 'status',
    label: { de: 'Status', en: 'Status' },
    kind: 'choice',
    values: ATTENDANCE_STATUS_WORDS,
  },
];

export const HONOUR_FIELDS: EntityCatalogue = [
  {
    field: 'memberId',
    label: { de: 'Mitglied', en: 'Member' },
    kind: 'reference',
    target: 'members',
  },
  memberRef(['mitgliednr', 'mitglied', 'memberid', 'member']),
  {
    field: 'kind',
    label: { de: 'Art der Ehrung', en: 'Kind of honour' },
    kind: 'text',
    importNames: ['art', 'ehrung', 'bezeichnung', 'auszeichnung', 'kind', 'honour'],
  },
  {
    field: 'date',
    label: { de: 'Datum', en: 'Date' },
    kind: 'date',
    importNames: ['datum', 'verliehenam', 'date'],
  },
  {
    field: 'federation',
    label: { de: 'Verband', en: 'Federation' },
    kind: 'text',
    importNames: ['verband', 'federation'],
  },
  notes(['bemerkung', 'notiz', 'notes']),
  keptValues,
];

/** The club's address: the same fields, labels and kinds as a member's. */
const addressFields: FieldDefinition[] = ['street', 'postalCode', 'city', 'country'].map((name) => {
  const { importNames: _, ...field } = MEMBER_FIELDS.find((f) => f.field === name)!;
  return field;
});

export const CLUB_FIELDS: EntityCatalogue = [
  { field: 'name', label: { de: 'Name des Vereins', en: 'Name of the club' }, kind: 'text' },
  ...addressFields,
  { field: 'federations', label: { de: 'Verbände', en: 'Federations' }, kind: 'federations' },
  { field: 'foundedOn', label: { de: 'Gegründet am', en: 'Founded on' }, kind: 'date' },
  {
    field: 'charitableUntil',
    label: { de: 'Gemeinnützig laut Bescheid bis', en: 'Charitable status confirmed until' },
    kind: 'date',
  },
  { field: 'chairId', label: { de: 'Vorsitz', en: 'Chair' }, kind: 'reference', target: 'members' },
  {
    field: 'conductorIds',
    label: { de: 'Dirigenten', en: 'Conductors' },
    kind: 'references',
    target: 'members',
  },
  {
    field: 'youthLeaderId',
    label: { de: 'Jugendleitung', en: 'Youth leader' },
    kind: 'reference',
    target: 'members',
  },
  {
    field: 'sepaCreditorId',
    label: { de: 'Gläubiger-Identifikationsnummer (SEPA)', en: 'SEPA creditor identifier' },
    short: { de: 'Gläubiger-ID', en: 'Creditor ID' },
    kind: 'text',
  },
  {
    field: 'honourRuleSets',
    label: { de: 'Ehrungsordnungen der Verbände', en: "Federations' rules of honour" },
    kind: 'honourRuleSets',
  },
  {
    field: 'ownHonours',
    label: { de: 'Eigene Ehrungen', en: "The club's own honours" },
    kind: 'ownHonours',
  },
];
