import type { server as de } from '../de/server.ts';
import type { Texts } from '../textTypes.ts';

export const server: Texts<typeof de> = {
  detail: '{{detail}}',
  ids: {
    club: 'The club ID “{{value}}” is not a valid ID.',
    user: 'The user ID “{{value}}” is not a valid ID.',
    register: 'The section ID “{{value}}” is not a valid ID.',
    member: 'The member ID “{{value}}” is not a valid ID.',
    record: 'The record ID “{{value}}” is not a valid ID.',
    staff: 'The staff member ID “{{value}}” is not a valid ID.',
  },
  http: {
    notJson: 'The request must be JSON (Content-Type: application/json).',
    tooLarge: 'The request is too large (at most {{limit}} bytes).',
    incomplete: 'The request arrived incomplete.',
    invalidJson: 'The request is not valid JSON.',
    invalidRequest: 'The request is invalid.',
    badAddress: 'The address of the request is invalid.',
    unknownAddress: 'The server does not know this address.',
    methodNotAllowed: 'This method is not allowed here.',
    badEncoding: 'The address is wrongly encoded.',
    internal: 'Internal server error. Please try again later.',
    noDeviceCertificate: 'No device certificate.',
    unknownEntity: 'There is no kind of data called “{{entity}}”.',
    cursorNotNumber: 'cursor must be a number.',
    expectedObject: 'A JSON object is expected.',
  },
  enrolment: {
    codeMissing: 'The enrolment code is missing.',
    csrMissing: 'The certificate signing request (CSR) is missing.',
    invalid: "The enrolment code is invalid. Please ask the club's IT officer for a new code.",
    expired: 'The enrolment code has expired (valid for 24 hours). Please ask for a new one.',
    used: 'This enrolment code has already been used. Each code is for exactly one device.',
    tooManyAttempts_one:
      'Too many invalid enrolment codes from this address. Please try again in one minute.',
    tooManyAttempts_other:
      'Too many invalid enrolment codes from this address. Please try again in {{count}} minutes.',
  },
  devices: {
    gone: 'This device has been revoked or its certificate has been replaced. Please enrol the device again.',
    goneRenew: 'This device has been revoked or its certificate has been replaced.',
    roleGone: 'The role “{{role}}” of this user no longer exists.',
    renewOnlyCurrent:
      'Only the current certificate of a device that is not revoked can be renewed.',
    invalidCsr:
      'The certificate signing request (CSR) is invalid: {{detail}}. Expected: PEM, ECDSA P-256, self-signed.',
    unknown: 'There is no device {{deviceId}}. List: tutti-server device list',
    onlyRunningServerSigns: 'Only the running server issues certificates.',
  },
  support: {
    clubHeader: 'Support requests name the club in the Tutti-Club header.',
    noConsent: 'The club has not granted support access, or the consent has expired.',
    hours: '--hours must be a whole number from 1 to {{max}}.',
    unknownStaff:
      'There is no support staff member {{staffId}}. List: tutti-server support staff-list',
  },
  records: {
    notVisible: 'This record does not exist (or you may not see it).',
    idMismatch: 'The ID in the record does not match the address.',
    invalid: 'The record is invalid.',
  },
  rights: {
    noRight: 'Your role may not make this change.',
    sensitiveFields: 'This role may not change bank details, date of birth or fee exemption.',
    noDelete: 'You do not have permission to delete this.',
  },
  sync: {
    gap: 'Changes from this device are missing: expected no. {{expected}}, received no. {{got}}.',
    deletedMember: 'a deleted member',
    clockAhead: {
      seconds_one:
        "The clock of the device this change was made on was one second fast. Please set the computer's date and time correctly and then send the change again.",
      seconds_other:
        "The clock of the device this change was made on was {{count}} seconds fast. Please set the computer's date and time correctly and then send the change again.",
      minutes_one:
        "The clock of the device this change was made on was one minute fast. Please set the computer's date and time correctly and then send the change again.",
      minutes_other:
        "The clock of the device this change was made on was {{count}} minutes fast. Please set the computer's date and time correctly and then send the change again.",
      hours_one:
        "The clock of the device this change was made on was one hour fast. Please set the computer's date and time correctly and then send the change again.",
      hours_other:
        "The clock of the device this change was made on was {{count}} hours fast. Please set the computer's date and time correctly and then send the change again.",
      days_one:
        "The clock of the device this change was made on was one day fast. Please set the computer's date and time correctly and then send the change again.",
      days_other:
        "The clock of the device this change was made on was {{count}} days fast. Please set the computer's date and time correctly and then send the change again.",
      years_one:
        "The clock of the device this change was made on was one year fast. Please set the computer's date and time correctly and then send the change again.",
      years_other:
        "The clock of the device this change was made on was {{count}} years fast. Please set the computer's date and time correctly and then send the change again.",
    },
  },
  clubs: {
    nameLength: 'Please give a club name of 1 to 200 characters.',
    unknown: 'There is no club with the ID {{clubId}}. List: tutti-server club list',
    gone: 'The club {{clubId}} does not exist.',
  },
  users: {
    nameLength: 'Please give a name of 1 to 200 characters.',
    unknown:
      'There is no user with the ID {{userId}} in this club. List: tutti-server user list --club {{clubId}}',
    unknownRole: 'There is no role “{{role}}”. Possible: {{known}}.',
    roleNeedsRegister: 'The role “{{role}}” needs at least one section (--register ID).',
    roleNeedsMember: "The role “{{role}}” needs the user's own member record (--member ID).",
  },
  roles: {
    invalidName: 'The role name “{{name}}” is invalid: 2–40 lower-case letters, digits or hyphens.',
    builtInName: '“{{name}}” is a built-in role; please choose another name.',
    builtInUnchangeable: '“{{name}}” is a built-in role; it cannot be changed.',
    needsGrant: 'A role needs at least one permission (--grant).',
    exists: 'The role “{{name}}” already exists in this club.',
    unknown: 'There is no role “{{name}}” in this club.',
  },
  adminPassword: {
    tooShort: 'The password is too short: at least {{min}} characters.',
    currentNeeded:
      'The club already has an administrator password; changing it needs the current one (--current-password-file).',
    notSet:
      'No administrator password has been set for this club yet: tutti-server club admin-password --club ID',
    lockedUntil:
      'The administrator password is locked after {{max}} failed attempts until {{until}}. Please try again after that.',
    nowLocked: 'The administrator password was wrong {{max}} times and is now locked for one hour.',
    wrong: 'The administrator password is wrong (failed attempt {{attempt}} of {{max}}).',
  },
  database: {
    bypassRls:
      'The database user needs the BYPASSRLS privilege (ALTER ROLE … BYPASSRLS) and must be allowed to create roles; please set this up in PostgreSQL.',
  },
  dataDirectory: {
    exists: '{{dir}} is already a Tutti server directory; it is left unchanged.',
    missing: '{{dir}} is not a Tutti server directory. First: tutti-server init --data {{dir}}',
    passphraseTooShort: 'The server passphrase is too short: at least {{min}} characters.',
    badHostname: '“{{name}}” is neither a valid host name nor an IP address.',
    wrongPassphrase: 'The server passphrase is wrong; the keys stay locked.',
  },
  lock: {
    pid: ' (PID {{pid}})',
    otherCommand:
      'Another tutti-server command{{pid}} is working with the data right now. Please wait a moment and try again.',
    serverRunning: 'The server is already running with this data{{pid}}.',
    serverNotAnswering:
      'The server{{pid}} has the data open but does not answer on the admin socket. Please check the server.',
  },
  admin: {
    invalidRequest: 'Invalid request.',
    unknownCommand: 'Unknown or incomplete command.',
    internal: 'Internal error; the details are in the server log.',
    refused: 'The server refused.',
    notAnswering:
      'The server no longer answers on the admin socket. Please check the server (its log) and restart it if need be.',
    garbled: 'The server gave an unintelligible answer on the admin socket.',
  },
  backup: {
    unavailable: 'Backups are not available here.',
    notConfigured:
      'No backup targets are set up for this server: tutti-server backup setup --target FOLDER --target FOLDER2',
    keyMissing: 'The backup key {{path}} is missing. Please run tutti-server backup setup.',
    wrongPassphrase: 'The server passphrase is wrong; the backup key stays locked.',
    systemError: '{{code}}: {{detail}}',
    targetFailed: 'Backup of {{clubId}} to {{target}} failed: {{problem}}',
    verifyFailed: 'Check of {{path}} failed: {{problem}}',
    notOfClub: '{{path}} is not a backup of the club {{clubId}}.',
    tooNew: 'The backup comes from a newer Tutti server. Please update first.',
    incomplete: 'The backup is incomplete: {{table}} holds {{count}} rows instead of {{expected}}.',
    noneYet: 'There is no backup of the club {{clubId}} yet.',
    none: 'There is no backup of the club {{clubId}}.',
    otherClub:
      "The backup does not belong to the club {{clubId}}. Please choose this club's backup.",
    restoreRefused_one:
      "The backup cannot be restored like this: 1 record breaks today's rules, {{entity}} {{id}}: {{reason}} Nothing has been changed.",
    restoreRefused_other:
      "The backup cannot be restored like this: {{count}} records break today's rules, e.g. {{entity}} {{id}}: {{reason}} Nothing has been changed.",
    fieldProblem: '{{field}}: {{problem}}',
  },
  invite: {
    subject: 'Tutti: your access to the web application of {{club}}',
    subjectReset: 'Tutti: new password for the web application of {{club}}',
    body: 'Hello {{name}},\n\nYou are invited to the web application of the club {{club}}. Please open this link and choose a login name and password:\n\n{{link}}\n\nThe link works once, until {{until}}. If you did not expect this e-mail, please contact the club’s IT officer.',
    bodyReset:
      'Hello {{name}},\n\nYour access to the web application of the club {{club}} was reset. Please open this link and choose a new password:\n\n{{link}}\n\nThe link works once, until {{until}}. Afterwards, please set up the authenticator app again.',
  },
  mail: {
    noAddress: 'Please give at least one address with --to.',
    invalidAddress: '“{{address}}” is not a valid e-mail address.',
    noRecipient:
      "Please give the club's age key with --recipient age1… (made with age-keygen); then only the club can open the backups.",
    invalidRecipient:
      '“{{recipient}}” is not an age recipient (age1…, 62 characters, from age-keygen).',
    noServer: 'No mail server is set up for backups by e-mail (tutti-server backup mail-server).',
    failed: 'The backup of {{club}} could not be sent by e-mail: {{problem}}',
    subject: 'Tutti: backup of {{club}} from {{date}}',
    subjectTooLarge: 'Tutti: backup of {{club}} from {{date}} too large for e-mail',
    body: "Attached is the backup of the club {{club}}, encrypted for the club's age key. Open it with:\n\n  age -d -i KEYFILE {{file}} | tar xz\n\nIt contains manifest.json and tutti.sqlite (an SQLite database).",
    bodyTooLarge:
      "The backup of the club {{club}} is {{size}}, larger than the {{limit}} allowed for e-mail, so it was not attached. The daily backups on the server carry on. Please arrange another way of handing it over with the server's operator.",
  },
  metrics: {
    tokenNeeded:
      'The metrics listener on {{host}} can be reached from elsewhere: please give --metrics-token-file FILE (a token, e.g. from openssl rand -hex 32) or leave --metrics-host at 127.0.0.1.',
  },
  monitor: {
    renewedRecently:
      'Location “{{name}}” renewed its certificate only just now; the next renewal is possible in an hour at the earliest.',
    badName:
      'The location name “{{name}}” does not fit: lower-case letters, digits and dashes, e.g. standort-a.',
    notCurrent:
      'The certificate of location “{{name}}” is no longer the valid one (renewed, revoked or unknown). Please issue a new one on the server with tutti-server monitor issue.',
    unknown: 'There is no monitoring location “{{name}}” (tutti-server monitor list).',
    badRequest: 'The certificate request is invalid (ECDSA P-256 expected).',
  },
  smsRelay: {
    sms: {
      critical: 'DOWN',
      warning: 'WARNING',
      resolved: 'RESOLVED',
      alerts_one: '1 alert',
      alerts_other: '{{count}} alerts',
    },
    unauthorized: 'The bearer token is missing or wrong.',
    notDelivered_one:
      'The SMS did not go out to 1 of {{total}} recipients; Alertmanager will try again later.',
    notDelivered_other:
      'The SMS did not go out to {{count}} of {{total}} recipients; Alertmanager will try again later.',
    config: {
      unreadable:
        'The SMS relay configuration {{file}} cannot be read ({{code}}). Please check the path and permissions.',
      notJson: 'The SMS relay configuration {{file}} is not valid JSON: {{detail}}',
      invalid: 'The SMS relay configuration {{file}} is wrong at {{field}}: {{problem}}',
      unknownField:
        'There is no such field; please check the spelling (template: deploy/monitoring/sms-relay.example.json).',
      listen: 'Expected an object with host and port.',
      host: 'Expected an IP address or a host name, e.g. 127.0.0.1.',
      port: 'Expected a port number from 0 to 65535 (usually 9097).',
      tokenFile: 'Expected the path of a file holding the bearer token.',
      tokenRequired:
        'The relay listens on {{host}}, not only on this machine: please give tokenFile, a file holding the token Alertmanager sends as its bearer token.',
      gateway: "Expected an object with at least url, the SMS gateway's address.",
      url: 'Expected an address starting with https:// or http://, with the placeholders {to} and {text} only in the path or the query, and without user and password (use authHeaderFile for those).',
      method: 'Expected POST, PUT or GET.',
      headers:
        'Expected an object of header names and values (ASCII only, without line breaks), e.g. "Content-Type": "application/json".',
      headerManaged: 'The relay sets this header itself; please leave it out.',
      body: 'Expected the request body as a string of at most 10000 characters.',
      bodyWithGet: 'A GET request has no body: please set method POST or leave the body out.',
      authHeaderFile:
        'Expected the path of a file holding one line “Name: value”, e.g. “Authorization: Bearer …”.',
      timeoutSeconds: 'Expected a whole number from 1 to 120 (seconds per attempt).',
      recipients: 'Expected a list of 1 to 20 phone numbers, e.g. ["+4917012345678"].',
      recipient:
        'Expected a phone number in international format (E.164) without spaces, e.g. +4917012345678.',
      recipientTwice: 'This phone number is already further up in the list.',
      language: 'Expected de or en.',
      maxLength: 'Expected a whole number from 40 to 1600 (characters; 160 fit in one SMS).',
      retries: 'Expected a whole number from 0 to 10 (retries after a failure).',
      placeholderMissing:
        'The placeholder {{placeholder}} must appear in url or body, or the gateway cannot know whom to send what.',
      unknownPlaceholder:
        'There is no placeholder {{placeholder}}. Allowed are {to} and {text}, in the body also {to:json}, {text:json}, {to:url} and {text:url}.',
      placeholderNotInUrl:
        'In the url, {to} and {text} are always URL-encoded; {{placeholder}} works only in the body.',
      fileUnreadable:
        'The file {{file}} cannot be read ({{code}}). Please check the path and permissions.',
      tokenFormat:
        'The file {{file}} must hold the token as one line without spaces, at least {{min}} characters (e.g. from openssl rand -hex 32).',
      headerFormat:
        'The file {{file}} must hold one line “Name: value”, e.g. “Authorization: Bearer …”.',
    },
  },
  cli: {
    usage: `tutti-server – Tutti's club server

Usage: tutti-server COMMAND --data DIR [options]

  init [--hostname NAME …] [--passphrase-file F] [--public-web-url https://NAME]
                      create the CA, the server certificate and the configuration
                      (default names: localhost, 127.0.0.1)
  start [--database-url postgres://…] [--web-port N] [--device-port N] [--host ADDRESS]
        [--passphrase-file F] [--public-web-url https://NAME]
        [--metrics-port N] [--metrics-host ADDRESS] [--metrics-token-file F]
                      start the server (PGlite in the directory, PostgreSQL with a URL);
                      Prometheus metrics on http://127.0.0.1:9469/metrics (elsewhere only
                      with a token, then over TLS); /healthz and /readyz on the web port
  club create NAME    create a club (last line: the club ID)
  club list
  club admin-password --club ID [--password-file F] [--current-password-file F]
  user add --club ID --name NAME --role ROLE [--register ID …] [--member ID]
                      roles: administrator, vorstand (board), kassier (treasurer),
                      registerfuehrer (section leader), instrumentenwart (instrument
                      keeper), mitglied (member) (last line: the user ID)
  user list --club ID
  user invite --club ID --user ID [--email ADDRESS]
                      invitation to the web application (72 h, once; last line: the link);
                      with --email and a configured mail server also by e-mail
  user reset-login --club ID --user ID [--email ADDRESS]
                      reset the password and second factor of the web access, end all
                      sessions (last line: the link for a new password)
  user update --club ID --user ID [--role ROLE] [--register ID …] [--member ID | --no-member]
                      change the role, sections or own member record; the user's devices
                      sync afresh and remove what the user may no longer see
  role add --club ID --name NAME [--label TEXT] --grant DATATYPE:ACTION[,ACTION]:SCOPE[:FIELDS] …
  role update --club ID --name NAME [--label TEXT] --grant … (replaces the permissions)
                      a role of the club's own, e.g. --grant members:read:ownRegisters:withoutSensitive
                      scopes: all, ownRegisters, ownRecord; fields: all, withoutSensitive
  role list --club ID
  enroll-code --club ID --user ID     enrolment code for a device (24 h, single use)
  enroll-code --support ID            … for a device of a support staff member
  device list [--club ID]
  device revoke DEVICE-ID
  support staff-add --name NAME | support staff-list
  support grant --club ID --hours N [--password-file F]
  support revoke --club ID           ends support access at once; needs no password
                      (not even while the administrator password is locked)
  audit --club ID [--since YYYY-MM-DD]
  monitor issue --name LOCATION --out FOLDER
                      client certificate of a monitoring location for the device listener's
                      TLS probe (client.key, client.crt, ca.crt; last line: the folder)
  monitor list | monitor revoke --name LOCATION
  monitor renew --cert-dir FOLDER --server HOST:PORT [--days-left 30]
                      on the monitoring host, daily: renews the certificate over the device
                      listener once fewer than 30 days remain (needs no --data)
  sms-relay --config FILE
                      Alertmanager's webhook to an SMS gateway (deploy/monitoring/)
  backup setup --target FOLDER --target FOLDER2 … [--recipient age1…] [--passphrase-file F]
                      set the backup targets (at least two, ideally on different disks);
                      creates the backup key, protected by the server passphrase
  backup mail-server --smtp-host HOST [--smtp-port N] [--tls] --from ADDRESS [--max-mb N]
                      mail server for backups by e-mail (attachments up to N MB, default 10)
  backup run [--club ID]              back up now (otherwise daily, by the running server)
  backup list --club ID               generations per target and current warnings
  backup verify --club ID [--file FILE] [--passphrase-file F]
                      check the newest generation on each target (or FILE) completely
  backup restore --club ID [--file FILE] [--passphrase-file F]
                      set a club back to its newest (or the given) backup;
                      the other clubs are left untouched
  backup mail --club ID --to ADDRESS … --recipient age1… … | backup mail --club ID --off
                      e-mail a backup after changes, encrypted for the club

Passwords and the server passphrase are asked for on the terminal or read from the given file
(the server passphrase also from the file named in TUTTI_SERVER_PASSPHRASE_FILE).
While the server runs, commands reach it through the admin socket in the data directory.
Language: --lang de for German (otherwise by LC_ALL, LC_MESSAGES or LANG; German by default).
`,
    missing: '{{what}} is missing. Help: tutti-server --help',
    what: {
      option: '{{option}} {{value}}',
      clubName: 'The club name',
      deviceId: 'The device ID',
    },
    placeholder: {
      id: 'ID',
      name: 'NAME',
      role: 'ROLE',
      number: 'N',
      dir: 'DIR',
      host: 'HOST',
      address: 'ADDRESS',
      file: 'FILE',
      hostPort: 'HOST:PORT',
    },
    unknownOption: 'Unknown or incomplete option {{option}}. Help: tutti-server --help',
    unknownCommand: 'Unknown command “{{command}}”. Help: tutti-server --help',
    portRange: '{{option}} expects a port number ({{min}}–65535).',
    portInUse:
      'Port {{port}} is already in use. Please choose a free one with --web-port, --device-port or --metrics-port.',
    portNotAllowed:
      'This user may not open port {{port}} (below 1024 only with privileges). Please choose a port from 1024 upwards.',
    unexpected: 'Unexpected error: {{detail}}',
    publicWebUrl:
      '--public-web-url expects an https address without a path, e.g. https://club.example.org, not “{{given}}”.',
    postgresNeedsUrl:
      'The server runs on PostgreSQL: please set TUTTI_DATABASE_URL (or give --database-url) or start the server.',
    init: {
      created: 'Server directory {{dir}} created for {{hostnames}}.',
      fingerprint: 'Fingerprint of the CA (SHA-256): {{fingerprint}}',
    },
    secret: {
      serverPassphrase: 'Server passphrase',
      adminPassword: "Club's administrator password",
      newAdminPassword: 'New administrator password',
      currentAdminPassword: 'Current administrator password',
      ask: '{{what}}: ',
      askAgain: '{{what}} again: ',
      unreadable: '{{what}}: the file {{path}} cannot be read.',
      noTerminal: 'No terminal to ask on: please give {{option}} FILE.',
      aborted: 'Cancelled.',
      mismatch: 'The two entries do not match.',
    },
    club: {
      created:
        'Club “{{name}}” created. Next step: tutti-server club admin-password --club {{clubId}}',
      passwordSet: 'Administrator password for “{{name}}” set.',
    },
    user: {
      added: 'User “{{name}}” ({{role}}) created.',
      updated:
        "User “{{name}}”: {{role}}, sections {{registers}}. The user's devices sync afresh at their next pull.",
      nothingToChange:
        'Please say what changes: --role ROLE, --register ID … or --member ID / --no-member.',
      invited: 'Invitation for “{{name}}” to the web application, valid once until {{until}}:',
      resetDone:
        'Web access of “{{name}}” reset, all sessions ended. Link for a new password, valid once until {{until}}:',
      mailed: 'The link was e-mailed to {{address}}.',
      mailFailed:
        'The e-mail to {{address}} could not be sent ({{problem}}); please pass the link on yourself.',
      noMailServer:
        'No mail server configured (tutti-server backup mail-server): please pass the link on yourself.',
      invalidEmail: '“{{address}}” is not a valid e-mail address.',
    },
    role: {
      added_one: 'Role “{{label}}” created with one permission.',
      added_other: 'Role “{{label}}” created with {{count}} permissions.',
      updated_one:
        "Role “{{label}}” changed: one permission; its users' devices take it at their next sync.",
      updated_other:
        "Role “{{label}}” changed: {{count}} permissions; its users' devices take them at their next sync.",
    },
    enrolmentCode: {
      device: 'Enrolment code for a device, valid once until {{until}}:',
      support: 'Enrolment code for a support device, valid once until {{until}}:',
    },
    monitor: {
      issued:
        'Certificate for the monitoring location “{{name}}” issued, valid until {{until}}. The files (last line) belong on the location; there, tutti-server monitor renew renews them.',
      revoked: 'The certificate of location “{{name}}” is revoked.',
      renewed: 'Certificate renewed, valid until {{until}}.',
      notDue: 'Not due yet: the certificate is valid until {{until}}.',
      fileMissing:
        'The file {{path}} is missing. Please give the folder tutti-server monitor issue --out wrote.',
      badServer:
        '--server expects HOST:PORT of the device listener, e.g. tutti1.example.org:8444 (given: “{{given}}”).',
      unreachable:
        'The server {{server}} cannot be reached ({{detail}}). The certificate stays as it is; the next run tries again.',
      refused:
        'The server {{server}} refused the renewal (HTTP {{status}}). The certificate stays as it is; if need be, issue a new one on the server with tutti-server monitor issue.',
      daysLeft: '--days-left expects a whole number from 1 to 89.',
    },
    device: {
      noName: '(no name)',
      validUntil: 'valid until {{date}}',
      revokedSince: 'revoked since {{date}}',
      active: 'active',
      revoked: 'Device {{deviceId}} revoked; it will be turned away at its next connection.',
    },
    support: {
      staffAdded:
        'Support staff member “{{name}}” created. Enrol a device: tutti-server enroll-code --support {{staffId}}',
      granted: 'Support access for “{{name}}” granted until {{until}}.',
      revoked: 'Support access for “{{name}}” ended.',
      noneToRevoke: 'No support access was granted for “{{name}}”.',
      revokeNeedsNoPassword: 'Note: revoking needs no password.',
    },
    audit: {
      since: '--since expects a date as YYYY-MM-DD, not “{{given}}”.',
    },
    backup: {
      twoTargets:
        'Please give at least two backup targets with --target FOLDER, ideally on different disks.',
      distinctTargets: 'The backup targets must be different folders.',
      badRecipient: '“{{recipient}}” is not an age recipient (age1…).',
      targetsSet: 'Backup targets: {{targets}}. Every club is backed up to every target daily.',
      keyStored:
        'The backup key is in {{path}} and in every target (protected by the server passphrase).',
      setupFirst: 'Set up the backup targets first: tutti-server backup setup.',
      maxMb: '--max-mb expects a number from 1 to 100.',
      mailServerSet: 'Mail server {{host}}:{{port}} set up; sender {{from}}.',
      written: 'backed up',
      failed: 'FAILED',
      targetsFailed_one:
        '1 backup target failed; the others were written. Please check the target.',
      targetsFailed_other:
        '{{count}} backup targets failed; the others were written. Please check the targets.',
      noBackup: '(no backup)',
      warning: 'Warning since {{since}}: {{problem}}',
      verified: 'OK',
      state_one: 'as of {{date}}, 1 record',
      state_other: 'as of {{date}}, {{count}} records',
      verifyFailed_one: '1 of {{total}} backups is faulty.',
      verifyFailed_other: '{{count}} of {{total}} backups are faulty.',
      restoredNew_one: 'Club created anew from the backup of {{date}} (1 record).',
      restoredNew_other: 'Club created anew from the backup of {{date}} ({{count}} records).',
      restored_one:
        'Club set back to its state of {{date}}: 1 record restored, {{deleted}} created since then deleted. The devices sync by themselves.',
      restored_other:
        'Club set back to its state of {{date}}: {{count}} records restored, {{deleted}} created since then deleted. The devices sync by themselves.',
      mailOn:
        'Backups by e-mail to {{addresses}} set up; they go out after changes (at most hourly, at least daily).',
      mailOff: 'Backups by e-mail switched off for this club.',
    },
  },
};
