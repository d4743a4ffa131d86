/** The web application (issue #27): sign-in, account, connection. */
export const webApp = {
  offline:
    'Keine Verbindung zum Vereinsserver – Ihre Eingaben bleiben im Formular; speichern Sie, sobald die Verbindung wieder da ist.',
  sessionEnded:
    'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an – Ihre Eingaben bleiben im Formular.',
  unexpected: 'Unerwartete Antwort des Vereinsservers (HTTP {{status}}).',
  noAnswer:
    'Der Vereinsserver hat nicht innerhalb von 30 Sekunden geantwortet. Ob die Änderung gespeichert wurde, ist unklar: bitte in der Liste nachsehen, bevor Sie erneut speichern. Ihre Eingaben bleiben im Formular.',
  startFailed:
    'Der Vereinsserver ist nicht erreichbar. Bitte die Verbindung prüfen und es erneut versuchen.',
  conflictField: 'Inzwischen von jemand anderem geändert: jetzt „{{value}}“',
  signIn: {
    title: 'Anmelden',
    againTitle: 'Erneut anmelden',
    overlayTitle: 'Anmeldung',
    expired:
      'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an – Ihre Eingaben in offenen Formularen bleiben erhalten und lassen sich danach speichern.',
    loginName: 'Anmeldename',
    password: 'Passwort',
    submit: 'Anmelden',
    loginNameMissing: 'Bitte den Anmeldenamen eingeben.',
    passwordMissing: 'Bitte das Passwort eingeben.',
    loading: 'Verbindung zum Vereinsserver wird hergestellt …',
  },
  secondFactor: {
    title: 'Bestätigung mit dem zweiten Faktor',
    intro: 'Geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein.',
    recoveryIntro:
      'Geben Sie einen Ihrer Wiederherstellungscodes ein (Form xxxxx-xxxxx). Jeder Code gilt nur einmal.',
    code: 'Code aus der App',
    codeHint: 'Sechs Ziffern',
    recoveryCode: 'Wiederherstellungscode',
    useRecovery: 'Wiederherstellungscode verwenden',
    useApp: 'Code aus der App verwenden',
    submit: 'Bestätigen',
    codeMissing: 'Bitte den Code eingeben.',
    codeFormat: 'Der Code besteht aus sechs Ziffern.',
    otherAccount: 'Mit einem anderen Konto anmelden',
  },
  invite: {
    newTitle: 'Einladung zu {{club}}',
    newIntro:
      'Willkommen, {{name}}! Wählen Sie einen Anmeldenamen und ein Passwort für Ihren Zugang zu Tutti.',
    newSubmit: 'Zugang anlegen',
    resetTitle: 'Neues Passwort für {{name}}',
    resetIntro:
      'Legen Sie ein neues Passwort fest. Den zweiten Faktor richten Sie danach ebenfalls neu ein.',
    resetSubmit: 'Passwort speichern',
    existingTitle: 'Zugang zu {{club}}',
    existingIntro:
      'Sie haben schon einen Zugang zu Tutti. Bestätigen Sie ihn mit Ihrem Passwort, dann gehört {{club}} dazu.',
    existingSubmit: 'Verein hinzufügen',
    validUntil: 'Der Link gilt bis {{time}}.',
    loginName: 'Anmeldename',
    loginNameHint: 'Mindestens 3 Zeichen: Buchstaben, Ziffern und . _ @ + -',
    password: 'Neues Passwort',
    passwordHint:
      'Mindestens {{count}} Zeichen und kein gängiges Passwort. Ein Satz aus mehreren Wörtern ist sicher und leicht zu merken.',
    currentPassword: 'Ihr Passwort',
    repeat: 'Neues Passwort wiederholen',
    tooShort: 'Das Passwort braucht mindestens {{count}} Zeichen.',
    mismatch: 'Die beiden Passwörter stimmen nicht überein.',
    invalidTitle: 'Einladung nicht gültig',
    toLogin: 'Zur Anmeldung',
    loading: 'Einladung wird geprüft …',
  },
  totp: {
    title: 'Zweiten Faktor einrichten',
    intro:
      'Scannen Sie den QR-Code mit einer Authenticator-App (zum Beispiel Aegis, FreeOTP oder Google Authenticator) oder tippen Sie den Schlüssel von Hand ein. Geben Sie dann den Code ein, den die App zeigt.',
    required: 'Für Ihre Rolle ist der zweite Faktor vorgeschrieben.',
    replaceTitle: 'Zweiten Faktor ersetzen',
    replaceIntro: 'Der bisherige gilt weiter, bis Sie den neuen bestätigen.',
    qrAlt: 'QR-Code zum Einrichten der Authenticator-App (der Schlüssel steht darunter als Text)',
    secret: 'Schlüssel zum Eintippen',
    code: 'Code aus der App',
    confirm: 'Bestätigen',
    later: 'Später',
    loading: 'Schlüssel wird erzeugt …',
    replacePasswordIntro:
      'Zum Ersetzen geben Sie bitte zuerst Ihr aktuelles Passwort ein. Danach erhalten Sie den neuen QR-Code.',
    currentPassword: 'Ihr aktuelles Passwort',
    passwordMissing: 'Bitte das aktuelle Passwort eingeben.',
    passwordWrong:
      'Das Passwort stimmt nicht. Bitte erneut eingeben – nach zu vielen Fehlversuchen wird der Zugang für 15 Minuten gesperrt.',
    continue: 'Weiter',
  },
  recovery: {
    title: 'Ihre Wiederherstellungscodes',
    intro:
      'Mit einem dieser Codes melden Sie sich an, wenn Ihr Telefon nicht zur Hand ist. Jeder Code gilt einmal.',
    once: 'Die Codes werden nur jetzt angezeigt. Bitte ausdrucken oder an einem sicheren Ort speichern.',
    print: 'Ausdrucken',
    copy: 'Kopieren',
    copied: 'Kopiert',
    saved: 'Ich habe die Codes sicher aufbewahrt',
    continue: 'Weiter',
  },
  chooseClub: {
    title: 'Verein wählen',
    intro: 'Ihr Zugang gehört zu mehreren Vereinen. Mit welchem möchten Sie arbeiten?',
    role: 'als {{role}}',
  },
  account: {
    title: 'Konto',
    signedInAs: 'Angemeldet als {{name}} bei {{club}}.',
    sessions: 'Aktive Sitzungen',
    since: 'Angemeldet seit',
    lastSeen: 'Zuletzt aktiv',
    address: 'Adresse',
    browser: 'Browser',
    club: 'Verein',
    actions: 'Aktion',
    thisSession: 'diese Sitzung',
    endSession: 'Beenden',
    unknown: 'unbekannt',
    logout: 'Abmelden',
    logoutEverywhere: 'Überall abmelden',
    logoutEverywhereHint:
      '„Überall abmelden“ beendet alle Sitzungen Ihres Zugangs, auch diese – etwa wenn Sie sich an einem fremden Rechner nicht abgemeldet haben.',
    secondFactor: 'Zweiter Faktor',
    enrolled_one: 'Eingerichtet. Noch {{count}} Wiederherstellungscode übrig.',
    enrolled_other: 'Eingerichtet. Noch {{count}} Wiederherstellungscodes übrig.',
    notEnrolled: 'Nicht eingerichtet.',
    notEnrolledRequired: 'Nicht eingerichtet – für Ihre Rolle vorgeschrieben.',
    setUp: 'Einrichten',
    replace: 'Ersetzen',
    factorReady: 'Der zweite Faktor ist eingerichtet.',
  },
  header: {
    who: '{{club}} · {{name}}',
    account: 'Konto',
  },
  status: {
    connected: 'Verbunden mit {{club}} · angemeldet als {{name}}',
    offline: 'Keine Verbindung zum Vereinsserver – Eingaben bleiben im Formular',
  },
};
