/**
 * Abbreviations and word stems of column names, for the columns no full name matched: old
 * club programs and spreadsheets write "MitglNr", "GebDat", "KtoNr", "Reg", "Tel_mobil",
 * "Member No", "DOB". A column name is cut into words (at capitals, digits and anything that is
 * not a letter) and folded ("Straße" → "strasse"); a stem of up to three letters must be a
 * whole word ("Reg", "Tel", "Str"), a longer one may begin a word ("Instr" → "Instrument").
 * Per kind of record, the more specific stems come first: "Kontoinhaber" is the holder, not
 * the account; "TelMobil" is the mobile, not the phone.
 */
import { foldGerman, type ImportEntity, normaliseColumnName } from './targets.ts';

type Stems = readonly (readonly [stem: string, field: string])[];

/** Not a field: the column numbers the rows (a key), it is not proposed for any field. */
export const KEY = '#key';
/**
 * Not a field: the column's words say it is something Tutti has no field for (a fee, a bank's
 * name, a place of birth). It is left without a field — its values are kept with the record,
 * sensitively on members — instead of a weaker stem sending it somewhere wrong ("Beitrag" →
 * entry date, "Bank-Nr" → member number, "Membership fee" → member number).
 */
export const NONE = '#none';

const NOTES: Stems = [
  ['bem', 'notes'],
  ['bemerk', 'notes'],
  ['notiz', 'notes'],
  ['anmerk', 'notes'],
  ['kommentar', 'notes'],
  ['remark', 'notes'],
  ['comment', 'notes'],
  ['note', 'notes'],
  ['memo', 'notes'],
];

