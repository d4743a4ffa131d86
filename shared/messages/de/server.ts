/**
 * What the club server says: its answers to devices and browsers (HTTP, sync rejections), the
 * mails it sends, and its command line `tutti-server` (German unless `--lang en` or an English
 * LANG). Keys by area; `{{name}}` are parameters, `_one`/`_other` plurals by `count`.
 */
export const server = {
  /** A sentence a shared module still gives in German (or anything said as it is). */
  detail: '{{detail}}',
  ids: {
    club: 'Die Vereins-ID „{{value}}“ ist keine gültige ID.',
    user: 'Die Benutzer-ID „{{value}}“ ist keine gültige ID.',
    register: 'Die Register-ID „{{value}}“ ist keine gültige ID.',
    member: 'Die Mitglieds-ID „{{value}}“ ist keine gültige ID.',
    record: 'Die Datensatz-ID „{{value}}“ ist keine gültige ID.',
    staff: 'Die Mitarbeiter-ID „{{value}}“ ist keine gültige ID.',
  },
  http: {
    notJson: 'Die Anfrage muss JSON sein (Content-Type: application/json).',
    tooLarge: 'Die Anfrage ist zu groß (höchstens {{limit}} Bytes).',
    incomplete: 'Die Anfrage ist unvollständig angekommen.',
    invalidJson: 'Die Anfrage ist kein gültiges JSON.',
    invalidRequest: 'Die Anfrage ist ungültig.',
    badAddress: 'Die Adresse der Anfrage ist ungültig.',
    unknownAddress: 'Diese Adresse kennt der Server nicht.',
    methodNotAllowed: 'Diese Methode ist hier nicht erlaubt.',
    badEncoding: 'Die Adresse ist falsch kodiert.',
    internal: 'Interner Fehler des Servers. Bitte später erneut versuchen.',
    noDeviceCertificate: 'Kein Gerätezertifikat.',
    unknownEntity: 'Die Datenart „{{entity}}“ gibt es nicht.',
    cursorNotNumber: 'cursor muss eine Zahl sein.',
    expectedObject: 'Erwartet wird ein JSON-Objekt.',
  },
  enrolment: {
    codeMissing: 'Der Anmeldecode fehlt.',
    csrMissing: 'Die Zertifikatsanfrage (CSR) fehlt.',
    invalid:
      'Der Anmeldecode ist ungültig. Bitte den Code beim EDV-Beauftragten des Vereins neu anfordern.',
    expired: 'Der Anmeldecode ist abgelaufen (gültig 24 Stunden). Bitte einen neuen anfordern.',
    used: 'Dieser Anmeldecode wurde schon verwendet. Jeder Code gilt für genau ein Gerät.',
    tooManyAttempts_one:
      'Zu viele ungültige Anmeldecodes von dieser Adresse. Bitte in einer Minute erneut versuchen.',
    tooManyAttempts_other:
      'Zu viele ungültige Anmeldecodes von dieser Adresse. Bitte in {{count}} Minuten erneut versuchen.',
  },
  devices: {
    gone: 'Dieses Gerät ist gesperrt oder sein Zertifikat wurde ersetzt. Bitte das Gerät neu anmelden.',
    goneRenew: 'Dieses Gerät ist gesperrt oder sein Zertifikat wurde ersetzt.',
    roleGone: 'Die Rolle „{{role}}“ dieses Benutzers gibt es nicht mehr.',
    renewOnlyCurrent:
      'Nur das aktuelle Zertifikat eines nicht gesperrten Geräts kann erneuert werden.',
    invalidCsr:
      'Die Zertifikatsanfrage (CSR) ist ungültig: {{detail}}. Erwartet: PEM, ECDSA P-256, selbst signiert.',
    unknown: 'Ein Gerät {{deviceId}} gibt es nicht. Liste: tutti-server device list',
    onlyRunningServerSigns: 'Zertifikate stellt nur der laufende Server aus.',
  },
  support: {
    clubHeader: 'Support-Zugriffe nennen den Verein im Header Tutti-Club.',
    noConsent:
      'Der Verein hat dem Support keinen Zugriff erteilt, oder die Freigabe ist abgelaufen.',
    hours: '--hours muss eine ganze Zahl von 1 bis {{max}} sein.',
    unknownStaff:
      'Einen Support-Mitarbeiter {{staffId}} gibt es nicht. Liste: tutti-server support staff-list',
  },
  records: {
    notVisible: 'Diesen Datensatz gibt es nicht (oder er ist für Sie nicht sichtbar).',
    idMismatch: 'Die ID im Datensatz passt nicht zur Adresse.',
    invalid: 'Der Datensatz ist ungültig.',
  },
  rights: {
    noRight: 'Für diese Änderung fehlt die Berechtigung.',
    sensitiveFields: 'Bankdaten, Geburtsdatum und Beitragsbefreiung darf diese Rolle nicht ändern.',
    noDelete: 'Zum Löschen fehlt die Berechtigung.',
  },
  sync: {
    gap: 'Es fehlen Änderungen dieses Geräts: erwartet wird Nr. {{expected}}, gekommen ist Nr. {{got}}.',
    /** The borrower of an instrument whose member record is gone. */
    deletedMember: 'ein gelöschtes Mitglied',
    clockAhead: {
      seconds_one:
        'Die Uhr des Geräts, auf dem diese Änderung gemacht wurde, ging um eine Sekunde vor. Bitte Datum und Uhrzeit des Computers richtig stellen und die Änderung dann erneut senden.',
      seconds_other:
        'Die Uhr des Geräts, auf dem diese Änderung gemacht wurde, ging um {{count}} Sekunden vor. Bitte Datum und Uhrzeit des Computers richtig stellen und die Änderung dann erneut senden.',
      minutes_one:
        'Die Uhr des Geräts, auf dem diese Änderung gemacht wurde, ging um eine Minute vor. Bitte Datum und Uhrzeit des Computers richtig stellen und die Änderung dann erneut senden.',
      minutes_other:
        'Die Uhr des Geräts, auf dem diese Änderung gemacht wurde, ging um {{count}} Minuten vor. Bitte Datum und Uhrzeit des Computers richtig stellen und die Änderung dann erneut senden.',
      hours_one:
        'Die Uhr des Geräts, auf dem diese Änderung gemacht wurde, ging um eine Stunde vor. Bitte Datum und Uhrzeit des Computers richtig stellen und die Änderung dann erneut senden.',
      hours_other:
        'Die Uhr des Geräts, auf dem diese Änderung gemacht wurde, ging um {{count}} Stunden vor. Bitte Datum und Uhrzeit des Computers richtig stellen und die Änderung dann erneut senden.',
      days_one:
        'Die Uhr des Geräts, auf dem diese Änderung gemacht wurde, ging um einen Tag vor. Bitte Datum und Uhrzeit des Computers richtig stellen und die Änderung dann erneut senden.',
      days_other:
        'Die Uhr des Geräts, auf dem diese Änderung gemacht wurde, ging um {{count}} Tage vor. Bitte Datum und Uhrzeit des Computers richtig stellen und die Änderung dann erneut senden.',
      years_one:
        'Die Uhr des Geräts, auf dem diese Änderung gemacht wurde, ging um ein Jahr vor. Bitte Datum und Uhrzeit des Computers richtig stellen und die Änderung dann erneut senden.',
      years_other:
        'Die Uhr des Geräts, auf dem diese Änderung gemacht wurde, ging um {{count}} Jahre vor. Bitte Datum und Uhrzeit des Computers richtig stellen und die Änderung dann erneut senden.',
    },
  },
  clubs: {
    nameLength: 'Bitte einen Vereinsnamen mit 1 bis 200 Zeichen angeben.',
    unknown: 'Einen Verein mit der ID {{clubId}} gibt es nicht. Liste: tutti-server club list',
    gone: 'Den Verein {{clubId}} gibt es nicht.',
  },
  users: {
    nameLength: 'Bitte einen Namen mit 1 bis 200 Zeichen angeben.',
    unknown:
      'Einen Benutzer mit der ID {{userId}} gibt es in diesem Verein nicht. Liste: tutti-server user list --club {{clubId}}',
    unknownRole: 'Die Rolle „{{role}}“ gibt es nicht. Möglich: {{known}}.',
    roleNeedsRegister: 'Die Rolle „{{role}}“ braucht mindestens ein Register (--register ID).',
    roleNeedsMember: 'Die Rolle „{{role}}“ braucht den eigenen Mitgliedsdatensatz (--member ID).',
  },
  roles: {
    invalidName:
      'Der Rollenname „{{name}}“ ist ungültig: 2–40 Kleinbuchstaben, Ziffern oder Bindestriche.',
    builtInName: '„{{name}}“ ist eine eingebaute Rolle; bitte einen anderen Namen wählen.',
    builtInUnchangeable: '„{{name}}“ ist eine eingebaute Rolle; sie lässt sich nicht ändern.',
    needsGrant: 'Eine Rolle braucht mindestens eine Berechtigung (--grant).',
    exists: 'Die Rolle „{{name}}“ gibt es in diesem Verein schon.',
    unknown: 'Die Rolle „{{name}}“ gibt es in diesem Verein nicht.',
  },
  adminPassword: {
    tooShort: 'Das Passwort ist zu kurz: mindestens {{min}} Zeichen.',
    currentNeeded:
      'Der Verein hat schon ein Administrator-Passwort; zum Ändern wird das bisherige gebraucht (--current-password-file).',
    notSet:
      'Für diesen Verein ist noch kein Administrator-Passwort gesetzt: tutti-server club admin-password --club ID',
    lockedUntil:
      'Das Administrator-Passwort ist nach {{max}} Fehlversuchen gesperrt bis {{until}}. Danach erneut versuchen.',
    nowLocked:
      'Das Administrator-Passwort war {{max}}-mal falsch und ist jetzt für eine Stunde gesperrt.',
    wrong: 'Das Administrator-Passwort ist falsch (Fehlversuch {{attempt}} von {{max}}).',
  },
  database: {
    bypassRls:
      'Der Datenbankbenutzer braucht das Recht BYPASSRLS (ALTER ROLE … BYPASSRLS) und darf Rollen anlegen; bitte in PostgreSQL einrichten.',
  },
  dataDirectory: {
    exists: '{{dir}} ist schon ein Tutti-Server-Verzeichnis; es bleibt unverändert.',
    missing: '{{dir}} ist kein Tutti-Server-Verzeichnis. Zuerst: tutti-server init --data {{dir}}',
    passphraseTooShort: 'Die Server-Passphrase ist zu kurz: mindestens {{min}} Zeichen.',
    badHostname: '„{{name}}“ ist kein gültiger Hostname und keine IP-Adresse.',
    wrongPassphrase: 'Die Server-Passphrase ist falsch; die Schlüssel bleiben verschlossen.',
  },
  lock: {
    /** Follows "Der Server" or "…-Befehl" when the holder's process is known. */
    pid: ' (PID {{pid}})',
    otherCommand:
      'Ein anderer tutti-server-Befehl{{pid}} arbeitet gerade mit den Daten. Bitte kurz warten und erneut versuchen.',
    serverRunning: 'Der Server läuft schon mit diesen Daten{{pid}}.',
    serverNotAnswering:
      'Der Server{{pid}} hat die Daten geöffnet, antwortet aber nicht auf dem Admin-Socket. Bitte den Server prüfen.',
  },
  admin: {
    invalidRequest: 'Ungültige Anfrage.',
    unknownCommand: 'Unbekannter oder unvollständiger Befehl.',
    internal: 'Interner Fehler; Einzelheiten stehen im Server-Log.',
    refused: 'Der Server hat abgelehnt.',
    notAnswering:
      'Der Server antwortet auf dem Admin-Socket nicht mehr. Bitte den Server prüfen (Protokoll) und ihn nötigenfalls neu starten.',
    garbled: 'Der Server hat auf dem Admin-Socket unverständlich geantwortet.',
  },
  backup: {
    unavailable: 'Sicherungen sind hier nicht verfügbar.',
    notConfigured:
      'Für diesen Server sind keine Sicherungsziele eingerichtet: tutti-server backup setup --target ORDNER --target ORDNER2',
    keyMissing:
      'Der Sicherungsschlüssel {{path}} fehlt. Bitte tutti-server backup setup ausführen.',
    wrongPassphrase:
      'Die Server-Passphrase ist falsch; der Sicherungsschlüssel bleibt verschlossen.',
    systemError: '{{code}}: {{detail}}',
    targetFailed: 'Sicherung von {{clubId}} nach {{target}} fehlgeschlagen: {{problem}}',
    verifyFailed: 'Prüfung von {{path}} fehlgeschlagen: {{problem}}',
    notOfClub: '{{path}} ist keine Sicherung des Vereins {{clubId}}.',
    tooNew: 'Die Sicherung stammt von einem neueren Tutti-Server. Bitte zuerst aktualisieren.',
    incomplete:
      'Die Sicherung ist unvollständig: in {{table}} stehen {{count}} statt {{expected}} Zeilen.',
    noneYet: 'Vom Verein {{clubId}} gibt es noch keine Sicherung.',
    none: 'Vom Verein {{clubId}} gibt es keine Sicherung.',
    otherClub:
      'Die Sicherung gehört nicht zum Verein {{clubId}}. Bitte die Sicherung dieses Vereins wählen.',
    restoreRefused_one:
      'Die Sicherung lässt sich so nicht wiederherstellen: 1 Datensatz verstößt gegen heutige Regeln, {{entity}} {{id}}: {{reason}} Es wurde nichts geändert.',
    restoreRefused_other:
      'Die Sicherung lässt sich so nicht wiederherstellen: {{count}} Datensätze verstoßen gegen heutige Regeln, z. B. {{entity}} {{id}}: {{reason}} Es wurde nichts geändert.',
    /** A field's problem within a longer sentence. */
    fieldProblem: '{{field}}: {{problem}}',
  },
  invite: {
    subject: 'Tutti: Ihr Zugang zur Web-Anwendung von {{club}}',
    subjectReset: 'Tutti: neues Passwort für die Web-Anwendung von {{club}}',
    body: 'Guten Tag {{name}},\n\nSie sind zur Web-Anwendung des Vereins {{club}} eingeladen. Bitte öffnen Sie diesen Link und legen Sie Anmeldenamen und Passwort fest:\n\n{{link}}\n\nDer Link gilt einmal, bis {{until}}. Haben Sie diese E-Mail nicht erwartet, wenden Sie sich bitte an den EDV-Beauftragten des Vereins.',
    bodyReset:
      'Guten Tag {{name}},\n\nIhr Zugang zur Web-Anwendung des Vereins {{club}} wurde zurückgesetzt. Bitte öffnen Sie diesen Link und legen Sie ein neues Passwort fest:\n\n{{link}}\n\nDer Link gilt einmal, bis {{until}}. Danach richten Sie bitte auch die Authenticator-App neu ein.',
  },
  mail: {
    noAddress: 'Bitte mindestens eine Adresse mit --to angeben.',
    invalidAddress: '„{{address}}“ ist keine gültige E-Mail-Adresse.',
    noRecipient:
      'Bitte den age-Schlüssel des Vereins mit --recipient age1… angeben (erzeugt mit age-keygen); nur der Verein kann die Sicherungen dann öffnen.',
    invalidRecipient: '„{{recipient}}“ ist kein age-Empfänger (age1…, 62 Zeichen, von age-keygen).',
    noServer:
      'Für Sicherungen per E-Mail ist kein Mailserver eingerichtet (tutti-server backup mail-server).',
    failed: 'Die Sicherung von {{club}} ging nicht per E-Mail hinaus: {{problem}}',
    subject: 'Tutti: Datensicherung {{club}} vom {{date}}',
    subjectTooLarge: 'Tutti: Datensicherung {{club}} vom {{date}} zu groß für E-Mail',
    body: 'Im Anhang liegt die Datensicherung des Vereins {{club}}, verschlüsselt für den age-Schlüssel des Vereins. Öffnen mit:\n\n  age -d -i SCHLÜSSELDATEI {{file}} | tar xz\n\nDarin liegen manifest.json und tutti.sqlite (eine SQLite-Datenbank).',
    bodyTooLarge:
      'Die Datensicherung des Vereins {{club}} ist mit {{size}} größer als die für E-Mail erlaubten {{limit}} und wurde deshalb nicht angehängt. Die täglichen Sicherungen auf dem Server laufen weiter. Bitte beim Betreiber des Servers eine andere Übergabe vereinbaren.',
  },
  /** The SMS relay (`tutti-server sms-relay`): its SMS texts, answers and configuration errors. */
  metrics: {
    tokenNeeded:
      'Der Metrik-Zugang auf {{host}} ist von außen erreichbar: bitte --metrics-token-file DATEI angeben (ein Token, z. B. aus openssl rand -hex 32) oder --metrics-host 127.0.0.1 lassen.',
  },
  monitor: {
    renewedRecently:
      'Der Standort „{{name}}“ hat sein Zertifikat eben erst erneuert; die nächste Erneuerung geht frühestens in einer Stunde.',
    badName:
      'Der Standortname „{{name}}“ passt nicht: Kleinbuchstaben, Ziffern und Bindestriche, z. B. standort-a.',
    notCurrent:
      'Das Zertifikat des Standorts „{{name}}“ ist nicht mehr das gültige (erneuert, widerrufen oder unbekannt). Bitte auf dem Server mit tutti-server monitor issue neu ausstellen.',
    unknown: 'Einen Überwachungsstandort „{{name}}“ gibt es nicht (tutti-server monitor list).',
    badRequest: 'Die Zertifikatsanfrage ist ungültig (ECDSA P-256 erwartet).',
  },
  smsRelay: {
    /** The SMS itself: "Tutti AUSFALL: tutti.example.org - … (TuttiServerDown)". Keep to GSM-7. */
    sms: {
      critical: 'AUSFALL',
      warning: 'WARNUNG',
      resolved: 'BEHOBEN',
      alerts_one: '1 Meldung',
      alerts_other: '{{count}} Meldungen',
    },
    unauthorized: 'Das Bearer-Token fehlt oder ist falsch.',
    notDelivered_one:
      'Die SMS ging an 1 von {{total}} Empfängern nicht hinaus; Alertmanager versucht es später erneut.',
    notDelivered_other:
      'Die SMS ging an {{count}} von {{total}} Empfängern nicht hinaus; Alertmanager versucht es später erneut.',
    config: {
      unreadable:
        'Die Konfiguration des SMS-Relays {{file}} lässt sich nicht lesen ({{code}}). Bitte Pfad und Rechte prüfen.',
      notJson: 'Die Konfiguration des SMS-Relays {{file}} ist kein gültiges JSON: {{detail}}',
      invalid: 'Die Konfiguration des SMS-Relays {{file}} ist bei {{field}} falsch: {{problem}}',
      unknownField:
        'Dieses Feld gibt es nicht; bitte die Schreibweise prüfen (Vorlage: deploy/monitoring/sms-relay.example.json).',
      listen: 'Erwartet wird ein Objekt mit host und port.',
      host: 'Erwartet wird eine IP-Adresse oder ein Hostname, z. B. 127.0.0.1.',
      port: 'Erwartet wird eine Portnummer von 0 bis 65535 (üblich ist 9097).',
      tokenFile: 'Erwartet wird der Pfad einer Datei mit dem Bearer-Token.',
      tokenRequired:
        'Das Relay lauscht auf {{host}}, also nicht nur auf diesem Rechner: bitte tokenFile angeben, eine Datei mit dem Token, das Alertmanager als Bearer-Token sendet.',
      gateway: 'Erwartet wird ein Objekt mit mindestens url, der Adresse des SMS-Gateways.',
      url: 'Erwartet wird eine Adresse mit https:// oder http://, die Platzhalter {to} und {text} nur im Pfad oder in der Abfrage, ohne Benutzer und Passwort (dafür gibt es authHeaderFile).',
      method: 'Erwartet wird POST, PUT oder GET.',
      headers:
        'Erwartet wird ein Objekt aus Header-Namen und Werten (nur ASCII, ohne Zeilenumbruch), z. B. "Content-Type": "application/json".',
      headerManaged: 'Diesen Header setzt das Relay selbst; bitte weglassen.',
      body: 'Erwartet wird der Text der Anfrage als Zeichenkette mit höchstens 10000 Zeichen.',
      bodyWithGet:
        'Eine GET-Anfrage hat keinen body: bitte method POST angeben oder den body weglassen.',
      authHeaderFile:
        'Erwartet wird der Pfad einer Datei mit einer Zeile „Name: Wert“, z. B. „Authorization: Bearer …“.',
      timeoutSeconds: 'Erwartet wird eine ganze Zahl von 1 bis 120 (Sekunden je Versuch).',
      recipients: 'Erwartet wird eine Liste von 1 bis 20 Telefonnummern, z. B. ["+4917012345678"].',
      recipient:
        'Erwartet wird eine Telefonnummer im internationalen Format (E.164) ohne Leerzeichen, z. B. +4917012345678.',
      recipientTwice: 'Diese Telefonnummer steht schon weiter oben in der Liste.',
      language: 'Erwartet wird de oder en.',
      maxLength: 'Erwartet wird eine ganze Zahl von 40 bis 1600 (Zeichen; 160 passen in eine SMS).',
      retries: 'Erwartet wird eine ganze Zahl von 0 bis 10 (Wiederholungen nach einem Fehlschlag).',
      placeholderMissing:
        'Der Platzhalter {{placeholder}} muss in url oder body vorkommen, sonst weiß das Gateway nicht, an wen bzw. was es senden soll.',
      unknownPlaceholder:
        'Den Platzhalter {{placeholder}} gibt es nicht. Erlaubt sind {to} und {text}, im body auch {to:json}, {text:json}, {to:url} und {text:url}.',
      placeholderNotInUrl:
        'In der url werden {to} und {text} immer URL-kodiert; {{placeholder}} geht nur im body.',
      fileUnreadable:
        'Die Datei {{file}} lässt sich nicht lesen ({{code}}). Bitte Pfad und Rechte prüfen.',
      tokenFormat:
        'Die Datei {{file}} muss das Token als eine Zeile ohne Leerzeichen enthalten, mindestens {{min}} Zeichen (z. B. von openssl rand -hex 32).',
      headerFormat:
        'Die Datei {{file}} muss eine Zeile „Name: Wert“ enthalten, z. B. „Authorization: Bearer …“.',
    },
  },
  cli: {
    usage: `tutti-server – der Vereinsserver von Tutti

Aufruf: tutti-server BEFEHL --data VERZEICHNIS [Optionen]

  init [--hostname NAME …] [--passphrase-file F] [--public-web-url https://NAME]
                      CA, Server-Zertifikat und Konfiguration anlegen
                      (Standard-Namen: localhost, 127.0.0.1)
  start [--database-url postgres://…] [--web-port N] [--device-port N] [--host ADRESSE]
        [--passphrase-file F] [--public-web-url https://NAME]
        [--metrics-port N] [--metrics-host ADRESSE] [--metrics-token-file F]
                      Server starten (PGlite im Verzeichnis, PostgreSQL mit URL);
                      Prometheus-Metriken auf http://127.0.0.1:9469/metrics (anderswo nur
                      mit Token, dann über TLS); /healthz und /readyz am Web-Port
  club create NAME    Verein anlegen (letzte Zeile: Vereins-ID)
  club list
  club admin-password --club ID [--password-file F] [--current-password-file F]
  user add --club ID --name NAME --role ROLLE [--register ID …] [--member ID]
                      Rollen: administrator, vorstand, kassier, registerfuehrer,
                      instrumentenwart, mitglied (letzte Zeile: Benutzer-ID)
  user list --club ID
  user invite --club ID --user ID [--email ADRESSE]
                      Einladung zur Web-Anwendung (72 h, einmal; letzte Zeile: der Link);
                      mit --email und eingerichtetem Mailserver auch per E-Mail
  user reset-login --club ID --user ID [--email ADRESSE]
                      Passwort und zweiten Faktor des Web-Zugangs zurücksetzen, alle Sitzungen
                      beenden (letzte Zeile: der Link für ein neues Passwort)
  user update --club ID --user ID [--role ROLLE] [--register ID …] [--member ID | --no-member]
                      Rolle, Register oder eigenes Mitglied ändern; die Geräte des Benutzers
                      gleichen neu ab und entfernen, was er nicht mehr sehen darf
  role add --club ID --name NAME [--label TEXT] --grant DATENART:AKTION[,AKTION]:BEREICH[:FELDER] …
  role update --club ID --name NAME [--label TEXT] --grant … (ersetzt die Berechtigungen)
                      eigene Rolle, z. B. --grant members:read:ownRegisters:withoutSensitive
                      Bereiche: all, ownRegisters, ownRecord; Felder: all, withoutSensitive
  role list --club ID
  enroll-code --club ID --user ID     Anmeldecode für ein Gerät (24 h, einmal)
  enroll-code --support ID            … für ein Gerät eines Support-Mitarbeiters
  device list [--club ID]
  device revoke GERÄTE-ID
  support staff-add --name NAME | support staff-list
  support grant --club ID --hours N [--password-file F]
  support revoke --club ID           beendet den Support-Zugriff sofort; braucht kein Passwort
                      (auch nicht, wenn das Administrator-Passwort gesperrt ist)
  audit --club ID [--since JJJJ-MM-TT]
  monitor issue --name STANDORT --out ORDNER
                      Client-Zertifikat eines Überwachungsstandorts für die TLS-Prüfung der
                      Geräte-Schnittstelle (client.key, client.crt, ca.crt; letzte Zeile: der Ordner)
  monitor list | monitor revoke --name STANDORT
  monitor renew --cert-dir ORDNER --server HOST:PORT [--days-left 30]
                      auf dem Überwachungsrechner, täglich: erneuert das Zertifikat über die
                      Geräte-Schnittstelle, sobald weniger als 30 Tage bleiben (ohne --data)
  sms-relay --config DATEI
                      Alertmanagers Webhook an ein SMS-Gateway (deploy/monitoring/)
  backup setup --target ORDNER --target ORDNER2 … [--recipient age1…] [--passphrase-file F]
                      Sicherungsziele festlegen (mindestens zwei, am besten verschiedene Platten);
                      legt den Sicherungsschlüssel an, geschützt mit der Server-Passphrase
  backup mail-server --smtp-host HOST [--smtp-port N] [--tls] --from ADRESSE [--max-mb N]
                      Mailserver für Sicherungen per E-Mail (Anhänge bis N MB, Standard 10)
  backup run [--club ID]              jetzt sichern (sonst täglich durch den laufenden Server)
  backup list --club ID               Generationen je Ziel und aktuelle Warnungen
  backup verify --club ID [--file DATEI] [--passphrase-file F]
                      neueste Generation je Ziel (oder DATEI) vollständig prüfen
  backup restore --club ID [--file DATEI] [--passphrase-file F]
                      einen Verein aus der neuesten (oder der genannten) Sicherung zurücksetzen;
                      die anderen Vereine bleiben unberührt
  backup mail --club ID --to ADRESSE … --recipient age1… … | backup mail --club ID --off
                      Sicherung bei Änderungen per E-Mail, verschlüsselt für den Verein

Passwörter und die Server-Passphrase werden im Terminal abgefragt oder aus der genannten Datei
gelesen (Server-Passphrase auch aus der Datei in TUTTI_SERVER_PASSPHRASE_FILE).
Läuft der Server, gehen die Befehle über den Admin-Socket im Datenverzeichnis an ihn.
Sprache: --lang en für Englisch (sonst nach LC_ALL, LC_MESSAGES oder LANG; Standard Deutsch).
`,
    missing: 'Es fehlt {{what}}. Hilfe: tutti-server --help',
    what: {
      option: '{{option}} {{value}}',
      clubName: 'der Vereinsname',
      deviceId: 'die Geräte-ID',
    },
    placeholder: {
      id: 'ID',
      name: 'NAME',
      role: 'ROLLE',
      number: 'N',
      dir: 'VERZEICHNIS',
      host: 'HOST',
      address: 'ADRESSE',
      file: 'DATEI',
      hostPort: 'HOST:PORT',
    },
    unknownOption: 'Unbekannte oder unvollständige Option {{option}}. Hilfe: tutti-server --help',
    unknownCommand: 'Unbekannter Befehl „{{command}}“. Hilfe: tutti-server --help',
    portRange: '{{option}} erwartet eine Portnummer ({{min}}–65535).',
    portInUse:
      'Port {{port}} ist schon belegt. Bitte mit --web-port, --device-port bzw. --metrics-port einen freien wählen.',
    portNotAllowed:
      'Port {{port}} darf dieser Benutzer nicht öffnen (unter 1024 nur mit Rechten). Bitte einen Port ab 1024 wählen.',
    unexpected: 'Unerwarteter Fehler: {{detail}}',
    publicWebUrl:
      '--public-web-url erwartet eine https-Adresse ohne Pfad, z. B. https://verein.example.de, nicht „{{given}}“.',
    postgresNeedsUrl:
      'Der Server läuft mit PostgreSQL: bitte TUTTI_DATABASE_URL setzen (oder --database-url angeben) oder den Server starten.',
    init: {
      created: 'Server-Verzeichnis {{dir}} angelegt für {{hostnames}}.',
      fingerprint: 'Fingerabdruck der CA (SHA-256): {{fingerprint}}',
    },
    secret: {
      serverPassphrase: 'Server-Passphrase',
      adminPassword: 'Administrator-Passwort des Vereins',
      newAdminPassword: 'Neues Administrator-Passwort',
      currentAdminPassword: 'Bisheriges Administrator-Passwort',
      ask: '{{what}}: ',
      askAgain: '{{what}} wiederholen: ',
      unreadable: '{{what}}: die Datei {{path}} ist nicht lesbar.',
      noTerminal: 'Kein Terminal zum Fragen: bitte {{option}} DATEI angeben.',
      aborted: 'Abgebrochen.',
      mismatch: 'Die beiden Eingaben stimmen nicht überein.',
    },
    club: {
      created:
        'Verein „{{name}}“ angelegt. Nächster Schritt: tutti-server club admin-password --club {{clubId}}',
      passwordSet: 'Administrator-Passwort für „{{name}}“ gesetzt.',
    },
    user: {
      added: 'Benutzer „{{name}}“ ({{role}}) angelegt.',
      updated:
        'Benutzer „{{name}}“: {{role}}, Register {{registers}}. Seine Geräte gleichen beim nächsten Abruf neu ab.',
      nothingToChange:
        'Bitte angeben, was sich ändert: --role ROLLE, --register ID … oder --member ID / --no-member.',
      invited: 'Einladung für „{{name}}“ zur Web-Anwendung, einmal gültig bis {{until}}:',
      resetDone:
        'Web-Zugang von „{{name}}“ zurückgesetzt, alle Sitzungen beendet. Link für ein neues Passwort, einmal gültig bis {{until}}:',
      mailed: 'Der Link ging per E-Mail an {{address}}.',
      mailFailed:
        'Die E-Mail an {{address}} ging nicht hinaus ({{problem}}); bitte den Link selbst weitergeben.',
      noMailServer:
        'Kein Mailserver eingerichtet (tutti-server backup mail-server): bitte den Link selbst weitergeben.',
      invalidEmail: '„{{address}}“ ist keine gültige E-Mail-Adresse.',
    },
    role: {
      added_one: 'Rolle „{{label}}“ mit einer Berechtigung angelegt.',
      added_other: 'Rolle „{{label}}“ mit {{count}} Berechtigungen angelegt.',
      updated_one:
        'Rolle „{{label}}“ geändert: eine Berechtigung; die Geräte ihrer Benutzer übernehmen sie beim nächsten Abgleich.',
      updated_other:
        'Rolle „{{label}}“ geändert: {{count}} Berechtigungen; die Geräte ihrer Benutzer übernehmen sie beim nächsten Abgleich.',
    },
    enrolmentCode: {
      device: 'Anmeldecode für ein Gerät, einmal gültig bis {{until}}:',
      support: 'Anmeldecode für ein Support-Gerät, einmal gültig bis {{until}}:',
    },
    monitor: {
      issued:
        'Zertifikat für den Überwachungsstandort „{{name}}“ ausgestellt, gültig bis {{until}}. Die Dateien (letzte Zeile) gehören auf den Standort; dort erneuert tutti-server monitor renew sie.',
      revoked: 'Das Zertifikat des Standorts „{{name}}“ ist widerrufen.',
      renewed: 'Zertifikat erneuert, gültig bis {{until}}.',
      notDue: 'Noch nicht fällig: das Zertifikat gilt bis {{until}}.',
      fileMissing:
        'Die Datei {{path}} fehlt. Bitte den Ordner angeben, den tutti-server monitor issue --out geschrieben hat.',
      badServer:
        '--server erwartet HOST:PORT der Geräte-Schnittstelle, z. B. tutti1.example.org:8444 (angegeben: „{{given}}“).',
      unreachable:
        'Der Server {{server}} ist nicht erreichbar ({{detail}}). Das Zertifikat bleibt, wie es ist; der nächste Lauf versucht es wieder.',
      refused:
        'Der Server {{server}} hat die Erneuerung abgelehnt (HTTP {{status}}). Das Zertifikat bleibt, wie es ist; ggf. auf dem Server mit tutti-server monitor issue neu ausstellen.',
      daysLeft: '--days-left erwartet eine ganze Zahl von 1 bis 89.',
    },
    device: {
      noName: '(ohne Namen)',
      validUntil: 'gültig bis {{date}}',
      revokedSince: 'gesperrt seit {{date}}',
      active: 'aktiv',
      revoked: 'Gerät {{deviceId}} gesperrt; es wird bei der nächsten Verbindung abgewiesen.',
    },
    support: {
      staffAdded:
        'Support-Mitarbeiter „{{name}}“ angelegt. Gerät anmelden: tutti-server enroll-code --support {{staffId}}',
      granted: 'Support-Zugriff für „{{name}}“ freigegeben bis {{until}}.',
      revoked: 'Support-Zugriff für „{{name}}“ beendet.',
      noneToRevoke: 'Für „{{name}}“ war kein Support-Zugriff freigegeben.',
      revokeNeedsNoPassword: 'Hinweis: Zum Widerrufen wird kein Passwort gebraucht.',
    },
    audit: {
      since: '--since erwartet ein Datum als JJJJ-MM-TT, nicht „{{given}}“.',
    },
    backup: {
      twoTargets:
        'Bitte mindestens zwei Sicherungsziele mit --target ORDNER angeben, am besten auf verschiedenen Platten.',
      distinctTargets: 'Die Sicherungsziele müssen verschiedene Ordner sein.',
      badRecipient: '„{{recipient}}“ ist kein age-Empfänger (age1…).',
      targetsSet:
        'Sicherungsziele: {{targets}}. Jeder Verein wird täglich in jedes Ziel gesichert.',
      keyStored:
        'Der Sicherungsschlüssel liegt in {{path}} und in jedem Ziel (geschützt mit der Server-Passphrase).',
      setupFirst: 'Zuerst die Sicherungsziele einrichten: tutti-server backup setup.',
      maxMb: '--max-mb erwartet eine Zahl von 1 bis 100.',
      mailServerSet: 'Mailserver {{host}}:{{port}} eingerichtet; Absender {{from}}.',
      written: 'gesichert',
      failed: 'FEHLER',
      targetsFailed_one:
        '1 Sicherungsziel fehlgeschlagen; die anderen wurden geschrieben. Bitte das Ziel prüfen.',
      targetsFailed_other:
        '{{count}} Sicherungsziele fehlgeschlagen; die anderen wurden geschrieben. Bitte die Ziele prüfen.',
      noBackup: '(keine Sicherung)',
      warning: 'Warnung seit {{since}}: {{problem}}',
      verified: 'in Ordnung',
      state_one: 'Stand {{date}}, 1 Datensatz',
      state_other: 'Stand {{date}}, {{count}} Datensätze',
      verifyFailed_one: '1 von {{total}} Sicherungen ist fehlerhaft.',
      verifyFailed_other: '{{count}} von {{total}} Sicherungen sind fehlerhaft.',
      restoredNew_one: 'Verein aus der Sicherung vom {{date}} neu angelegt (1 Datensatz).',
      restoredNew_other:
        'Verein aus der Sicherung vom {{date}} neu angelegt ({{count}} Datensätze).',
      restored_one:
        'Verein auf den Stand vom {{date}} zurückgesetzt: 1 Datensatz wiederhergestellt, {{deleted}} seither angelegte gelöscht. Die Geräte gleichen von selbst ab.',
      restored_other:
        'Verein auf den Stand vom {{date}} zurückgesetzt: {{count}} Datensätze wiederhergestellt, {{deleted}} seither angelegte gelöscht. Die Geräte gleichen von selbst ab.',
      mailOn:
        'Sicherungen per E-Mail an {{addresses}} eingerichtet; sie gehen bei Änderungen hinaus (höchstens stündlich, mindestens täglich).',
      mailOff: 'Sicherungen per E-Mail für diesen Verein abgeschaltet.',
    },
  },
};
