import type { importTexts as de } from '../de/importTexts.ts';
import type { Texts } from '../textTypes.ts';

export const importTexts: Texts<typeof de> = {
  running: 'An import is running; please wait until it has finished.',
  noFile: 'Please choose a file first.',
  cancelled: 'The preview was cancelled. The file stays open; the preview can be started again.',
  runNotCancellable:
    'A running import cannot be cancelled: it is already writing into the data. Please wait until it has finished.',
  noTable: 'No table is mapped; please give at least one of them a kind of record.',
  aborted:
    'The import stopped after {{done}} of {{total}} steps ({{detail}}). What was taken until then stays saved; importing the same file again adds the rest without creating anything twice.',
  rightsUnknown:
    'Tutti does not know your role’s rights yet: please sync with the club server once first (“Sync now” or “tutti sync”), then import.',
  file: {
    empty: 'The file {{name}} is empty.',
    tooLarge: 'The file {{name}} is larger than {{megabytes}} MB; that is not a club database.',
    oldExcel: 'Please save old Excel files (.xls) in Excel as .xlsx or as CSV and import those.',
    unsupported:
      'Tutti cannot import files like {{name}}. Possible are Access (.mdb, .accdb), Excel (.xlsx) and CSV.',
    notAccess: 'The file is not an Access database (.mdb/.accdb), or it is damaged.',
    passwordNeeded:
      'The Access database is protected by a password. Please enter the database password.',
    wrongPassword:
      'The password of the Access database is wrong. Please check the database password (upper and lower case matter).',
    accessDamaged:
      'The Access database is damaged or incomplete and cannot be read ({{detail}}). Please use an undamaged copy, e.g. after “Compact and Repair” in Access.',
    csvUnterminated: 'The CSV file ends inside a field in quotes; it is incomplete or damaged.',
    notText: 'The file is not a text file (CSV); please save it as CSV or .xlsx.',
    csvEmpty: 'The CSV file is empty.',
    workbookEmpty: 'The Excel file has no sheet with data.',
    workbookDamaged:
      'The Excel file is damaged or not an .xlsx file (please save older .xls files in Excel as .xlsx).',
    workbookTooLarge:
      'Unpacked, the Excel file would be larger than {{megabytes}} MB – more than Tutti can read. Please save only the sheets with the club data as CSV and import those.',
  },
  note: {
    columnNotRead:
      'Table “{{table}}”: column “{{column}}” ({{type}}, e.g. pictures or attachments) is not read.',
    csvSemicolon: 'CSV read as {{encoding}}, separated by semicolons.',
    csvComma: 'CSV read as {{encoding}}, separated by commas.',
    csvTab: 'CSV read as {{encoding}}, separated by tabs.',
    workbook_one: 'Excel file with {{count}} sheet read.',
    workbook_other: 'Excel file with {{count}} sheets read.',
  },
  mapping: {
    notJson: 'The mapping file is not valid JSON.',
    notMapping: 'The mapping file is not a Tutti mapping ({{path}}: {{issue}}).',
    notMappingFile: 'The mapping file is not a Tutti mapping (file: {{issue}}).',
    unknownTable: 'The mapping names the table “{{table}}”, which the file does not have.',
    unknownColumn: 'The mapping names the column “{{column}}”, which “{{table}}” does not have.',
    unknownField: '“{{table}}”: this kind of record has no field “{{name}}” (column “{{column}}”).',
    fieldTwice: '“{{table}}”: the field “{{name}}” is mapped to several columns.',
  },
  cleaned: {
    whitespace: 'Spaces at the beginning or end removed',
    email: 'E-mail address unified (lower case, without “mailto:”)',
    iban: 'IBAN/BIC without spaces and in capitals',
    dateTime: 'Time of day left out of a date',
    dateText: 'Date read from text',
    salutation: 'Salutation unified',
    status: 'Status unified',
    condition: 'Condition unified (“{{value}}” → “{{condition}}”)',
    money: 'Amount read from text',
    flag: 'Yes/no value read',
    country: 'Country written as country code',
    statusMissing: 'Status missing: “active” assumed',
  },
  cell: {
    dateInvalid: '{{field}} “{{value}}” is not a valid date; taken into the notes.',
    dateInvalidSensitive: '{{field}} is not a valid date; kept under “More from the import”.',
    before1900: '{{field}} {{date}} is before 1900 – please check.',
    before1900Sensitive: '{{field}} is before 1900 – please check.',
    future: '{{field}} {{date}} is in the future – please check.',
    futureSensitive: '{{field}} is in the future – please check.',
    notAmount: '{{field}} “{{value}}” is not an amount; taken into the notes.',
    negative: '{{field}} {{value}} is negative; taken into the notes.',
    rounded: '{{field}} {{value}} rounded to whole cents.',
    emailReview:
      '{{field}} “{{value}}” is not a valid e-mail address; taken as it is and marked for review.',
    emailNotTaken: '{{field}} “{{value}}” is not a valid e-mail address; taken into the notes.',
    ibanReview: '{{reason}} Taken as it is and marked for review.',
    ibanNotTaken: '{{field}}: {{reason}} Kept under “More from the import”.',
    bicReview: '{{field}} is invalid; taken as it is and marked for review.',
    bicNotTaken: '{{field}} is invalid; kept under “More from the import”.',
    phoneNumberOnly: '{{field}} “{{value}}”: only the number taken, the text is in the notes.',
    phoneNotTaken: '{{field}} “{{value}}” is not a phone number; taken into the notes.',
    flagInvalid: '{{field}} “{{value}}” is neither yes nor no; taken into the notes.',
    flagInvalidSensitive: '{{field}} is neither yes nor no; kept under “More from the import”.',
    notInteger: '{{field}} “{{value}}” is not a whole number; left out.',
    salutationUnknown:
      '{{field}} “{{value}}” is not a salutation from the list; taken into the notes.',
    unknown: '{{field}} “{{value}}” is unknown; taken into the notes.',
    countryUnknown: '{{field}} “{{value}}” is not a known country; taken into the notes.',
  },
  row: {
    notesTooLong:
      'The notes are longer than {{max}} characters; the rest is under “More from the import”.',
    notesTooLongWithheld:
      'The notes are longer than {{max}} characters; the rest is only in the source file (your role may not keep it with the member).',
    charactersDropped_one:
      '{{count}} character could not be kept with the record any more (too many or too long values); it is only in the source file.',
    charactersDropped_other:
      '{{count}} characters could not be kept with the record any more (too many or too long values); they are only in the source file.',
    ibanFromAccountColumn: 'IBAN taken from the account number column; please check.',
    noIbanComputed:
      'Account number without bank code (or invalid): no IBAN computed; kept under “More from the import”.',
    ibanComputed:
      'IBAN computed from bank code and account number; marked for review (some banks compute it differently).',
    mandateWithoutIban:
      'Mandate reference without a valid IBAN; taken as it is and marked for review.',
    postalCode:
      'Postcode “{{postalCode}}” does not fit the country {{country}}; taken as it is and marked for review (for Austria or Switzerland please enter the country).',
    entryBeforeBirth:
      'Joined on {{entry}}, before the date of birth; taken as it is and marked for review.',
    exitBeforeEntry:
      'Left on {{exit}}, before joining on {{entry}}; taken as it is and marked for review.',
    activeYesContradicts:
      'Active “yes” contradicts the status “{{status}}”; the status applies, “Active” is in the notes.',
    activeNoContradicts:
      'Active “no” contradicts the status “{{status}}”; the status applies, “Active” is in the notes.',
    exitedWithoutDate:
      'Status “former member” without a leaving date: taken as “non-playing”; please add the leaving date.',
    keyEmpty: 'The key column “{{column}}” is empty.',
    keysEmpty: 'The key columns {{columns}} are empty.',
    requiredMissing: 'Required details are missing (name, inventory number, member, date …).',
    sameKey: 'Same key as row {{row}}; the row is in the source twice.',
    notesFull: 'The notes are full: what the fields could not take is only in the source file.',
    deletedInTutti:
      'The record from an earlier import was deleted in Tutti; it is not created again.',
  },
  duplicate: {
    ofRow:
      'Same name and date of birth as row {{row}} ({{label}}). Both were taken; please check and delete one if needed.',
    ofMember:
      'Same name and date of birth as the existing member {{name}}. Both were taken; please check and delete one if needed.',
  },
  adopted: {
    register: 'The section “{{name}}” was already in Tutti; linked with it.',
    registerFilled:
      'The section “{{name}}” was already in Tutti; linked with it, empty fields filled in.',
    registerNotFilled:
      'The section “{{name}}” was already in Tutti; linked with it; empty fields not filled in: {{reason}}.',
    instrument: 'The instrument {{number}} was already in Tutti; linked with it.',
    instrumentFilled:
      'The instrument {{number}} was already in Tutti; linked with it, empty fields filled in.',
    instrumentNotFilled:
      'The instrument {{number}} was already in Tutti; linked with it; empty fields not filled in: {{reason}}.',
  },
  reference: {
    registerMissing:
      'Section “{{value}}” is neither in the file nor in Tutti; assignment left out.',
    loanNoInstrument: 'The loan names no instrument.',
    loanNoMember: 'The loan names no member.',
    honourNoMember: 'The honour names no member.',
    instrumentMissing: 'The instrument “{{ref}}” is neither in the file nor in Tutti.',
    memberMissing:
      'The member “{{ref}}” is neither in the file nor in Tutti (or the name is ambiguous).',
    ambiguousMember:
      '“{{ref}}” is the key of {{byKey}} in the file, but the member number of {{byNumber}}; {{byKey}} was assigned – please check (the mapping can say what the references mean).',
    ambiguousInstrument:
      '“{{ref}}” is the key of {{byKey}} in the file, but the inventory number of {{byNumber}}; {{byKey}} was assigned – please check (the mapping can say what the references mean).',
  },
  loan: {
    closedEarlier:
      'According to the source the instrument was still on loan since {{since}}; that loan counts as returned on {{on}}.',
    twoOpen:
      'Two open loans of the same instrument: this one counts as returned on {{on}} (when the later one began).',
    borrowerUnknown:
      'Lent to “{{borrower}}”: this member is neither in the file nor in Tutti (or the name is ambiguous); no loan created.',
    otherHolder:
      'Lent to “{{borrower}}” according to the source, in Tutti to {{holder}} (since {{since}}); nothing changed – please check.',
    otherHolderUnknown:
      'Lent to “{{borrower}}” according to the source, in Tutti to another member (since {{since}}); nothing changed – please check.',
    notCreated: 'Loan not created: {{reason}}',
    createdWithoutDate:
      'Loan to “{{borrower}}” created; the issue date is unknown, the day of the import was entered.',
  },
  repair: {
    shortened: '{{field}} “{{value}}” shortened to {{max}} characters. {{where}}',
    shortenedHidden: '{{field}} shortened to {{max}} characters. {{where}}',
    notTaken: '{{field}} “{{value}}” not taken: {{reason}} {{where}}',
    notTakenHidden: '{{field}} not taken: {{reason}} {{where}}',
    review: '{{field}} “{{value}}”: {{reason}} Taken as it is and marked for review.',
    reviewHidden: '{{field}}: {{reason}} Taken as it is and marked for review.',
    refused: '{{field}}: {{reason}}',
    and: '{{first}} {{rest}}',
    failed: 'The row could not be saved.',
    where: {
      keptAside: 'Kept in full under “More from the import”.',
      onlySource:
        'The value is only in the source file (your role may not keep it with the record).',
      inNotes: 'In full in the notes.',
      intoNotes: 'Taken into the notes.',
      notesFullKeptAside: 'The notes are full: kept in full under “More from the import”.',
      notesFullOnlySource: 'The notes are full: the value is only in the source file.',
    },
  },
  label: {
    row: 'row',
    named: '{{name}}',
    loan: '{{instrument}} to {{member}}',
    loanWithKey: '{{rowKey}}, {{instrument}} to {{member}}',
    honour: '{{kind}} for {{member}}',
    honourWithKey: '{{rowKey}}, {{kind}} for {{member}}',
  },
  report: {
    titlePreview: 'Tutti – preview of the import (nothing was saved)',
    title: 'Tutti – report on the import',
    file: 'File: {{name}}',
    at: 'Time: {{at}}, took {{seconds}} s',
    safetyMade: 'Backup before the import: {{at}} in the backup folder, kept for {{days}} days.',
    safetyNotConfigured: 'No backup before the import: backups are not set up.',
    role: 'Your role (“{{role}}”)',
    roleUnnamed: 'Your role',
    tableNotAllowed:
      '{{role}} may not create or change {{entity}}: {{table}} ({{rows}} rows) not taken.',
    withheld:
      '{{role}} may not change bank data, birth dates or fee exemptions: not taken {{columns}}.',
    withheldLater:
      'Importing the same file as an administrator on this device later fills exactly these fields.',
    unmapped: 'Not taken (columns without a field): {{columns}}.',
    unmappedExplain:
      'Their values are kept with each record under “More from the import”; for members only roles with access to bank data and birth dates see them. Assign the columns to a field or leave them out on purpose (mapping file: "ignore").',
    table:
      '{{source}} → {{entity}}: {{rows}} rows = {{created}} new + {{updated}} updated + {{unchanged}} unchanged + {{skipped}} not taken{{loans}}',
    loans: ', and {{loans}} loans from the column “lent to”',
    columns: 'Columns: {{columns}}',
    cleaned: 'cleaned: {{what}} ({{times}}×)',
    ignoredTable: '{{source}}: {{rows}} rows – table not mapped, not imported',
    fate: {
      withheld: '{{column}} → not taken (your role may not change it)',
      field: '{{column}} → {{field}}',
      key: '{{column}} → key (recognises the row when importing again)',
      ignored: '{{column}} → left out on purpose',
      kept: '{{column}} → no field, kept with the record',
    },
    level: {
      skipped: 'Not taken: {{count}}',
      duplicate: 'Possible duplicates (not merged, please check): {{count}}',
      warning: 'Notes (taken, please check): {{count}}',
    },
    line: '{{source}}, row {{row}} ({{label}}): {{text}}',
  },
};
