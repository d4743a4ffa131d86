export const USAGE = `tutti-server – der Vereinsserver von Tutti

Aufruf: tutti-server BEFEHL --data VERZEICHNIS [Optionen]

  init [--hostname NAME …] [--passphrase-file F]
                      CA, Server-Zertifikat und Konfiguration anlegen
                      (Standard-Namen: localhost, 127.0.0.1)
  start [--database-url postgres://…] [--web-port N] [--device-port N] [--host ADRESSE]
        [--passphrase-file F]
                      Server starten (PGlite im Verzeichnis, PostgreSQL mit URL)
  club create NAME    Verein anlegen (letzte Zeile: Vereins-ID)
  club list
  club admin-password --club ID [--password-file F] [--current-password-file F]
  user add --club ID --name NAME --role ROLLE [--register ID …] [--member ID]
                      Rollen: administrator, vorstand, kassier, registerfuehrer,
                      instrumentenwart, mitglied (letzte Zeile: Benutzer-ID)
  user list --club ID
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
`;
