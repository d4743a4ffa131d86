import type { core as de } from '../de/core.ts';
import type { Texts } from '../textTypes.ts';

export const core: Texts<typeof de> = {
  recordNotFound: 'The record was not found. Perhaps it was deleted meanwhile.',
  checkFields: 'Please check the highlighted fields.',
  recordTooLarge:
    'The record is too large to sync with the club server ({{kb}} KB, at most {{maxKb}} KB). Please shorten the notes or the kept values.',
  clubNotDeletable: 'The club’s details can be changed but not deleted.',
  deletedMember: 'a deleted member',
  importRunning: 'An import is running; please wait until it ends.',
  restoreRunning:
    'A backup is being restored. What you entered is still there – please save again once the restore has ended.',
  internal: 'Internal error. The details are in the log.',
  export: {
    deleted: '(deleted)',
    yes: 'yes',
    no: 'no',
    inEuro: '{{label}} (EUR)',
    memberCount: 'Members',
    pageOf: 'Page {{page}} of {{pages}}',
    madeOn: 'As of {{date}}',
    notes: 'Notes',
    notAllowed: 'Your role may not read this list.',
    unknownField: 'Unknown column “{{field}}”.',
    undrawable:
      'The PDF’s fonts cannot show these characters; they are missing from the printout (Excel and CSV hold them): {{characters}}',
    labels: 'Address labels',
    letters: 'Serial letter',
    noAddress: 'None of the members has a postal address (street and town).',
    unknownLabelFormat: 'Tutti does not know this label format.',
    startOutside:
      'A sheet has {{labels}} labels: please give a start position from 1 to {{labels}}.',
    unknownLetterField: 'These fields do not exist: {{fields}}. Possible are: {{possible}}.',
    rowCount_one: '1 entry',
    rowCount_other: '{{count}} entries',
  },
  host: {
    restarting:
      'The program core is restarting. What you entered is still there – please try again in a few seconds.',
    crashed:
      'The program core was interrupted before it could answer. What you entered is still there; whether the change was already saved shows in the list once it runs again.',
    stopping: 'Tutti is shutting down.',
    openTimeout:
      'The program core could not open the profile within {{seconds}} seconds. Is the profile’s drive reachable?',
    failedToStart: 'The program core could not be started ({{code}}).',
  },
  rpc: {
    badRequest: 'Invalid request.',
    unknownMethod: 'Unknown function “{{method}}”.',
    badArguments: 'Invalid arguments ({{where}}).',
    foreignSender: 'Request from a foreign source refused.',
    tooLarge: 'Request too large.',
    onlyGet: 'GET only.',
    tooManyStreams: 'Too many open event connections; please connect again later.',
    onlyPost: 'POST only.',
    foreignOrigin: 'Foreign origin.',
    notJson: 'Invalid JSON.',
    noAccess:
      'No access: please open Tutti with the address with the access key that was shown in the terminal when it started.',
  },
  profile: {
    notWritable:
      'No write access to the profile folder {{dir}}. Please check the permissions or choose another folder with --profile.',
    keyFileMissing:
      'The key file {{keyFile}} for the database {{database}} is missing. Without it the database cannot be opened – please restore from a backup.',
    notFound:
      'There is no Tutti profile in the folder {{dir}}. Please check the path given with --profile.',
    fromFuture:
      'This database comes from a newer version of Tutti (schema {{version}}). Please update Tutti.',
    notMigrated: 'The database is not up to date yet. Please start Tutti once, then export again.',
    inUse: 'This profile is open already. Please use or close the other Tutti window.',
    inUseBy:
      'This profile is open already (Tutti process {{pid}}). Please use or close the other Tutti window.',
  },
  connection: {
    unreachable:
      'The club server cannot be reached ({{code}}). Please check the address and the network.',
    offline: 'No connection to the club server.',
    offlineCode: 'No connection to the club server ({{code}}).',
    cut: 'The connection to the club server broke off before its answer was complete.',
    cutCode: 'The connection to the club server broke off ({{code}}).',
    tooLarge: 'The club server’s answer is too large (more than {{mb}} MB).',
    deadline: 'The club server did not answer completely within {{seconds}} seconds.',
    idle: 'The connection to the club server stalls: nothing arrived for {{seconds}} seconds.',
    aborted: 'The sync was cancelled because Tutti is closing.',
    serverSaid: '{{text}}',
    httpStatus: 'The server answered with HTTP {{status}}.',
  },
  enrol: {
    alreadyConnected: 'This profile is connected with a club server already.',
    checkAddress: 'Please check the address.',
    addressFormat:
      'The address starts with https:// and names the server, e.g. https://club.example:8443',
    badCode:
      'This is not a Tutti enrolment code. Please paste the whole code as the club’s IT officer sent it.',
    notTrusted:
      'The server does not identify itself with the certificate the enrolment code expects. Nothing was sent. Please check the server address and the code.',
    refused: 'The enrolment was refused: {{reason}}',
  },
  sync: {
    notConnected:
      'This profile is not connected with a club server: first tutti enroll --server URL --code CODE.',
    failed: '{{step}}: {{problem}}',
    step: {
      renew: 'Renewing the device certificate',
      pull: 'Fetching the changes',
      push: 'Sending the changes',
      realign: 'Realigning after the restore',
    },
    answerMismatch:
      'The server’s answer does not fit the sync protocol ({{where}}). Please bring Tutti and the server to the same version.',
    cursorBack:
      'The server went back behind the known state ({{cursor}} instead of from {{from}}).',
    outOfOrder: 'The server sent changes out of order (version {{version}}).',
    offlineSaved: '{{reason}} Changes are saved and sent later.',
    entryDone: 'This entry has been dealt with already.',
    rejectionDone: 'This rejection has been dealt with already.',
  },
};
