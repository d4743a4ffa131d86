/**
 * The fields an import can fill, per kind of record, with the German label the wizard shows
 * and the column names (German and English, as old club programs and spreadsheets spell them)
 * that propose them. Names are compared normalised: lower case, umlauts spelled out, nothing
 * but letters and digits ("Straße" = "strasse", "E-Mail" = "email").
 */

export const IMPORT_ENTITIES = ['registers', 'members', 'instruments', 'loans', 'honours'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export type TargetKind =
  | 'text'
  | 'date'
  | 'money'
  | 'email'
  | 'iban'
  | 'bic'
  | 'phone'
  | 'flag'
  | 'int'
  | 'salutation'
  | 'memberStatus'
  | 'activeFlag'
  | 'condition'
  | 'country'
  | 'registerRef'
  | 'memberRef'
  | 'instrumentRef';

export interface ImportTarget {
  field: string;
  label: string;
  kind: TargetKind;
  synonyms: readonly string[];
}

const t = (
  field: string,
  label: string,
  kind: TargetKind,
  synonyms: readonly string[],
): ImportTarget => ({ field, label, kind, synonyms });

export const IMPORT_TARGETS: Record<ImportEntity, readonly ImportTarget[]> = {
  registers: [
    t('name', 'Name des Registers', 'text', [
      'bezeichnung',
      'name',
      'register',
      'registername',
      'stimme',
      'section',
    ]),
    t('sortOrder', 'Reihenfolge', 'int', ['sortierung', 'reihenfolge', 'sort', 'order', 'pos']),
  ],
  members: [
    t('memberNumber', 'Mitgliedsnummer', 'text', [
      'mitgliednr',
      'mitgliedsnr',
      'mitgliedsnummer',
      'mitglnr',
      'membernumber',
      'memberno',
      'memberid',
      'nr',
      'nummer',
    ]),
    t('salutation', 'Anrede', 'salutation', ['anrede', 'salutation', 'geschlecht']),
    t('title', 'Titel', 'text', ['titel', 'title']),
    t('firstName', 'Vorname', 'text', ['vorname', 'firstname', 'givenname', 'rufname']),
    t('lastName', 'Nachname', 'text', [
      'nachname',
      'name',
      'familienname',
      'zuname',
      'lastname',
      'surname',
      'familyname',
    ]),
    t('street', 'Straße (mit oder ohne Hausnummer)', 'text', [
      'strasse',
      'str',
      'strassehausnr',
      'strasseundhausnummer',
      'strassenr',
      'anschrift',
      'adresse',
      'street',
      'address',
    ]),
    t('houseNumber', 'Hausnummer (wird an die Straße angehängt)', 'text', [
      'hausnr',
      'hausnummer',
      'hnr',
      'housenumber',
      'houseno',
    ]),
    t('postalCode', 'PLZ', 'text', [
      'plz',
      'postleitzahl',
      'zip',
      'zipcode',
      'postalcode',
      'postcode',
    ]),
    t('city', 'Ort', 'text', ['ort', 'wohnort', 'stadt', 'city', 'town']),
    t('country', 'Land', 'country', ['land', 'country', 'staat']),
    t('phone', 'Telefon', 'phone', [
      'telefon',
      'tel',
      'telefonprivat',
      'festnetz',
      'phone',
      'telephone',
    ]),
    t('mobile', 'Mobil', 'phone', [
      'mobil',
      'handy',
      'mobiltelefon',
      'mobile',
      'cell',
      'cellphone',
    ]),
    t('email', 'E-Mail', 'email', ['email', 'mail', 'emailadresse', 'mailadresse', 'emailaddress']),
    t('birthDate', 'Geburtsdatum', 'date', [
      'geburtsdatum',
      'gebdat',
      'gebdatum',
      'geburtstag',
      'geboren',
      'birthdate',
      'dateofbirth',
      'dob',
      'birthday',
    ]),
    t('entryDate', 'Eintritt', 'date', [
      'eintritt',
      'eintrittsdatum',
      'beitritt',
      'mitgliedseit',
      'entrydate',
      'joined',
      'membersince',
    ]),
    t('exitDate', 'Austritt', 'date', ['austritt', 'austrittsdatum', 'exitdate', 'left']),
    t('status', 'Status', 'memberStatus', ['status', 'mitgliedsstatus', 'mitgliedsart']),
    t('active', 'Aktiv (Ja/Nein)', 'activeFlag', ['aktiv', 'active', 'istaktiv']),
    t('register', 'Register (Name oder Nummer)', 'registerRef', [
      'register',
      'registernr',
      'registerid',
      'stimme',
      'section',
    ]),
    t('mainInstrument', 'Instrument', 'text', ['instrument', 'hauptinstrument', 'mainInstrument']),
    t('iban', 'IBAN', 'iban', ['iban']),
    t('bic', 'BIC', 'bic', ['bic', 'swift']),
    t('accountHolder', 'Kontoinhaber', 'text', ['kontoinhaber', 'accountholder', 'inhaber']),
    // Bank data from before SEPA: turned into an IBAN where that is possible, always kept.
    t('accountNumber', 'Kontonummer (alt)', 'text', [
      'kontonummer',
      'kontonr',
      'ktonr',
      'kto',
      'accountnumber',
      'accountno',
    ]),
    t('bankCode', 'Bankleitzahl (alt)', 'text', ['blz', 'bankleitzahl', 'bankcode', 'sortcode']),
    t('sepaMandateReference', 'Mandatsreferenz', 'text', [
      'mandatsreferenz',
      'mandatsref',
      'mandat',
      'mandatereference',
    ]),
    t('sepaMandateDate', 'Mandatsdatum', 'date', ['mandatsdatum', 'mandatedate']),
    t('feeExempt', 'Beitragsfrei', 'flag', ['beitragsfrei', 'feeexempt']),
    t('notes', 'Bemerkung', 'text', [
      'bemerkung',
      'bemerkungen',
      'notiz',
      'notizen',
      'anmerkung',
      'kommentar',
      'notes',
      'note',
      'comment',
      'remarks',
    ]),
  ],
  instruments: [
    t('inventoryNumber', 'Inventarnummer', 'text', [
      'inventarnr',
      'inventarnummer',
      'invnr',
      'nr',
      'nummer',
      'inventorynumber',
      'assetno',
      'itemno',
    ]),
    t('kind', 'Art des Instruments', 'text', [
      'bezeichnung',
      'art',
      'instrument',
      'instrumentenart',
      'typ',
      'kind',
      'type',
      'item',
      'description',
    ]),
    t('maker', 'Hersteller', 'text', [
      'hersteller',
      'marke',
      'fabrikat',
      'maker',
      'manufacturer',
      'make',
      'brand',
    ]),
    t('model', 'Modell', 'text', ['modell', 'model']),
    t('serialNumber', 'Seriennummer', 'text', [
      'seriennummer',
      'seriennr',
      'serialnumber',
      'serialno',
      'serial',
    ]),
    t('purchaseDate', 'Kaufdatum', 'date', [
      'kaufdatum',
      'anschaffung',
      'anschaffungsdatum',
      'gekauftam',
      'purchasedate',
      'acquired',
      'dateacquired',
    ]),
    t('purchasePrice', 'Kaufpreis (Euro)', 'money', [
      'kaufpreis',
      'preis',
      'anschaffungspreis',
      'wert',
      'purchaseprice',
      'price',
      'cost',
    ]),
    t('condition', 'Zustand', 'condition', ['zustand', 'condition']),
    t('location', 'Standort', 'text', ['standort', 'lagerort', 'ort', 'location']),
    t('register', 'Register (Name oder Nummer)', 'registerRef', ['register', 'registernr']),
    t('borrower', 'Ausgeliehen an (Mitglied)', 'memberRef', [
      'ausgeliehenan',
      'entleiher',
      'ausleiher',
      'leihnehmer',
      'mitglied',
      'mitgliednr',
      'borrower',
      'loanedto',
    ]),
    t('loanedSince', 'Ausgeliehen seit', 'date', [
      'ausgeliehenseit',
      'ausgabe',
      'ausleihdatum',
      'loanedsince',
    ]),
    t('notes', 'Bemerkung', 'text', [
      'bemerkung',
      'bemerkungen',
      'notiz',
      'notizen',
      'notes',
      'comments',
    ]),
  ],
  loans: [
    t('instrument', 'Instrument (Inventarnummer)', 'instrumentRef', [
      'inventarnr',
      'inventarnummer',
      'instrument',
      'instrumentnr',
      'instrumentid',
    ]),
    t('member', 'Mitglied (Nummer oder Name)', 'memberRef', [
      'mitgliednr',
      'mitglied',
      'mitgliedsnr',
      'entleiher',
      'memberid',
      'member',
    ]),
    t('issuedOn', 'Ausgabe', 'date', [
      'ausgabe',
      'ausgabedatum',
      'ausgeliehenam',
      'von',
      'issuedon',
      'from',
    ]),
    t('dueOn', 'Rückgabefrist', 'date', ['frist', 'rueckgabefrist', 'faellig', 'dueon', 'due']),
    t('returnedOn', 'Rückgabe', 'date', [
      'rueckgabe',
      'rueckgabedatum',
      'zurueckam',
      'bis',
      'returnedon',
      'returned',
    ]),
    t('notes', 'Bemerkung', 'text', ['bemerkung', 'notiz', 'notes']),
  ],
  honours: [
    t('member', 'Mitglied (Nummer oder Name)', 'memberRef', [
      'mitgliednr',
      'mitglied',
      'memberid',
      'member',
    ]),
    t('kind', 'Art der Ehrung', 'text', [
      'art',
      'ehrung',
      'bezeichnung',
      'auszeichnung',
      'kind',
      'honour',
    ]),
    t('date', 'Datum', 'date', ['datum', 'verliehenam', 'date']),
    t('federation', 'Verband', 'text', ['verband', 'federation']),
    t('notes', 'Bemerkung', 'text', ['bemerkung', 'notiz', 'notes']),
  ],
};

/** German names of the kinds of record, for the wizard and the report. */
export const IMPORT_ENTITY_LABELS: Record<ImportEntity, string> = {
  registers: 'Register',
  members: 'Mitglieder',
  instruments: 'Instrumente',
  loans: 'Ausleihen',
  honours: 'Ehrungen',
};

export function targetOf(entity: ImportEntity, field: string): ImportTarget | undefined {
  return IMPORT_TARGETS[entity].find((target) => target.field === field);
}

/** Lower case with umlauts and ß spelt out: "Förderer" → "foerderer". */
export function foldGerman(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss');
}

/** "Straße" → "strasse", "E-Mail" → "email", "Geb.-Datum" → "gebdatum". */
export function normaliseColumnName(name: string): string {
  return foldGerman(name).replace(/[^a-z0-9]/g, '');
}
