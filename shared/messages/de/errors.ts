/** What the desktop core and its command line say when they refuse something. */

export const errors = {
  app: {
    cannotStart: 'Tutti kann nicht starten',
    unexpected: 'Ein unerwarteter Fehler ist aufgetreten. Details stehen im Protokoll.',
  },
  keys: {
    fileMissing:
      'Die Schlüsseldatei {{path}} fehlt oder ist nicht lesbar. Ohne sie kann die Datenbank nicht geöffnet werden – bitte aus einer Datensicherung wiederherstellen.',
    fileDamaged:
      'Die Schlüsseldatei {{path}} ist beschädigt. Bitte aus einer Datensicherung wiederherstellen.',
    passphraseTooShort: 'Die Passphrase ist zu kurz: bitte mindestens {{min}} Zeichen wählen.',
    wrongPassphrase:
      'Die Passphrase ist falsch. Bitte erneut versuchen (Groß- und Kleinschreibung beachten).',
    passphraseFileUnreadable:
      'Die Passphrase-Datei {{path}} ist nicht lesbar. Bitte den Pfad in {{variable}} prüfen.',
    noTerminal:
      'Keine Passphrase: bitte Tutti in einem Terminal starten oder {{variable}} auf eine Datei mit der Passphrase setzen.',
    cancelled: 'Abgebrochen.',
    noMatchingPassphrase:
      'Nach {{rounds}} Versuchen keine passende Passphrase; es wurde nichts geändert.',
    storeRefused:
      'Tutti wurde nicht eingerichtet: Auf diesem System gibt es keinen geschützten Schlüsselspeicher, und der ungeschützten Ablage wurde nicht zugestimmt. Bitte einen Schlüsselbund (z. B. GNOME Keyring oder KWallet) einrichten und Tutti erneut starten.',
    storeChanged:
      'Der Schlüsselspeicher des Systems hat gewechselt (eingerichtet mit „{{before}}“, jetzt „{{now}}“). Der Schlüssel der Datenbank lässt sich so nicht entschlüsseln. Bitte Tutti in der gewohnten Arbeitsumgebung starten (unter Linux z. B. mit --password-store={{flag}}) oder die Daten aus einer Datensicherung wiederherstellen.',
    notDecryptable:
      'Der Schlüssel der Datenbank lässt sich mit dem Schlüsselspeicher dieses Benutzers nicht entschlüsseln (anderer Benutzer oder anderer Computer?). Bitte die Daten aus einer Datensicherung wiederherstellen.',
    wrappedKeyDamaged:
      'Die Schlüsseldatei ist beschädigt. Bitte aus einer Datensicherung wiederherstellen.',
    storeUnavailable:
      'Der geschützte Schlüsselspeicher des Betriebssystems ist nicht erreichbar. Bitte nach der Anmeldung erneut versuchen; unter Linux den Schlüsselbund entsperren.',
  },
  store: {
    damaged:
      'Die Datenbank {{path}} ist beschädigt oder gehört nicht zu diesem Profil. Sie wurde nicht verändert. Bitte eine Datensicherung zurückspielen oder den Support fragen.',
    unreadable: 'Die Datenbank {{path}} fehlt oder ist nicht lesbar.',
    fromFuture:
      'Diese Datenbank stammt von einer neueren Tutti-Version (Schema {{version}}, diese Version kennt bis {{known}}). Bitte Tutti aktualisieren; die Daten bleiben unverändert.',
  },
  backup: {
    noFolder: 'Bitte einen Ordner angeben.',
    noFolderHint: 'Bitte einen Ordner angeben, z. B. den USB-Stick.',
    noFolderPicker: 'Im Browser lässt sich kein Ordner auswählen; bitte den Pfad eintippen.',
    chooseFolder: 'Bitte einen Ordner für die Datensicherung wählen.',
    folderNotAbsolute:
      'Bitte den vollständigen Pfad des Ordners angeben, zum Beispiel E:\\Tutti-Sicherung.',
    folderMissingParent:
      'Den Ordner {{parent}} gibt es nicht: Ist das Laufwerk oder der USB-Stick da? Bitte den Pfad prüfen.',
    folderMissing: 'Den Ordner {{folder}} gibt es nicht. Soll er angelegt werden?',
    notAFolder: '{{folder}} ist eine Datei, kein Ordner. Bitte einen Ordner wählen.',
    folderKeyNotOpened:
      'Im Ordner liegt schon der Schlüssel einer Datensicherung, und diese Passphrase öffnet ihn nicht. Bitte deren Passphrase eingeben oder einen anderen Ordner wählen.',
    folderKeyFileMissing:
      'Im Sicherungsordner {{dir}} fehlt die Schlüsseldatei ({{keyFile}}). Ist der richtige USB-Stick eingesteckt? Sonst bitte unter „Datensicherung“ den Ordner neu wählen.',
    folderGone:
      'Den Sicherungsordner {{dir}} gibt es gerade nicht. Ist der USB-Stick eingesteckt? Sonst bitte unter „Datensicherung“ einen anderen Ordner wählen.',
    folderUnwritable:
      'In den Sicherungsordner {{dir}} lässt sich nicht schreiben ({{code}}). Ist der USB-Stick eingesteckt und nicht voll?',
    folderUnwritableUnknown:
      'In den Sicherungsordner {{dir}} lässt sich nicht schreiben. Ist der USB-Stick eingesteckt und nicht voll?',
    folderHasOtherKey:
      'Im Ordner {{dir}} liegt schon der Schlüssel einer anderen Datensicherung. Bitte einen eigenen Ordner wählen oder die Datensicherung mit der Passphrase jenes Schlüssels einrichten.',
    keyChanged:
      'Der Schlüssel im Sicherungsordner {{dir}} ist nicht mehr der dieses Computers – vermutlich wurde die Passphrase an einem anderen Gerät geändert. Bitte unter „Datensicherung“ mit „Ordner ändern“ denselben Ordner mit der neuen Passphrase wählen.',
    notConfigured:
      'Die Datensicherung ist noch nicht eingerichtet: bitte zuerst einen Ordner und eine Passphrase festlegen.',
    beforeImport:
      'Vorher ließ sich keine Sicherung anlegen, daher ist der Import nicht gestartet worden: {{reason}}',
    beforeRestore:
      'Vorher ließ sich keine Sicherung anlegen, daher ist die Wiederherstellung nicht gestartet worden: {{reason}}',
    generationNotFound: 'Diese Sicherung gibt es im Sicherungsordner nicht.',
    automaticGeneration:
      'Automatische Sicherungen löscht Tutti selbst nach der Aufbewahrungsregel.',
    notDeleted:
      'Die Sicherung ließ sich nicht löschen ({{code}}). Ist der USB-Stick schreibgeschützt?',
    notDeletedUnknown: 'Die Sicherung ließ sich nicht löschen. Ist der USB-Stick schreibgeschützt?',
    automaticFailed: 'Die automatische Sicherung schlug fehl.',
    fileMissing: 'Die Sicherungsdatei {{path}} gibt es nicht. Bitte den Pfad prüfen.',
    keyFileNotBeside:
      'Neben der Sicherung liegt keine Schlüsseldatei {{keyFile}}. Bitte sie mit --key DATEI angeben.',
    serverBackup:
      'Das ist eine Sicherung des Vereinsservers, keine eines Arbeitsplatzes. Sie wird mit tutti-server backup restore eingespielt.',
    tooNewSchema:
      'Die Sicherung stammt aus einer neueren Tutti-Version (Schema {{version}}). Bitte Tutti aktualisieren.',
    tooNew: 'Die Sicherung stammt aus einer neueren Tutti-Version. Bitte Tutti aktualisieren.',
    incomplete:
      'Die Sicherung ist unvollständig: in {{table}} stehen {{found}} statt {{expected}} Einträge.',
    schemaMismatch: 'Die Sicherung passt nicht zu ihrem Manifest (Schema).',
    wrongPassphrase: 'Die Passphrase der Datensicherung ist falsch. Bitte erneut eingeben.',
    passphraseTooShort:
      'Die Passphrase der Datensicherung muss mindestens {{min}} Zeichen lang sein.',
    passphraseRepetitive:
      'Die Passphrase wiederholt zu wenige Zeichen. Bitte mehrere Wörter oder gemischte Zeichen verwenden.',
    wrongKey:
      'Die Sicherung lässt sich mit diesem Schlüssel nicht öffnen: Sie wurde mit einem anderen Schlüssel erstellt, oder ihr Kopf ist beschädigt.',
    notABackup: 'Die Datei ist keine Tutti-Datensicherung (keine age-verschlüsselte Datei).',
    fileDamaged:
      'Die Sicherungsdatei ist beschädigt oder unvollständig. Bitte eine andere Generation verwenden.',
    keyFileDamaged:
      'Die Schlüsseldatei der Datensicherung ist beschädigt. Eine andere Kopie von {{keyFile}} verwenden.',
    databaseDamaged: 'Die Datenbank in der Sicherung ist beschädigt.',
    restoreKeyFileMissing:
      'Zur Datenbank {{database}} fehlt die Schlüsseldatei. Bitte in einen neuen, leeren Profilordner wiederherstellen.',
    restoredCount:
      'Die wiederhergestellte Datenbank ist fehlerhaft: in {{table}} stehen {{found}} statt {{expected}} Einträge.',
    restoreAborted: 'Die Wiederherstellung wurde abgebrochen: {{problems}}.',
    cancelled:
      'Die Sicherung wurde abgebrochen. Es wurde keine Datei geschrieben; die letzte Sicherung ist weiterhin die vorige.',
    verifyCancelled: 'Die Prüfung wurde abgebrochen.',
    alreadyRunning: 'Das läuft gerade schon; bitte sein Ende abwarten oder es abbrechen.',
    restoreCancelled:
      'Die Wiederherstellung wurde abgebrochen. Die Daten sind unverändert wie vorher.',
    restoreNotCancellable:
      'Die Wiederherstellung ersetzt gerade die Daten und kann nicht mehr abgebrochen werden.',
  },
  work: {
    nothingToCancel: 'Es läuft nichts, das abgebrochen werden könnte.',
  },
};
