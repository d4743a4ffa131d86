import type { cli as de } from '../de/cli.ts';
import type { Texts } from '../textTypes.ts';

export const cli: Texts<typeof de> = {
  usage: `Tutti – club administration

Usage:
  tutti start [--profile FOLDER] [--browser] [--port N]
      Starts Tutti. Without Electron (or with --browser) in the browser at 127.0.0.1.
  tutti export members|registers|instruments|loans|events --profile FOLDER
               --format csv|json|xlsx|pdf [--out FILE]
      Writes the profile's data as CSV (for Excel), JSON, an Excel workbook or a PDF to print
      (xlsx and pdf only with --out).
  tutti import FILE --profile FOLDER [--mapping FILE] [--dry-run]
               [--password PW | --password-file FILE] [--report FILE] [--save-mapping FILE]
      Takes over the data of the old program: Access (.mdb/.accdb), Excel (.xlsx) or CSV.
      Without --mapping the proposed mapping is used (--save-mapping writes it out for
      checking and adjusting). --dry-run only shows what would happen. Importing again
      creates nothing twice but updates what has changed in the source.
  tutti enroll --profile FOLDER --server https://HOST:PORT --code CODE
      Connects the profile with the club server (enrolment code from the club's IT officer).
  tutti sync --profile FOLDER [--batch N]
      Syncs once with the club server and says what was transferred
      (exit 3 when changes were rejected or conflicts arose).
  tutti report honours --year YYYY [--ceremony YYYY-MM-DD] --profile FOLDER
               [--format text|csv|xlsx|pdf] [--out FILE]
      The honours due in the year by the club's rules of honour; without --ceremony the
      years count to 31 December. When details are missing, the list says below what was
      not computed, and "Incomplete" is also said on stderr.
  tutti report staerkemeldung --year YYYY --profile FOLDER [--format text|csv|xlsx|pdf] [--out FILE]
      The annual membership report as of 1 January: counts by status, gender and age, and
      the active members. As CSV only the list of active members (name, date of birth,
      gender, instrument, active since), as federations ask for it. When something it needs
      is missing, it is not made (exit 1) and every gap is named.
  tutti report birthdays --from YYYY-MM-DD --to YYYY-MM-DD --profile FOLDER
               [--format text|csv|xlsx|pdf] [--out FILE]
      Round and half-round birthdays and membership anniversaries in the period, of members
      who consented to their publication.
      Without --out reports appear in the terminal; CSV (for Excel) with dates as YYYY-MM-DD;
      xlsx and pdf only with --out.
  tutti backup create --profile FOLDER --to TARGET_FOLDER [--passphrase-file FILE]
      Backs the profile up, encrypted, into the target folder (e.g. a USB stick) and
      clears out old generations (7 daily, 4 weekly, 12 monthly).
      The first time, the backup passphrase is set.
  tutti backup list --to FOLDER
      Shows the backups in the folder.
  tutti backup verify FILE [--key KEY_FILE] [--passphrase-file FILE]
      Checks a backup completely (decryption, checksum, database, counts).
  tutti backup restore FILE --profile FOLDER [--key KEY_FILE] [--passphrase-file FILE]
      Restores a backup into the profile; the previous database is kept.

  tutti --version
      Shows the version.

Tutti answers in English with --lang en (or when LANG or LC_ALL starts with “en”),
otherwise in German.
The profile's passphrase is asked for in the terminal or read from the file
named in the environment variable TUTTI_PASSPHRASE_FILE.
`,
  errorLine: 'Error: {{message}}',
  unknownCommand: 'Unknown command “{{command}}”. Help: tutti --help',
  date: '{{day}}/{{month}}/{{year}}',
  dateTime: '{{date}} {{hours}}:{{minutes}}',
  args: {
    unknownOption: 'Unknown or incomplete option {{option}}. Help: tutti --help',
    invalid: 'Invalid arguments. Help: tutti --help',
    profileMissing: 'Please name the profile folder with --profile FOLDER.',
  },
  files: {
    missing: '{{what}} {{path}} does not exist. Please check the path.',
    isFolder: '{{path}} is a folder, not a file. Please name the file.',
    unreadable: '{{what}} {{path}} cannot be read ({{code}}). Please check the permissions.',
    unwritable: 'The file {{path}} cannot be written. Please check the path and the permissions.',
    file: 'The file',
    mappingFile: 'The mapping file',
    passwordFile: 'The password file',
  },
  passphrase: {
    profile: 'Passphrase of the Tutti profile: ',
    newProfile: 'New profile – please choose a passphrase (at least {{min}} characters): ',
    tooShort: 'Too short: at least {{min}} characters, ideally several words.',
    again: '{{problem}} Please try again.',
    repeat: 'Repeat the passphrase: ',
    mismatch: 'The two entries do not match. Please try again.',
    backup: 'Backup passphrase: ',
    newBackup: 'New backup passphrase (at least {{min}} characters): ',
    strength: 'Strength: {{strength}}',
    strengths: {
      tooShort: 'too short',
      weak: 'weak',
      fair: 'fair',
      strong: 'strong',
    },
  },
  coreHost: {
    onlyAsChild: '`tutti core-host` is started by `tutti start`, not by hand.',
  },
  start: {
    badPort: 'Invalid port {{port}}: please give a number from 1 to 65535.',
    noElectron: 'Electron is not available here – Tutti starts in browser mode.',
    notBuilt:
      'The user interface has not been built yet. Please run `npm run build:renderer` (or `npm start`).',
    portInUse: 'Port {{port}} is already in use. Please choose another one with --port.',
    running:
      'Profile: {{profile}}\nTutti is running. Please open this address in the browser (Ctrl+C stops it):',
    stopped: 'Tutti has stopped.',
  },
  export: {
    what: 'What should be exported? Allowed: {{allowed}}.',
    format: 'Please give --format csv, json, xlsx or pdf.',
    outNeeded: '--format {{format}} writes a file: please give --out FILE.',
    done: '{{what}}: exported to {{path}}',
  },
  import: {
    oneFile: 'Please name exactly one file: tutti import FILE --profile FOLDER',
    badMapping: '{{problem}} ({{file}})',
    mappingMismatch: 'The mapping does not fit the file: {{problem}}',
    passwordNeeded: '{{problem}} (--password-file FILE)',
    mappingSaved: 'Mapping saved in {{path}}',
    fullReport: 'Full report: {{path}}',
  },
  enroll: {
    server: 'Please give the club server’s address with --server https://….',
    code: 'Please give the enrolment code with --code CODE.',
    unreachable:
      'The club server {{server}} cannot be reached ({{code}}). Please check the address and the network.',
    connected: 'Connected with {{url}}; certificate valid until {{until}}.',
  },
  sync: {
    unreachable: 'The club server cannot be reached ({{code}}).',
    batch: '--batch needs a whole number from 1 to 1000.',
    failed: '{{reason}} The changes stay saved and will be sent next time.',
    report:
      'Sent: {{pushed}}, rejected: {{rejected}}, received: {{pulled}}, conflicts: {{conflicts}}, removed: {{purged}}, still pending: {{pending}}',
    clockBehind_one:
      'Note: {{count}} received timestamp is more than 60 seconds ahead of this computer’s clock. Is the clock slow? Please check the date and time.',
    clockBehind_other:
      'Note: {{count}} received timestamps are more than 60 seconds ahead of this computer’s clock. Is the clock slow? Please check the date and time.',
  },
  backup: {
    action: 'Please give create, list, verify or restore. Help: tutti --help',
    targetMissing: 'Please name the target folder with --to FOLDER.',
    folderMissing: 'Please name the folder with --to FOLDER.',
    verifyFileMissing: 'Please name the backup file: tutti backup verify FILE',
    restoreFileMissing: 'Please name the backup file: tutti backup restore FILE --profile FOLDER',
    created_one: 'Backed up: {{path}} ({{count}} record, {{size}})',
    created_other: 'Backed up: {{path}} ({{count}} records, {{size}})',
    pruned_one: 'Removed by the retention rule: {{count}} older backup',
    pruned_other: 'Removed by the retention rule: {{count}} older backups',
    none: 'There are no Tutti backups in {{folder}}.',
    kinds: {
      automatic: 'automatic',
      manual: 'by hand',
      beforeImport: 'before an import',
      beforeRestore: 'before a restore',
    },
    keptUntil: '{{kind}}, kept until {{date}}',
    keyFileMissing:
      'Warning: {{keyFile}} is missing from this folder; without it the backups cannot be opened.',
    verified: 'OK: backup of {{date}}, Tutti {{version}}, schema {{schema}}; {{counts}}',
    restored: 'Restored: data as of {{date}}.',
    restoredOver: 'Restored: data as of {{date}}. The previous database is kept at {{previous}}.',
    safety: 'Backed up first (kept for 90 days): {{path}}',
    reconnect:
      'Backups hold no device key: if this club is on a club server, please connect the profile again with tutti enroll.',
  },
  report: {
    what: 'Which report? Allowed: {{allowed}}. Help: tutti --help',
    notFor: '{{option}} does not apply to tutti report {{report}}. Help: tutti --help',
    format: 'Please give --format text, csv, xlsx or pdf.',
    yearMissing: 'Please give the year with --year YYYY.',
    badYear: 'Invalid year “{{year}}”: please give four digits from 1900 to 2100.',
    badDate: 'Invalid date “{{date}}” for {{option}}: please give a day as YYYY-MM-DD.',
    ceremonyOutsideYear:
      'The ceremony date {{date}} is not in the year {{year}}. Please check --ceremony and --year.',
    periodMissing: 'Please give the period with --from YYYY-MM-DD --to YYYY-MM-DD.',
    fromAfterTo: 'The start {{from}} is after the end {{to}}. Please check --from and --to.',
    done: 'Report written to {{path}}',
    listItem: '  - {{item}}',
  },
};
