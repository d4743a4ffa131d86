/**
 * Texts of the import (`import.*`): reading a file, the mapping, every row's cleaning and
 * repairs, and the report. `{{field}}` is the label of the field a text is about (filled where
 * the text is shown, see shared/import/importText.ts); `{{reason}}`, `{{where}}`, `{{status}}`
 * are other texts put in there.
 */
export const importTexts = {
  running: 'Ein Import läuft gerade; bitte sein Ende abwarten.',
  noFile: 'Bitte zuerst eine Datei wählen.',
  cancelled:
    'Die Vorschau wurde abgebrochen. Die Datei bleibt geöffnet; die Vorschau lässt sich neu starten.',
  runNotCancellable:
    'Ein laufender Import kann nicht abgebrochen werden: Er schreibt schon in die Daten. Bitte sein Ende abwarten.',
  noTable: 'Keine Tabelle ist zugeordnet; bitte mindestens einer eine Datenart geben.',
  aborted:
    'Der Import brach nach {{done}} von {{total}} Schritten ab ({{detail}}). Was bis dahin übernommen wurde, bleibt gespeichert; ein erneuter Import derselben Datei ergänzt den Rest, ohne etwas doppelt anzulegen.',
  rightsUnknown:
    'Tutti kennt die Rechte Ihrer Rolle noch nicht: bitte zuerst einmal mit dem Vereinsserver abgleichen („Jetzt abgleichen“ oder „tutti sync“), dann importieren.',
  file: {
    empty: 'Die Datei {{name}} ist leer.',
    tooLarge: 'Die Datei {{name}} ist größer als {{megabytes}} MB; das ist keine Vereinsdatenbank.',
    oldExcel:
      'Alte Excel-Dateien (.xls) bitte in Excel als .xlsx oder als CSV speichern und diese importieren.',
    unsupported:
      'Dateien wie {{name}} kann Tutti nicht importieren. Möglich sind Access (.mdb, .accdb), Excel (.xlsx) und CSV.',
    notAccess: 'Die Datei ist keine Access-Datenbank (.mdb/.accdb) oder sie ist beschädigt.',
    passwordNeeded:
      'Die Access-Datenbank ist mit einem Passwort geschützt. Bitte das Datenbank-Passwort angeben.',
    wrongPassword:
      'Das Passwort der Access-Datenbank ist falsch. Bitte das Datenbank-Passwort prüfen (Groß- und Kleinschreibung beachten).',
    accessDamaged:
      'Die Access-Datenbank ist beschädigt oder unvollständig und lässt sich nicht lesen ({{detail}}). Bitte eine unbeschädigte Kopie verwenden, z. B. nach „Komprimieren und Reparieren“ in Access.',
    csvUnterminated:
      'Die CSV-Datei endet mitten in einem Feld in Anführungszeichen; sie ist unvollständig oder beschädigt.',
    notText: 'Die Datei ist keine Textdatei (CSV); bitte als CSV oder .xlsx speichern.',
    csvEmpty: 'Die CSV-Datei ist leer.',
    workbookEmpty: 'Die Excel-Datei enthält kein Blatt mit Daten.',
    workbookDamaged:
      'Die Excel-Datei ist beschädigt oder keine .xlsx-Datei (ältere .xls bitte in Excel als .xlsx speichern).',
    workbookTooLarge:
      'Die Excel-Datei wäre entpackt größer als {{megabytes}} MB – so viel kann Tutti nicht einlesen. Bitte nur die Blätter mit den Vereinsdaten als CSV speichern und diese importieren.',
  },
  note: {
    columnNotRead:
      'Tabelle „{{table}}“: Spalte „{{column}}“ ({{type}}, z. B. Bilder oder Anhänge) wird nicht gelesen.',
    csvSemicolon: 'CSV gelesen als {{encoding}}, getrennt durch Semikolon.',
    csvComma: 'CSV gelesen als {{encoding}}, getrennt durch Komma.',
    csvTab: 'CSV gelesen als {{encoding}}, getrennt durch Tabulator.',
    workbook_one: 'Excel-Datei mit {{count}} Blatt gelesen.',
    workbook_other: 'Excel-Datei mit {{count}} Blättern gelesen.',
  },
  mapping: {
    notJson: 'Die Zuordnungsdatei ist kein gültiges JSON.',
    notMapping: 'Die Zuordnungsdatei ist keine Tutti-Zuordnung ({{path}}: {{issue}}).',
    notMappingFile: 'Die Zuordnungsdatei ist keine Tutti-Zuordnung (Datei: {{issue}}).',
    unknownTable: 'Die Zuordnung nennt die Tabelle „{{table}}“, die es in der Datei nicht gibt.',
    unknownColumn: 'Die Zuordnung nennt die Spalte „{{column}}“, die es in „{{table}}“ nicht gibt.',
    unknownField:
      '„{{table}}“: Das Feld „{{name}}“ (Spalte „{{column}}“) gibt es bei dieser Datenart nicht.',
    fieldTwice: '„{{table}}“: Das Feld „{{name}}“ ist mehreren Spalten zugeordnet.',
  },
  cleaned: {
    whitespace: 'Leerzeichen am Anfang oder Ende entfernt',
    email: 'E-Mail-Adresse vereinheitlicht (Kleinschreibung, ohne „mailto:“)',
    iban: 'IBAN/BIC ohne Leerzeichen und in Großbuchstaben',
    dateTime: 'Uhrzeit beim Datum weggelassen',
    dateText: 'Datum aus Text gelesen',
    salutation: 'Anrede vereinheitlicht',
    status: 'Status vereinheitlicht',
    condition: 'Zustand vereinheitlicht („{{value}}“ → „{{condition}}“)',
    money: 'Betrag aus Text gelesen',
    flag: 'Ja/Nein-Wert gelesen',
    country: 'Land als Ländercode geschrieben',
    statusMissing: 'Status fehlte: „aktiv“ angenommen',
  },
  cell: {
    dateInvalid: '{{field}} „{{value}}“ ist kein gültiges Datum; in die Bemerkung übernommen.',
    dateInvalidSensitive:
      '{{field}} ist kein gültiges Datum; unter „Weitere Angaben aus dem Import“ aufbewahrt.',
    before1900: '{{field}} {{date}} liegt vor 1900 – bitte prüfen.',
    before1900Sensitive: '{{field}} liegt vor 1900 – bitte prüfen.',
    future: '{{field}} {{date}} liegt in der Zukunft – bitte prüfen.',
    futureSensitive: '{{field}} liegt in der Zukunft – bitte prüfen.',
    notAmount: '{{field}} „{{value}}“ ist kein Betrag; in die Bemerkung übernommen.',
    negative: '{{field}} {{value}} ist negativ; in die Bemerkung übernommen.',
    rounded: '{{field}} {{value}} auf ganze Cent gerundet.',
    emailReview:
      '{{field}} „{{value}}“ ist keine gültige E-Mail-Adresse; so übernommen und zur Prüfung markiert.',
    emailNotTaken:
      '{{field}} „{{value}}“ ist keine gültige E-Mail-Adresse; in die Bemerkung übernommen.',
    ibanReview: '{{reason}} So übernommen und zur Prüfung markiert.',
    ibanNotTaken: '{{field}}: {{reason}} unter „Weitere Angaben aus dem Import“ aufbewahrt.',
    bicReview: '{{field}} ist ungültig; so übernommen und zur Prüfung markiert.',
    bicNotTaken: '{{field}} ist ungültig; unter „Weitere Angaben aus dem Import“ aufbewahrt.',
    phoneNumberOnly:
      '{{field}} „{{value}}“: nur die Nummer übernommen, der Text steht in der Bemerkung.',
    phoneNotTaken: '{{field}} „{{value}}“ ist keine Telefonnummer; in die Bemerkung übernommen.',
    flagInvalid: '{{field}} „{{value}}“ ist weder Ja noch Nein; in die Bemerkung übernommen.',
    flagInvalidSensitive:
      '{{field}} ist weder Ja noch Nein; unter „Weitere Angaben aus dem Import“ aufbewahrt.',
    notInteger: '{{field}} „{{value}}“ ist keine ganze Zahl; weggelassen.',
    salutationUnknown:
      '{{field}} „{{value}}“ ist keine Anrede aus der Liste; in die Bemerkung übernommen.',
    unknown: '{{field}} „{{value}}“ ist unbekannt; in die Bemerkung übernommen.',
    countryUnknown: '{{field}} „{{value}}“ ist kein bekanntes Land; in die Bemerkung übernommen.',
  },
  row: {
    notesTooLong:
      'Die Bemerkung ist länger als {{max}} Zeichen; der Rest steht unter „Weitere Angaben aus dem Import“.',
    notesTooLongWithheld:
      'Die Bemerkung ist länger als {{max}} Zeichen; der Rest steht nur in der Quelldatei (Ihre Rolle darf ihn nicht beim Mitglied aufbewahren).',
    charactersDropped_one:
      '{{count}} Zeichen ließen sich nicht mehr beim Datensatz aufbewahren (zu viele oder zu lange Werte); sie stehen nur in der Quelldatei.',
    charactersDropped_other:
      '{{count}} Zeichen ließen sich nicht mehr beim Datensatz aufbewahren (zu viele oder zu lange Werte); sie stehen nur in der Quelldatei.',
    ibanFromAccountColumn: 'IBAN aus der Spalte der Kontonummer übernommen; bitte prüfen.',
    noIbanComputed:
      'Kontonummer ohne Bankleitzahl (oder ungültig): keine IBAN berechnet; unter „Weitere Angaben aus dem Import“ aufbewahrt.',
    ibanComputed:
      'IBAN aus Bankleitzahl und Kontonummer berechnet; zur Prüfung markiert (manche Banken rechnen anders).',
    mandateWithoutIban:
      'Mandatsreferenz ohne gültige IBAN; so übernommen und zur Prüfung markiert.',
    postalCode:
      'PLZ „{{postalCode}}“ passt nicht zum Land {{country}}; so übernommen und zur Prüfung markiert (bei Österreich oder der Schweiz bitte das Land eintragen).',
    entryBeforeBirth:
      'Eintritt {{entry}} liegt vor dem Geburtsdatum; so übernommen und zur Prüfung markiert.',
    exitBeforeEntry:
      'Austritt {{exit}} liegt vor dem Eintritt {{entry}}; so übernommen und zur Prüfung markiert.',
    activeYesContradicts:
      'Aktiv „ja“ widerspricht dem Status „{{status}}“; der Status gilt, „Aktiv“ steht in der Bemerkung.',
    activeNoContradicts:
      'Aktiv „nein“ widerspricht dem Status „{{status}}“; der Status gilt, „Aktiv“ steht in der Bemerkung.',
    exitedWithoutDate:
      'Status „ausgetreten“ ohne Austrittsdatum: als „passiv“ übernommen; bitte das Austrittsdatum nachtragen.',
    keyEmpty: 'Die Schlüsselspalte „{{column}}“ ist leer.',
    keysEmpty: 'Die Schlüsselspalte {{columns}} ist leer.',
    requiredMissing: 'Pflichtangaben fehlen (Name, Inventarnummer, Mitglied, Datum …).',
    sameKey: 'Gleicher Schlüssel wie Zeile {{row}}; die Zeile ist doppelt in der Quelle.',
    notesFull:
      'Die Bemerkung ist voll: was die Felder nicht aufnehmen konnten, steht nur in der Quelldatei.',
    deletedInTutti:
      'Der Datensatz aus einem früheren Import wurde in Tutti gelöscht; er wird nicht neu angelegt.',
  },
  duplicate: {
    ofRow:
      'Gleicher Name und gleiches Geburtsdatum wie Zeile {{row}} ({{label}}). Beide wurden übernommen; bitte prüfen und bei Bedarf eines löschen.',
    ofMember:
      'Gleicher Name und gleiches Geburtsdatum wie dem vorhandenen Mitglied {{name}}. Beide wurden übernommen; bitte prüfen und bei Bedarf eines löschen.',
  },
  adopted: {
    register: 'Das Register „{{name}}“ gab es schon in Tutti; damit verknüpft.',
    registerFilled:
      'Das Register „{{name}}“ gab es schon in Tutti; damit verknüpft, leere Felder ergänzt.',
    registerNotFilled:
      'Das Register „{{name}}“ gab es schon in Tutti; damit verknüpft; leere Felder nicht ergänzt: {{reason}}.',
    instrument: 'Das Instrument {{number}} gab es schon in Tutti; damit verknüpft.',
    instrumentFilled:
      'Das Instrument {{number}} gab es schon in Tutti; damit verknüpft, leere Felder ergänzt.',
    instrumentNotFilled:
      'Das Instrument {{number}} gab es schon in Tutti; damit verknüpft; leere Felder nicht ergänzt: {{reason}}.',
  },
  reference: {
    registerMissing:
      'Register „{{value}}“ gibt es weder in der Datei noch in Tutti; Zuordnung weggelassen.',
    loanNoInstrument: 'Die Ausleihe nennt kein Instrument.',
    loanNoMember: 'Die Ausleihe nennt kein Mitglied.',
    honourNoMember: 'Die Ehrung nennt kein Mitglied.',
    instrumentMissing: 'Das Instrument „{{ref}}“ gibt es weder in der Datei noch in Tutti.',
    memberMissing:
      'Das Mitglied „{{ref}}“ gibt es weder in der Datei noch in Tutti (oder der Name ist mehrdeutig).',
    ambiguousMember:
      '„{{ref}}“ ist der Schlüssel von {{byKey}} in der Datei, aber die Mitgliedsnummer von {{byNumber}}; zugeordnet wurde {{byKey}} – bitte prüfen (in der Zuordnung lässt sich festlegen, was die Verweise meinen).',
    ambiguousInstrument:
      '„{{ref}}“ ist der Schlüssel von {{byKey}} in der Datei, aber die Inventarnummer von {{byNumber}}; zugeordnet wurde {{byKey}} – bitte prüfen (in der Zuordnung lässt sich festlegen, was die Verweise meinen).',
  },
  loan: {
    closedEarlier:
      'Das Instrument war laut Quelle noch seit {{since}} ausgeliehen; jene Ausleihe gilt als am {{on}} zurückgegeben.',
    twoOpen:
      'Zwei offene Ausleihen desselben Instruments: diese gilt als am {{on}} zurückgegeben (Beginn der späteren).',
    borrowerUnknown:
      'Ausgeliehen an „{{borrower}}“: dieses Mitglied gibt es weder in der Datei noch in Tutti (oder der Name ist mehrdeutig); keine Ausleihe angelegt.',
    otherHolder:
      'Laut Quelle an „{{borrower}}“ ausgeliehen, in Tutti an {{holder}} (seit {{since}}); nichts geändert – bitte prüfen.',
    otherHolderUnknown:
      'Laut Quelle an „{{borrower}}“ ausgeliehen, in Tutti an ein anderes Mitglied (seit {{since}}); nichts geändert – bitte prüfen.',
    notCreated: 'Ausleihe nicht angelegt: {{reason}}',
    createdWithoutDate:
      'Ausleihe an „{{borrower}}“ angelegt; das Ausgabedatum ist unbekannt, der Importtag wurde eingetragen.',
  },
  repair: {
    shortened: '{{field}} „{{value}}“ auf {{max}} Zeichen gekürzt. {{where}}',
    shortenedHidden: '{{field}} auf {{max}} Zeichen gekürzt. {{where}}',
    notTaken: '{{field}} „{{value}}“ nicht übernommen: {{reason}} {{where}}',
    notTakenHidden: '{{field}} nicht übernommen: {{reason}} {{where}}',
    review: '{{field}} „{{value}}“: {{reason}} So übernommen und zur Prüfung markiert.',
    reviewHidden: '{{field}}: {{reason}} So übernommen und zur Prüfung markiert.',
    refused: '{{field}}: {{reason}}',
    and: '{{first}} {{rest}}',
    failed: 'Die Zeile ließ sich nicht speichern.',
    where: {
      keptAside: 'Vollständig unter „Weitere Angaben aus dem Import“ aufbewahrt.',
      onlySource:
        'Der Wert steht nur in der Quelldatei (Ihre Rolle darf ihn nicht beim Datensatz aufbewahren).',
      inNotes: 'Vollständig in der Bemerkung.',
      intoNotes: 'In die Bemerkung übernommen.',
      notesFullKeptAside:
        'Die Bemerkung ist voll: vollständig unter „Weitere Angaben aus dem Import“ aufbewahrt.',
      notesFullOnlySource: 'Die Bemerkung ist voll: der Wert steht nur in der Quelldatei.',
    },
  },
  label: {
    row: 'Zeile',
    named: '{{name}}',
    loan: '{{instrument}} an {{member}}',
    loanWithKey: '{{rowKey}}, {{instrument}} an {{member}}',
    honour: '{{kind}} für {{member}}',
    honourWithKey: '{{rowKey}}, {{kind}} für {{member}}',
  },
  report: {
    titlePreview: 'Tutti – Vorschau des Imports (nichts wurde gespeichert)',
    title: 'Tutti – Bericht über den Import',
    file: 'Datei: {{name}}',
    at: 'Zeitpunkt: {{at}}, Dauer {{seconds}} s',
    safetyMade: 'Sicherung vor dem Import: {{at}} im Sicherungsordner, {{days}} Tage aufbewahrt.',
    safetyNotConfigured:
      'Keine Sicherung vor dem Import: Die Datensicherung ist nicht eingerichtet.',
    role: 'Ihre Rolle („{{role}}“)',
    roleUnnamed: 'Ihre Rolle',
    tableNotAllowed:
      '{{role}} darf keine {{entity}} anlegen oder ändern: {{table}} ({{rows}} Zeilen) nicht übernommen.',
    withheld:
      '{{role}} darf keine Bankdaten, Geburtsdaten und Beitragsbefreiungen ändern: nicht übernommen {{columns}}.',
    withheldLater:
      'Ein Import derselben Datei durch einen Administrator auf diesem Gerät ergänzt später genau diese Felder.',
    unmapped: 'Nicht übernommen (Spalten ohne Zuordnung): {{columns}}.',
    unmappedExplain:
      'Ihre Werte stehen bei jedem Datensatz unter „Weitere Angaben aus dem Import“; bei Mitgliedern nur für Rollen mit Zugriff auf Bankdaten und Geburtsdaten sichtbar. Ordnen Sie die Spalten zu oder lassen Sie sie ausdrücklich aus (Zuordnungsdatei: "ignore").',
    table:
      '{{source}} → {{entity}}: {{rows}} Zeilen = {{created}} neu + {{updated}} aktualisiert + {{unchanged}} unverändert + {{skipped}} nicht übernommen{{loans}}',
    loans: ', dazu {{loans}} Ausleihen aus der Spalte „ausgeliehen an“',
    columns: 'Spalten: {{columns}}',
    cleaned: 'bereinigt: {{what}} ({{times}}×)',
    ignoredTable: '{{source}}: {{rows}} Zeilen – Tabelle nicht zugeordnet, nicht importiert',
    fate: {
      withheld: '{{column}} → nicht übernommen (Ihre Rolle darf es nicht ändern)',
      field: '{{column}} → {{field}}',
      key: '{{column}} → Schlüssel (erkennt die Zeile beim erneuten Import)',
      ignored: '{{column}} → bewusst ausgelassen',
      kept: '{{column}} → ohne Zuordnung, beim Datensatz aufbewahrt',
    },
    level: {
      skipped: 'Nicht übernommen: {{count}}',
      duplicate: 'Mögliche Duplikate (nicht zusammengeführt, bitte prüfen): {{count}}',
      warning: 'Hinweise (übernommen, bitte prüfen): {{count}}',
    },
    line: '{{source}}, Zeile {{row}} ({{label}}): {{text}}',
  },
};