export const COLUMN_STEMS: Record<ImportEntity, Stems> = {
  registers: [
    // "RegNr", "Reg_ID": the register's number, which identifies it (see proposeKey).
    ['nr', KEY],
    ['id', KEY],
    ['sort', 'sortOrder'],
    ['reihenf', 'sortOrder'],
    ['pos', 'sortOrder'],
    ['order', 'sortOrder'],
    ['reg', 'name'],
    ['register', 'name'],
    ['stimme', 'name'],
    ['section', 'name'],
    ['bez', 'name'],
    ['name', 'name'],
  ],
  members: [
    // A leading * : the stem may stand anywhere in the name ("Mitgliedsbeitrag").
    ['*befreit', 'feeExempt'],
    ['*beitragsfr', 'feeExempt'],
    ['*beitrag', NONE],
    ['*gebuehr', NONE],
    ['*aufnahme', NONE],
    ['aufn', NONE],
    ['fee', NONE],
    ['*zahlung', NONE],
    ['*payment', NONE],
    ['*geburtsort', NONE],
    ['*geburtsname', NONE],
    ['*birthplace', NONE],
    ['*placeofbirth', NONE],
    ['*bankname', NONE],
    ['*fax', NONE],
    ['iban', 'iban'],
    ['bic', 'bic'],
    ['swift', 'bic'],
    ['kontoinh', 'accountHolder'],
    ['inh', 'accountHolder'],
    ['inhaber', 'accountHolder'],
    ['holder', 'accountHolder'],
    ['mandatsdat', 'sepaMandateDate'],
    ['mandatedate', 'sepaMandateDate'],
    ['mandat', 'sepaMandateReference'],
    ['mandate', 'sepaMandateReference'],
    ['mand', 'sepaMandateReference'],
    ['blz', 'bankCode'],
    ['bankleitz', 'bankCode'],
    ['sortcode', 'bankCode'],
    // "Bank-Nr", "Bank": bank data of some kind, never a member's number.
    ['bank', NONE],
    ['konto', 'accountNumber'],
    ['kto', 'accountNumber'],
    ['account', 'accountNumber'],
    ['beitragsfr', 'feeExempt'],
    ['mobil', 'mobile'],
    ['handy', 'mobile'],
    ['cell', 'mobile'],
    ['tel', 'phone'],
    ['telef', 'phone'],
    ['phone', 'phone'],
    ['fon', 'phone'],
    ['mail', 'email'],
    ['email', 'email'],
    ['geb', 'birthDate'],
    ['gebdat', 'birthDate'],
    ['geburt', 'birthDate'],
    ['birth', 'birthDate'],
    ['dob', 'birthDate'],
    ['eintr', 'entryDate'],
    ['beitritt', 'entryDate'],
    ['seit', 'entryDate'],
    ['joined', 'entryDate'],
    ['join', 'entryDate'],
    ['austr', 'exitDate'],
    ['left', 'exitDate'],
    ['exit', 'exitDate'],
    ['status', 'status'],
    ['aktiv', 'active'],
    ['active', 'active'],
    ['hausnr', 'houseNumber'],
    ['hnr', 'houseNumber'],
    ['house', 'houseNumber'],
    ['plz', 'postalCode'],
    ['zip', 'postalCode'],
    ['postal', 'postalCode'],
    ['postleitz', 'postalCode'],
    ['str', 'street'],
    ['strasse', 'street'],
    ['street', 'street'],
    ['anschr', 'street'],
    ['adr', 'street'],
    ['address', 'street'],
    ['ort', 'city'],
    ['wohnort', 'city'],
    ['town', 'city'],
    ['city', 'city'],
    ['land', 'country'],
    ['country', 'country'],
    ['reg', 'register'],
    ['register', 'register'],
    ['stimme', 'register'],
    ['section', 'register'],
    ['instr', 'mainInstrument'],
    ['hauptinstr', 'mainInstrument'],
    ['anrede', 'salutation'],
    ['anr', 'salutation'],
    ['geschl', 'salutation'],
    ['gender', 'salutation'],
    ['titel', 'title'],
    ['title', 'title'],
    ['vorn', 'firstName'],
    ['vname', 'firstName'],
    ['first', 'firstName'],
    ['given', 'firstName'],
    ['nachn', 'lastName'],
    ['nname', 'lastName'],
    ['last', 'lastName'],
    ['surname', 'lastName'],
    ['family', 'lastName'],
    ['name', 'lastName'],
    ['mitgl', 'memberNumber'],
    ['member', 'memberNumber'],
    ['nr', 'memberNumber'],
    ['no', 'memberNumber'],
    ['nummer', 'memberNumber'],
    ...NOTES,
  ],
  instruments: [
    ['inv', 'inventoryNumber'],
    ['invent', 'inventoryNumber'],
    ['serien', 'serialNumber'],
    ['serial', 'serialNumber'],
    ['snr', 'serialNumber'],
    ['herst', 'maker'],
    ['marke', 'maker'],
    ['fabrik', 'maker'],
    ['maker', 'maker'],
    ['manufact', 'maker'],
    ['brand', 'maker'],
    ['modell', 'model'],
    ['model', 'model'],
    ['kaufdat', 'purchaseDate'],
    ['anschaff', 'purchaseDate'],
    ['purchase', 'purchaseDate'],
    ['preis', 'purchasePrice'],
    ['wert', 'purchasePrice'],
    ['price', 'purchasePrice'],
    ['cost', 'purchasePrice'],
    ['zust', 'condition'],
    ['cond', 'condition'],
    ['standort', 'location'],
    ['lager', 'location'],
    ['location', 'location'],
    ['reg', 'register'],
    ['register', 'register'],
    ['leih', 'borrower'],
    ['mitgl', 'borrower'],
    ['borrow', 'borrower'],
    ['instr', 'kind'],
    ['art', 'kind'],
    ['typ', 'kind'],
    ['type', 'kind'],
    ['bez', 'kind'],
    ['nr', 'inventoryNumber'],
    ['no', 'inventoryNumber'],
    ...NOTES,
  ],
  loans: [
    ['inv', 'instrument'],
    ['instr', 'instrument'],
    ['mitgl', 'member'],
    ['member', 'member'],
    ['entleih', 'member'],
    ['frist', 'dueOn'],
    ['faellig', 'dueOn'],
    ['due', 'dueOn'],
    ['rueck', 'returnedOn'],
    ['return', 'returnedOn'],
    ['bis', 'returnedOn'],
    ['ausg', 'issuedOn'],
    ['issue', 'issuedOn'],
    ['von', 'issuedOn'],
    ...NOTES,
  ],
  honours: [
    ['mitgl', 'member'],
    ['member', 'member'],
    ['verb', 'federation'],
    ['feder', 'federation'],
    ['ehrung', 'kind'],
    ['auszeichn', 'kind'],
    ['art', 'kind'],
    ['honou', 'kind'],
    ['award', 'kind'],
    ['dat', 'date'],
    ['date', 'date'],
    ...NOTES,
  ],
};

/** "Tel_mobil" → ["tel", "mobil"]; "GebDat" → ["geb", "dat"]; "Straße Nr." → ["strasse", "nr"]. */
export function columnWords(name: string): string[] {
  return name
    .replace(/([a-zäöüß])([A-ZÄÖÜ])/g, '$1 $2')
    .replace(/([A-ZÄÖÜ]+)([A-ZÄÖÜ][a-zäöüß])/g, '$1 $2')
    .split(/[^A-Za-zÄÖÜäöüß]+/)
    .map((word) => foldGerman(word))
    .filter((word) => word !== '');
}

/** The words, and the whole name run together ("VName" → "vname"). */
function stemFits(stem: string, words: readonly string[], whole: string): boolean {
  if (stem.startsWith('*')) return whole.includes(stem.slice(1));
  return words.some((word) => (stem.length <= 3 ? word === stem : word.startsWith(stem)));
}

/** The fields a column's name suggests by its words, the most specific first. */
export function fieldsByStem(entity: ImportEntity, columnName: string): string[] {
  const whole = normaliseColumnName(columnName);
  const words = [...columnWords(columnName), whole];
  const fields: string[] = [];
  for (const [stem, field] of COLUMN_STEMS[entity])
    if (!fields.includes(field) && stemFits(stem, words, whole)) fields.push(field);
  return fields;
}
