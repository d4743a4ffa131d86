import type { errors as de } from '../de/errors.ts';
import type { Texts } from '../textTypes.ts';

export const errors: Texts<typeof de> = {
  app: {
    cannotStart: 'Tutti cannot start',
    unexpected: 'An unexpected error occurred. The details are in the log.',
  },
  keys: {
    fileMissing:
      'The key file {{path}} is missing or cannot be read. Without it the database cannot be opened – please restore from a backup.',
    fileDamaged: 'The key file {{path}} is damaged. Please restore from a backup.',
    passphraseTooShort: 'The passphrase is too short: please choose at least {{min}} characters.',
    wrongPassphrase: 'The passphrase is wrong. Please try again (mind upper and lower case).',
    passphraseFileUnreadable:
      'The passphrase file {{path}} cannot be read. Please check the path in {{variable}}.',
    noTerminal:
      'No passphrase: please start Tutti in a terminal or set {{variable}} to a file holding the passphrase.',
    cancelled: 'Cancelled.',
    noMatchingPassphrase: 'No matching passphrase after {{rounds}} attempts; nothing was changed.',
    storeRefused:
      'Tutti was not set up: this system has no protected key store, and storing the key unprotected was not agreed to. Please set up a keyring (e.g. GNOME Keyring or KWallet) and start Tutti again.',
    storeChanged:
      'The system’s key store has changed (set up with “{{before}}”, now “{{now}}”). The database key cannot be decrypted like this. Please start Tutti in your usual desktop environment (on Linux e.g. with --password-store={{flag}}) or restore the data from a backup.',
    notDecryptable:
      'The database key cannot be decrypted with this user’s key store (another user or another computer?). Please restore the data from a backup.',
    wrappedKeyDamaged: 'The key file is damaged. Please restore from a backup.',
    storeUnavailable:
      'The operating system’s protected key store cannot be reached. Please try again after logging in; on Linux, unlock the keyring.',
  },
  store: {
    damaged:
      'The database {{path}} is damaged or does not belong to this profile. It was not changed. Please restore a backup or ask for support.',
    unreadable: 'The database {{path}} is missing or cannot be read.',
    fromFuture:
      'This database comes from a newer version of Tutti (schema {{version}}; this version knows up to {{known}}). Please update Tutti; the data stays unchanged.',
  },
  backup: {
    noFolder: 'Please enter a folder.',
    noFolderHint: 'Please enter a folder, e.g. the USB stick.',
    noFolderPicker: 'A folder cannot be chosen in the browser; please type the path.',
    chooseFolder: 'Please choose a folder for the backups.',
    folderNotAbsolute: 'Please enter the full path of the folder, for example E:\\Tutti-Backup.',
    folderMissingParent:
      'The folder {{parent}} does not exist: is the drive or the USB stick there? Please check the path.',
    folderMissing: 'The folder {{folder}} does not exist. Shall it be created?',
    notAFolder: '{{folder}} is a file, not a folder. Please choose a folder.',
    folderKeyNotOpened:
      'The folder already holds the key of a backup, and this passphrase does not open it. Please enter its passphrase or choose another folder.',
    folderKeyFileMissing:
      'The key file ({{keyFile}}) is missing from the backup folder {{dir}}. Is the right USB stick plugged in? Otherwise please choose the folder again under “Backup”.',
    folderGone:
      'The backup folder {{dir}} is not there at the moment. Is the USB stick plugged in? Otherwise please choose another folder under “Backup”.',
    folderUnwritable:
      'Tutti cannot write to the backup folder {{dir}} ({{code}}). Is the USB stick plugged in and not full?',
    folderUnwritableUnknown:
      'Tutti cannot write to the backup folder {{dir}}. Is the USB stick plugged in and not full?',
    keyChanged:
      'The key in the backup folder {{dir}} is no longer this computer’s – the passphrase was probably changed on another device. Please choose the same folder again with the new passphrase under “Backup” → “Change folder”.',
    folderHasOtherKey:
      'The folder {{dir}} already holds the key of another backup. Please choose a folder of your own, or set up the backups with the passphrase of that key.',
    notConfigured: 'Backups are not set up yet: please choose a folder and a passphrase first.',
    beforeImport: 'No backup could be made first, so the import was not started: {{reason}}',
    beforeRestore: 'No backup could be made first, so the restore was not started: {{reason}}',
    generationNotFound: 'This backup is not in the backup folder.',
    automaticGeneration: 'Tutti deletes automatic backups itself, by the retention rule.',
    notDeleted: 'The backup could not be deleted ({{code}}). Is the USB stick write-protected?',
    notDeletedUnknown: 'The backup could not be deleted. Is the USB stick write-protected?',
    automaticFailed: 'The automatic backup failed.',
    fileMissing: 'The backup file {{path}} does not exist. Please check the path.',
    keyFileNotBeside:
      'There is no key file {{keyFile}} beside the backup. Please name it with --key FILE.',
    serverBackup:
      'This is a backup of the club server, not of a workstation. It is restored with tutti-server backup restore.',
    tooNewSchema:
      'The backup comes from a newer version of Tutti (schema {{version}}). Please update Tutti.',
    tooNew: 'The backup comes from a newer version of Tutti. Please update Tutti.',
    incomplete:
      'The backup is incomplete: {{table}} holds {{found}} instead of {{expected}} entries.',
    schemaMismatch: 'The backup does not match its manifest (schema).',
    wrongPassphrase: 'The backup passphrase is wrong. Please enter it again.',
    passphraseTooShort: 'The backup passphrase must be at least {{min}} characters long.',
    passphraseRepetitive:
      'The passphrase repeats too few characters. Please use several words or mixed characters.',
    wrongKey:
      'The backup cannot be opened with this key: it was made with another key, or its header is damaged.',
    notABackup: 'The file is not a Tutti backup (not an age-encrypted file).',
    fileDamaged: 'The backup file is damaged or incomplete. Please use another generation.',
    keyFileDamaged: 'The backup key file is damaged. Use another copy of {{keyFile}}.',
    databaseDamaged: 'The database in the backup is damaged.',
    restoreKeyFileMissing:
      'The key file of the database {{database}} is missing. Please restore into a new, empty profile folder.',
    restoredCount:
      'The restored database is faulty: {{table}} holds {{found}} instead of {{expected}} entries.',
    restoreAborted: 'The restore was aborted: {{problems}}.',
    cancelled:
      'The backup was cancelled. No file was written; the last backup is still the previous one.',
    verifyCancelled: 'The check was cancelled.',
    alreadyRunning: 'This is already running; please wait until it has finished, or cancel it.',
    restoreCancelled: 'The restore was cancelled. The data are unchanged, as before.',
    restoreNotCancellable:
      'The restore is replacing the data right now and can no longer be cancelled.',
  },
  work: {
    nothingToCancel: 'Nothing is running that could be cancelled.',
  },
};
