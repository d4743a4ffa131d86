/**
 * What the web application's server says to the browser: sign-in, invitations, second factor,
 * sessions (issue #27). For a club's secretary: what happened and what to do next.
 */
export const web = {
  loginNameShort: 'Der Anmeldename ist zu kurz (mindestens 3 Zeichen).',
  loginNameLong: 'Der Anmeldename ist zu lang (höchstens 100 Zeichen).',
  loginNameChars:
    'Der Anmeldename darf nur Buchstaben, Ziffern und . _ @ + - enthalten, keine Leerzeichen.',
  passwordLong: 'Das Passwort ist zu lang (höchstens 1024 Zeichen).',
  password: {
    tooShort: 'Das Passwort ist zu kurz. Bitte mindestens {{min}} Zeichen wählen.',
    common:
      'Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte ein anderes wählen, z. B. einen Satz aus mehreren Wörtern.',
    containsName:
      'Das Passwort darf nicht den Anmeldenamen oder den Namen des Vereins enthalten. Bitte ein anderes wählen.',
  },
  loginFailed:
    'Anmeldename oder Passwort stimmen nicht. Bitte erneut versuchen. Wer sein Passwort vergessen hat, wendet sich an den EDV-Beauftragten des Vereins.',
  accountLocked: 'Zu viele Fehlversuche. Bitte versuchen Sie es nach {{time}} Uhr wieder.',
  addressLocked:
    'Zu viele Fehlversuche von diesem Anschluss. Bitte versuchen Sie es nach {{time}} Uhr wieder.',
  codeWrong:
    'Der Code stimmt nicht. Bitte den aktuellen Code aus der Authenticator-App oder einen unbenutzten Wiederherstellungscode eingeben.',
  codeReused:
    'Dieser Code wurde schon verwendet. Bitte warten, bis die App einen neuen Code zeigt, und diesen eingeben.',
  secondFactorRequired:
    'Für Ihre Rolle im Verein ist ein zweiter Faktor vorgeschrieben. Bitte die Authenticator-App jetzt einrichten.',
  totp: {
    noSetup: 'Bitte zuerst einen neuen QR-Code anfordern und ihn mit der App scannen.',
  },
  invite: {
    unknown:
      'Diesen Einladungslink kennt der Server nicht. Bitte den Link vollständig aus der E-Mail übernehmen oder beim EDV-Beauftragten einen neuen anfordern.',
    used: 'Dieser Einladungslink wurde schon verwendet. Bitte mit Anmeldename und Passwort anmelden oder beim EDV-Beauftragten einen neuen Link anfordern.',
    expired:
      'Dieser Einladungslink ist abgelaufen (gültig 72 Stunden). Bitte beim EDV-Beauftragten einen neuen anfordern.',
    hasAccount:
      'Dieser Benutzer hat schon einen Zugang zur Web-Anwendung. Für ein neues Passwort: tutti-server user reset-login.',
    nameTaken:
      'Diesen Anmeldenamen gibt es schon. Wenn es Ihrer ist (aus einem anderen Verein), geben Sie Ihr bisheriges Passwort ein; sonst wählen Sie einen anderen Namen.',
    alreadyInClub: 'Ihr Zugang ist mit diesem Verein schon verbunden. Bitte einfach anmelden.',
  },
  reset: {
    noAccount:
      'Dieser Benutzer hat noch keinen Zugang zur Web-Anwendung. Bitte stattdessen einladen: tutti-server user invite.',
  },
  sessionNeeded: 'Bitte zuerst anmelden.',
  sessionExpired:
    'Ihre Sitzung ist abgelaufen oder wurde beendet. Bitte melden Sie sich erneut an.',
  sessionUnknown: 'Diese Sitzung gibt es nicht oder sie ist schon beendet.',
  csrfRefused:
    'Die Anfrage wurde aus Sicherheitsgründen abgelehnt. Bitte die Seite neu laden und erneut versuchen.',
  originRefused:
    'Die Anfrage kam nicht von der Seite dieses Servers und wurde abgelehnt. Bitte die Web-Anwendung direkt über ihre Adresse öffnen.',
  wrongStage: 'Dieser Schritt passt nicht zum Stand der Anmeldung. Bitte die Seite neu laden.',
  clubNotYours: 'Zu diesem Verein gehört Ihr Zugang nicht.',
  clubNotChosen: 'Bitte zuerst den Verein wählen.',
  userGone:
    'Ihr Benutzer gibt es in diesem Verein nicht mehr. Bitte wenden Sie sich an den EDV-Beauftragten.',
  signInFirst: 'Bitte zuerst anmelden und den Verein wählen.',
  tooManyStreams:
    'Zu viele offene Fenster mit dieser Sitzung. Bitte ein anderes Fenster schließen und die Seite neu laden.',
  unknownMethod: 'Diese Funktion kennt der Server nicht.',
  desktopOnly: 'Das geht nur in der Tutti-Anwendung auf dem Computer, nicht im Browser.',
  saveConflict:
    'Jemand anderes hat diesen Datensatz inzwischen geändert. Bitte die markierten Felder prüfen und erneut speichern.',
  changedMeanwhile: 'Inzwischen von jemand anderem geändert auf „{{value}}“.',
  changedMeanwhileHidden: 'Inzwischen von jemand anderem geändert.',
};
