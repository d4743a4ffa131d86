import type { ListExportEntity } from '../api/export.ts';

/**
 * The columns a printed list shows when nobody chose any: what fits a page and a person asks
 * for (a member list with address and how to reach them, not bank data or consents).
 */
export const PRINT_FIELDS: Record<ListExportEntity, readonly string[] | null> = {
  members: [
    'memberNumber',
    'lastName',
    'firstName',
    'street',
    'postalCode',
    'city',
    'birthDate',
    'phone',
    'mobile',
    'email',
    'status',
    'registerIds',
  ],
  instruments: [
    'inventoryNumber',
    'kind',
    'maker',
    'model',
    'serialNumber',
    'condition',
    'location',
    'registerId',
  ],
  loans: null,
  registers: null,
  events: null,
  honours: null,
};
