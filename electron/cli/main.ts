/**
 * `tutti` command line. Errors a person can fix are printed as one German line on stderr with a
 * non-zero exit; anything else is a bug and prints its stack. Each command is loaded only when
 * called: a short command should not wait for the modules of all the others.
 */
import { APP_VERSION } from '../../shared/node/appVersion.ts';
import { CoreError } from '../core/coreError.ts';

const USAGE = `Tutti – Vereinsverwaltung

Verwendung:
  tutti start [--profile ORDNER] [--browser] [--port N]
      Startet Tutti. Ohne Electron (oder mit --browser) im Browser unter 127.0.0.1.
  tutti export members|registers|instruments|loans --profile ORDNER --format csv|json [--out DATEI]
      Schreibt die Daten des Profils als CSV (für Excel) oder JSON.
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

Die Passphrase des Profils wird im Terminal abgefragt oder aus der Datei gelesen,
die in der Umgebungsvariable TUTTI_PASSPHRASE_FILE steht.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await (await import('./startCommand.ts')).startCommand(rest, process.stdout);
      case 'export':
        return await (await import('./exportCommand.ts')).exportCommand(rest, process.stdout);
      case 'import':
        return await (await import('./importCommand.ts')).importCommand(rest, process.stdout);
      case 'enroll':
        return await (await import('./enrollCommand.ts')).enrollCommand(rest, process.stdout);
      case 'sync':
        return await (await import('./syncCommand.ts')).syncCommand(rest, process.stdout);
      case 'backup':
        return await (await import('./backupCommand.ts')).backupCommand(rest, process.stdout);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      case 'version':
      case '--version':
      case '-V':
        process.stdout.write(`Tutti ${APP_VERSION}\n`);
        return 0;
      default:
        process.stderr.write(`Fehler: Unbekannter Befehl „${command}“. Hilfe: tutti --help\n`);
        return 2;
    }
  } catch (error) {
    if (error instanceof CoreError) {
      process.stderr.write(`Fehler: ${error.message}\n`);
      if (process.env.TUTTI_DEBUG && error.cause) console.error(error.cause);
      return error.code === 'bad_arguments' ? 2 : 1;
    }
    throw error;
  }
}
