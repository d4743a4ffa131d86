/** What the desktop core says: records, the profile, the connection with the club server. */
export const core = {
  recordNotFound: 'Der Datensatz wurde nicht gefunden. Vielleicht wurde er inzwischen gelöscht.',
  checkFields: 'Bitte die markierten Felder prüfen.',
  recordTooLarge:
    'Der Datensatz ist zu groß für den Abgleich mit dem Vereinsserver ({{kb}} KB, höchstens {{maxKb}} KB). Bitte die Bemerkung oder die übernommenen Werte kürzen.',
  clubNotDeletable: 'Die Vereinsdaten lassen sich ändern, aber nicht löschen.',
  deletedMember: 'ein gelöschtes Mitglied',
  importRunning: 'Ein Import läuft gerade; bitte sein Ende abwarten.',
  restoreRunning:
    'Eine Datensicherung wird gerade wiederhergestellt. Ihre Eingaben sind noch da – bitte nach dem Ende der Wiederherstellung erneut speichern.',
  internal: 'Interner Fehler. Details stehen im Protokoll.',
  export: {
    deleted: '(gelöscht)',
    yes: 'ja',
    no: 'nein',
    inEuro: '{{label}} (EUR)',
    memberCount: 'Mitglieder',
    pageOf: 'Seite {{page}} von {{pages}}',
    madeOn: 'Stand {{date}}',
    notes: 'Hinweise',
    notAllowed: 'Ihre Rolle darf diese Liste nicht lesen.',
    unknownField: 'Unbekannte Spalte „{{field}}“.',
    undrawable:
      'Diese Zeichen kann die Schrift des PDF nicht darstellen; sie fehlen im Ausdruck (in Excel und CSV sind sie enthalten): {{characters}}',
    labels: 'Adressetiketten',
    letters: 'Serienbrief',
    noAddress: 'Keines der Mitglieder hat eine Anschrift (Straße und Ort).',
    unknownLabelFormat: 'Dieses Etikettenformat kennt Tutti nicht.',
    startOutside:
      'Ein Bogen hat {{labels}} Etiketten: bitte eine Startposition von 1 bis {{labels}}.',
    unknownLetterField: 'Diese Felder gibt es nicht: {{fields}}. Möglich sind: {{possible}}.',
    rowCount_one: '1 Eintrag',
    rowCount_other: '{{count}} Einträge',
  },
  host: {
    restarting:
      'Der Programmkern startet gerade neu. Ihre Eingaben sind noch da – bitte in einigen Sekunden erneut versuchen.',
    crashed:
      'Der Programmkern wurde unterbrochen, bevor er antworten konnte. Ihre Eingaben sind noch da; ob die Änderung schon gespeichert war, zeigt die Liste, sobald er wieder läuft.',
    stopping: 'Tutti wird gerade beendet.',
    openTimeout:
      'Der Programmkern konnte das Profil nicht in {{seconds}} Sekunden öffnen. Ist das Laufwerk des Profils erreichbar?',
    failedToStart: 'Der Programmkern ließ sich nicht starten ({{code}}).',
  },
  rpc: {
    badRequest: 'Ungültige Anfrage.',
    unknownMethod: 'Unbekannte Funktion „{{method}}“.',
    badArguments: 'Ungültige Angaben ({{where}}).',
    foreignSender: 'Anfrage aus einer fremden Quelle abgelehnt.',
    tooLarge: 'Anfrage zu groß.',
    onlyGet: 'Nur GET.',
    tooManyStreams: 'Zu viele offene Ereignis-Verbindungen; bitte später erneut verbinden.',
    onlyPost: 'Nur POST.',
    foreignOrigin: 'Fremde Herkunft.',
    notJson: 'Ungültiges JSON.',
    noAccess:
      'Kein Zugang: Bitte Tutti über die Adresse mit Zugangsschlüssel öffnen, die beim Start im Terminal angezeigt wurde.',
  },
  profile: {
    notWritable:
      'Kein Schreibzugriff auf den Profilordner {{dir}}. Bitte die Rechte prüfen oder mit --profile einen anderen Ordner wählen.',
    keyFileMissing:
      'Zur Datenbank {{database}} fehlt die Schlüsseldatei {{keyFile}}. Ohne sie lässt sich die Datenbank nicht öffnen – bitte aus einer Datensicherung wiederherstellen.',
    notFound: 'Im Ordner {{dir}} gibt es kein Tutti-Profil. Bitte den Pfad bei --profile prüfen.',
    fromFuture:
      'Diese Datenbank stammt von einer neueren Tutti-Version (Schema {{version}}). Bitte Tutti aktualisieren.',
    notMigrated:
      'Die Datenbank ist noch nicht auf dem neuesten Stand. Bitte Tutti einmal starten, dann erneut exportieren.',
    inUse:
      'Dieses Profil ist bereits geöffnet. Bitte das andere Tutti-Fenster verwenden oder schließen.',
    inUseBy:
      'Dieses Profil ist bereits geöffnet (Tutti-Prozess {{pid}}). Bitte das andere Tutti-Fenster verwenden oder schließen.',
  },
  connection: {
    unreachable:
      'Der Vereinsserver ist nicht erreichbar ({{code}}). Bitte Adresse und Netzwerk prüfen.',
    offline: 'Keine Verbindung zum Vereinsserver.',
    offlineCode: 'Keine Verbindung zum Vereinsserver ({{code}}).',
    cut: 'Die Verbindung zum Vereinsserver brach ab, bevor seine Antwort vollständig war.',
    cutCode: 'Die Verbindung zum Vereinsserver brach ab ({{code}}).',
    tooLarge: 'Die Antwort des Vereinsservers ist zu groß (mehr als {{mb}} MB).',
    deadline:
      'Der Vereinsserver hat nicht innerhalb von {{seconds}} Sekunden vollständig geantwortet.',
    idle: 'Die Verbindung zum Vereinsserver stockt: {{seconds}} Sekunden lang kam nichts an.',
    aborted: 'Der Abgleich wurde abgebrochen, weil Tutti endet.',
    /** What an older server said, in its words (German): it sent no key. */
    serverSaid: '{{text}}',
    httpStatus: 'Der Server antwortete mit HTTP {{status}}.',
  },
  enrol: {
    alreadyConnected: 'Dieses Profil ist schon mit einem Vereinsserver verbunden.',
    checkAddress: 'Bitte die Adresse prüfen.',
    addressFormat:
      'Die Adresse beginnt mit https:// und nennt den Server, z. B. https://verein.example:8443',
    badCode:
      'Das ist kein Tutti-Anmeldecode. Bitte den ganzen Code so einfügen, wie ihn der EDV-Beauftragte geschickt hat.',
    notTrusted:
      'Der Server weist sich nicht mit dem Zertifikat aus, das der Anmeldecode erwartet. Es wurde nichts gesendet. Bitte Serveradresse und Code prüfen.',
    refused: 'Die Anmeldung wurde abgelehnt: {{reason}}',
  },
  sync: {
    notConnected:
      'Dieses Profil ist mit keinem Vereinsserver verbunden: zuerst tutti enroll --server URL --code CODE.',
    failed: '{{step}}: {{problem}}',
    step: {
      renew: 'Erneuern des Gerätezertifikats',
      pull: 'Abholen der Änderungen',
      push: 'Senden der Änderungen',
      realign: 'Abgleich nach der Wiederherstellung',
    },
    answerMismatch:
      'Die Antwort des Servers passt nicht zum Sync-Protokoll ({{where}}). Bitte Tutti und den Server auf den gleichen Stand bringen.',
    cursorBack: 'Der Server ging hinter den bekannten Stand zurück ({{cursor}} statt ab {{from}}).',
    outOfOrder: 'Der Server schickte Änderungen außer der Reihe (Stand {{version}}).',
    offlineSaved: '{{reason}} Änderungen werden gespeichert und später gesendet.',
    entryDone: 'Dieser Eintrag ist schon erledigt.',
    rejectionDone: 'Diese Ablehnung ist schon erledigt.',
  },
};
