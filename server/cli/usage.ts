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
                      eigene Rolle, z. B. --grant members:read:ownRegisters:withoutSensitive
                      Bereiche: all, ownRegisters, ownRecord; Felder: all, withoutSensitive
  role list --club ID
  enroll-code --club ID --user ID     Anmeldecode für ein Gerät (24 h, einmal)
  enroll-code --support ID            … für ein Gerät eines Support-Mitarbeiters
  device list [--club ID]
  device revoke GERÄTE-ID
  support staff-add --name NAME | support staff-list
  support grant --club ID --hours N [--password-file F]
  support revoke --club ID [--password-file F]
  audit --club ID [--since JJJJ-MM-TT]

Passwörter und die Server-Passphrase werden im Terminal abgefragt oder aus der genannten Datei
gelesen (Server-Passphrase auch aus der Datei in TUTTI_SERVER_PASSPHRASE_FILE).
Läuft der Server, gehen die Befehle über den Admin-Socket im Datenverzeichnis an ihn.
`;
