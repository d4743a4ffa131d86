/**
 * The import fields' names in the wizard: German from the shared target list, English here
 * (the second language), by field and kind of record.
 */
import type { ImportEntity, ImportTarget } from '../../../shared/import/targets.ts';

const ENGLISH: Record<string, string> = {
  'registers.name': 'Register name',
  'registers.sortOrder': 'Order',
  'members.memberNumber': 'Member number',
  'members.salutation': 'Salutation',
  'members.title': 'Title',
  'members.firstName': 'First name',
  'members.lastName': 'Last name',
  'members.street': 'Street (with or without house number)',
  'members.houseNumber': 'House number (appended to the street)',
  'members.postalCode': 'Postcode',
  'members.city': 'City',
  'members.country': 'Country',
  'members.phone': 'Phone',
  'members.mobile': 'Mobile',
  'members.email': 'E-mail',
  'members.birthDate': 'Date of birth',
  'members.entryDate': 'Joined',
  'members.exitDate': 'Left',
  'members.status': 'Status',
  'members.active': 'Active (yes/no)',
  'members.register': 'Register (name or number)',
  'members.mainInstrument': 'Instrument',
  'members.iban': 'IBAN',
  'members.bic': 'BIC',
  'members.accountHolder': 'Account holder',
  'members.sepaMandateReference': 'Mandate reference',
  'members.sepaMandateDate': 'Mandate date',
  'members.feeExempt': 'Fee exempt',
  'members.notes': 'Notes',
  'instruments.inventoryNumber': 'Inventory number',
  'instruments.kind': 'Kind of instrument',
  'instruments.maker': 'Maker',
  'instruments.model': 'Model',
  'instruments.serialNumber': 'Serial number',
  'instruments.purchaseDate': 'Purchase date',
  'instruments.purchasePrice': 'Purchase price (euros)',
  'instruments.condition': 'Condition',
  'instruments.location': 'Location',
  'instruments.register': 'Register (name or number)',
  'instruments.borrower': 'Lent to (member)',
  'instruments.loanedSince': 'Lent since',
  'instruments.notes': 'Notes',
  'loans.instrument': 'Instrument (inventory number)',
  'loans.member': 'Member (number or name)',
  'loans.issuedOn': 'Issued',
  'loans.dueOn': 'Due',
  'loans.returnedOn': 'Returned',
  'loans.notes': 'Notes',
  'honours.member': 'Member (number or name)',
  'honours.kind': 'Kind of honour',
  'honours.date': 'Date',
  'honours.federation': 'Federation',
  'honours.notes': 'Notes',
};

export function targetLabel(language: string, entity: ImportEntity, target: ImportTarget): string {
  if (language.startsWith('en')) return ENGLISH[`${entity}.${target.field}`] ?? target.label;
  return target.label;
}
