/** What the `tutti` command says on the terminal: help, questions, progress, results, errors. */
export const cli = {
  usage: `Tutti – Vereinsverwaltung

Verwendung:
  tutti start [--profile ORDNER] [--browser] [--port N]
      Startet Tutti. Ohne Electron (oder mit --browser) im Browser unter 127.0.0.1.
  tutti export members|registers|instruments|loans|events --profile ORDNER
               --format csv|json|xlsx|pdf [--out DATEI]
      Schreibt die Daten des Profils als CSV (für Excel), JSON, Excel-Arbeitsmappe oder PDF
      zum Drucken (xlsx und pdf nur mit --out).
  tutti import DATEI --profile ORDNER [--mapping DATEI] [--dry-run]
               [--password PW | --password-file DATEI] [--report DATEI] [--save-mapping DATEI]
      Übernimmt Daten aus dem alten Programm: Access (.mdb/.accdb), Excel (.xlsx) oder CSV.
      Ohne --mapping wird die vorgeschlagene Zuordnung verwendet (--save-mapping schreibt sie
      zum Prüfen und Anpassen heraus). --dry-run zeigt nur, was geschähe. Erneutes Importieren
      legt nichts doppelt an, sondern aktualisiert, was sich in der Quelle geändert hat.
  tutti enroll --profile ORDNER --server https://HOST:PORT --code CODE
      Verbindet das Profil mit dem Vereinsserver (Anmeldecode vom EDV-Beauftragten).
  tutti sync --profile ORDNER [--batch N]
      Gleicht einmal mit dem Vereinsserver ab und sagt, was übertragen wurde
      (Exit 3, wenn Änderungen abgelehnt wurden oder Konflikte entstanden).
  tutti report honours --year JJJJ [--ceremony JJJJ-MM-TT] --profile ORDNER
               [--format text|csv|xlsx|pdf] [--out DATEI]
      Die im Jahr fälligen Ehrungen nach den Ehrungsordnungen des Vereins; ohne --ceremony
      zählen die Jahre bis zum 31.12. Fehlen Angaben, steht unter der Liste, was nicht
      berechnet wurde, und „Unvollständig“ zusätzlich auf stderr.
  tutti report staerkemeldung --year JJJJ --profile ORDNER [--format text|csv|xlsx|pdf] [--out DATEI]
      Die Stärkemeldung zum 1. Januar: Anzahlen nach Status, Geschlecht und Alter und die
      aktiven Mitglieder. Als CSV nur die Liste der aktiven Mitglieder (Name, Geburtsdatum,
      Geschlecht, Instrument, aktiv seit), wie Verbände sie anfordern. Fehlt dafür etwas,
      wird sie nicht erstellt (Exit 1) und jede Lücke genannt.
  tutti report birthdays --from JJJJ-MM-TT --to JJJJ-MM-TT --profile ORDNER
               [--format text|csv|xlsx|pdf] [--out DATEI]
      Runde und halbrunde Geburtstage und Mitgliedsjubiläen im Zeitraum, von Mitgliedern,
      die der Veröffentlichung zugestimmt haben.
      Berichte erscheinen ohne --out im Terminal; CSV (für Excel) mit Datum als JJJJ-MM-TT;
      xlsx und pdf nur mit --out.
  tutti backup create --profile ORDNER --to ZIELORDNER [--passphrase-file DATEI]
      Sichert das Profil verschlüsselt in den Zielordner (z. B. einen USB-Stick) und
      räumt alte Generationen auf (7 tägliche, 4 wöchentliche, 12 monatliche).
      Beim ersten Mal wird die Passphrase der Datensicherung festgelegt.
  tutti backup list --to ORDNER
      Zeigt die Sicherungen im Ordner.
  tutti backup verify DATEI [--key SCHLÜSSELDATEI] [--passphrase-file DATEI]
      Prüft eine Sicherung vollständig (Entschlüsseln, Prüfsumme, Datenbank, Anzahlen).
  tutti backup restore DATEI --profile ORDNER [--key SCHLÜSSELDATEI] [--passphrase-file DATEI]
      Spielt eine Sicherung ins Profil ein; die bisherige Datenbank bleibt erhalten.

  tutti --version
      Zeigt die Version.

Mit --lang en (oder wenn LANG bzw. LC_ALL mit „en“ beginnt) antwortet Tutti auf Englisch.
Die Passphrase des Profils wird im Terminal abgefragt oder aus der Datei gelesen,
die in der Umgebungsvariable TUTTI_PASSPHRASE_FILE steht.
`,
  errorLine: 'Fehler: {{message}}',
  unknownCommand: 'Unbekannter Befehl „{{command}}“. Hilfe: tutti --help',
  date: '{{day}}.{{month}}.{{year}}',
  dateTime: '{{date}} {{hours}}:{{minutes}}',
  args: {
    unknownOption: 'Unbekannte oder unvollständige Option {{option}}. Hilfe: tutti --help',
    invalid: 'Ungültige Angaben. Hilfe: tutti --help',
    profileMissing: 'Bitte den Profilordner mit --profile ORDNER angeben.',
  },
  files: {
    missing: '{{what}} {{path}} gibt es nicht. Bitte den Pfad prüfen.',
    isFolder: '{{path}} ist ein Ordner, keine Datei. Bitte die Datei angeben.',
    unreadable: '{{what}} {{path}} lässt sich nicht lesen ({{code}}). Bitte die Rechte prüfen.',
    unwritable: 'Die Datei {{path}} lässt sich nicht schreiben. Bitte Pfad und Rechte prüfen.',
    file: 'Die Datei',
    mappingFile: 'Die Zuordnungsdatei',
    passwordFile: 'Die Passwortdatei',
  },
  passphrase: {
    profile: 'Passphrase für das Tutti-Profil: ',
    newProfile: 'Neues Profil – bitte eine Passphrase wählen (mind. {{min}} Zeichen): ',
    tooShort: 'Zu kurz: mindestens {{min}} Zeichen, am besten mehrere Wörter.',
    again: '{{problem}} Bitte noch einmal.',
    repeat: 'Passphrase wiederholen: ',
    mismatch: 'Die beiden Eingaben stimmen nicht überein. Bitte noch einmal.',
    backup: 'Passphrase der Datensicherung: ',
    newBackup: 'Neue Passphrase der Datensicherung (mind. {{min}} Zeichen): ',
    strength: 'Stärke: {{strength}}',
    strengths: {
      tooShort: 'zu kurz',
      weak: 'schwach',
      fair: 'mittel',
      strong: 'stark',
    },
  },
  coreHost: {
    onlyAsChild: '`tutti core-host` wird von `tutti start` gestartet, nicht von Hand.',
  },
  start: {
    badPort: 'Ungültiger Port {{port}}: bitte eine Zahl von 1 bis 65535 angeben.',
    noElectron: 'Electron ist hier nicht verfügbar – Tutti startet im Browser-Modus.',
    notBuilt:
      'Die Oberfläche ist noch nicht gebaut. Bitte `npm run build:renderer` ausführen (oder `npm start`).',
    portInUse: 'Port {{port}} ist schon belegt. Bitte einen anderen mit --port wählen.',
    running:
      'Profil: {{profile}}\nTutti läuft. Bitte diese Adresse im Browser öffnen (Strg+C beendet):',
    stopped: 'Tutti wurde beendet.',
  },
  export: {
    what: 'Was soll exportiert werden? Erlaubt: {{allowed}}.',
    format: 'Bitte --format csv, json, xlsx oder pdf angeben.',
    outNeeded: '--format {{format}} schreibt eine Datei: bitte --out DATEI angeben.',
    done: '{{what}}: exportiert nach {{path}}',
  },
  import: {
    oneFile: 'Bitte genau eine Datei angeben: tutti import DATEI --profile ORDNER',
    badMapping: '{{problem}} ({{file}})',
    mappingMismatch: 'Die Zuordnung passt nicht zur Datei: {{problem}}',
    passwordNeeded: '{{problem}} (--password-file DATEI)',
    mappingSaved: 'Zuordnung gespeichert in {{path}}',
    fullReport: 'Vollständiger Bericht: {{path}}',
  },
  enroll: {
    server: 'Bitte die Adresse des Vereinsservers mit --server https://… angeben.',
    code: 'Bitte den Anmeldecode mit --code CODE angeben.',
    unreachable:
      'Der Vereinsserver {{server}} ist nicht erreichbar ({{code}}). Bitte Adresse und Netzwerk prüfen.',
    connected: 'Verbunden mit {{url}}; Zertifikat gültig bis {{until}}.',
  },
  sync: {
    unreachable: 'Der Vereinsserver ist nicht erreichbar ({{code}}).',
    batch: '--batch braucht eine ganze Zahl von 1 bis 1000.',
    failed: '{{reason}} Die Änderungen bleiben gespeichert und werden beim nächsten Mal gesendet.',
    report:
      'Gesendet: {{pushed}}, abgelehnt: {{rejected}}, empfangen: {{pulled}}, Konflikte: {{conflicts}}, entfernt: {{purged}}, noch offen: {{pending}}',
    clockBehind_one:
      'Hinweis: {{count}} empfangener Zeitstempel liegt mehr als 60 Sekunden nach der Uhr dieses Computers. Geht die Uhr nach? Bitte Datum und Uhrzeit prüfen.',
    clockBehind_other:
      'Hinweis: {{count}} empfangene Zeitstempel liegen mehr als 60 Sekunden nach der Uhr dieses Computers. Geht die Uhr nach? Bitte Datum und Uhrzeit prüfen.',
  },
  backup: {
    action: 'Bitte create, list, verify oder restore angeben. Hilfe: tutti --help',
    targetMissing: 'Bitte den Zielordner mit --to ORDNER angeben.',
    folderMissing: 'Bitte den Ordner mit --to ORDNER angeben.',
    verifyFileMissing: 'Bitte die Sicherungsdatei angeben: tutti backup verify DATEI',
    restoreFileMissing:
      'Bitte die Sicherungsdatei angeben: tutti backup restore DATEI --profile ORDNER',
    created_one: 'Gesichert: {{path}} ({{count}} Datensatz, {{size}})',
    created_other: 'Gesichert: {{path}} ({{count}} Datensätze, {{size}})',
    pruned_one: 'Nach der Aufbewahrungsregel entfernt: {{count}} ältere Sicherung',
    pruned_other: 'Nach der Aufbewahrungsregel entfernt: {{count}} ältere Sicherungen',
    none: 'In {{folder}} liegen keine Tutti-Sicherungen.',
    kinds: {
      automatic: 'automatisch',
      manual: 'von Hand',
      beforeImport: 'vor einem Import',
      beforeRestore: 'vor einer Wiederherstellung',
    },
    keptUntil: '{{kind}}, aufbewahrt bis {{date}}',
    keyFileMissing:
      'Achtung: {{keyFile}} fehlt in diesem Ordner; ohne sie lassen sich die Sicherungen nicht öffnen.',
    verified:
      'In Ordnung: Sicherung vom {{date}}, Tutti {{version}}, Schema {{schema}}; {{counts}}',
    restored: 'Wiederhergestellt: Stand vom {{date}}.',
    restoredOver:
      'Wiederhergestellt: Stand vom {{date}}. Die bisherige Datenbank liegt unter {{previous}}.',
    safety: 'Vorher gesichert (90 Tage aufbewahrt): {{path}}',
    reconnect:
      'Sicherungen enthalten keinen Geräteschlüssel: Ist dieser Verein auf einem Vereinsserver, das Profil bitte mit tutti enroll erneut verbinden.',
  },
  report: {
    what: 'Welcher Bericht? Erlaubt: {{allowed}}. Hilfe: tutti --help',
    notFor: '{{option}} gibt es bei tutti report {{report}} nicht. Hilfe: tutti --help',
    format: 'Bitte --format text, csv, xlsx oder pdf angeben.',
    yearMissing: 'Bitte das Jahr mit --year JJJJ angeben.',
    badYear: 'Ungültiges Jahr „{{year}}“: bitte vier Ziffern von 1900 bis 2100 angeben.',
    badDate: 'Ungültiges Datum „{{date}}“ bei {{option}}: bitte einen Tag als JJJJ-MM-TT angeben.',
    ceremonyOutsideYear:
      'Der Ehrungstermin {{date}} liegt nicht im Jahr {{year}}. Bitte --ceremony und --year prüfen.',
    periodMissing: 'Bitte den Zeitraum mit --from JJJJ-MM-TT --to JJJJ-MM-TT angeben.',
    fromAfterTo: 'Der Beginn {{from}} liegt nach dem Ende {{to}}. Bitte --from und --to prüfen.',
    done: 'Bericht geschrieben nach {{path}}',
    listItem: '  - {{item}}',
  },
};
