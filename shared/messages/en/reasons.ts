import type { reasons as de } from '../de/reasons.ts';
import type { Texts } from '../textTypes.ts';

export const reasons: Texts<typeof de> = {
  unknown: 'The club server refused this change.',
  sync: {
    clockAhead:
      'The clock of the device this change was made on was {{minutes}} minutes ahead. Please set the computer’s date and time right, then send the change again.',
    rejected: {
      validation: 'The change contains values that are not valid.',
      bad_request: 'The change is malformed.',
      forbidden: 'Your role may not make this change.',
      not_found: 'The server does not have this record (or you may not see it).',
      conflict: 'The change contradicts a rule of the club.',
      unavailable: 'The club server was not ready.',
      internal: 'Internal error of the server.',
      locked: 'Locked.',
    },
  },
  rules: {
    registerNameTaken: 'A section named “{{value}}” exists already.',
    inventoryNumberTaken: 'The inventory number {{value}} is taken already.',
    inventoryNumberTakenBy: 'The inventory number {{value}} is taken already ({{other}}).',
    referenceGone: 'A linked record no longer exists.',
    reference: {
      registerIds: 'An assigned section no longer exists.',
      householdId: 'The household member does not exist.',
      leaderIds: 'A section leader is not a (current) member.',
      registerId: 'The section no longer exists.',
      instrumentId: 'The instrument does not exist.',
      memberId: 'The member does not exist.',
      eventId: 'The event does not exist.',
      chairId: 'The member chosen as chair does not exist (any more).',
      conductorIds: 'A conductor is not a (current) member.',
      youthLeaderId: 'The member chosen as youth leader does not exist (any more).',
    },
    ownHousehold: 'A member cannot be their own household.',
    instrumentOnLoan:
      'This instrument is already on loan to {{borrower}} (since {{since}}). Please record its return first.',
    deleteInstrumentOnLoan:
      'The instrument is on loan to {{borrower}}. Please record its return first.',
    deleteMemberWithLoans_one:
      'The member still has an instrument on loan. Please record its return first.',
    deleteMemberWithLoans_other:
      'The member still has {{count}} instruments on loan. Please record their return first.',
  },
};
