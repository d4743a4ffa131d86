/** The statistics' figures and notes (issue #24): on screen and in the printed or exported file. */
export const statistics = {
  title: 'Statistik',
  charts: {
    membersByYear: 'Mitglieder nach Jahren und Status',
    agePyramid: 'Alterspyramide',
    membersPerRegister: 'Mitglieder je Register',
    attendanceByRegister: 'Anwesenheit je Register',
    attendanceByMember: 'Anwesenheit je Mitglied',
    instrumentsByCondition: 'Instrumente nach Zustand',
    instrumentsByRegister: 'Instrumente je Register und Zustand',
  },
  category: {
    membersByYear: 'Jahr',
    agePyramid: 'Alter',
    membersPerRegister: 'Register',
    attendanceByRegister: 'Register',
    attendanceByMember: 'Mitglied',
    instrumentsByCondition: 'Zustand',
    instrumentsByRegister: 'Register',
  },
  series: {
    aktiv: 'aktiv',
    jugend: 'Jugend',
    passiv: 'passiv',
    ehrenmitglied: 'Ehrenmitglied',
    pause: 'Pause',
    unknown: 'Status unbekannt',
    m: 'männlich',
    w: 'weiblich',
    d: 'divers',
    none: 'ohne Angabe',
    present: 'anwesend',
    excused: 'entschuldigt',
    absent: 'unentschuldigt',
    instruments: 'Instrumente',
    noCondition: 'ohne Zustand',
  },
  bands: { range: '{{from}}–{{to}}', from: '{{from}} und älter' },
  todayLabel: 'heute ({{date}})',
  noRegister: 'ohne Register',
  total: 'Summe',
  entries: 'Einträge',
  season: 'Saison {{from}} bis {{to}}',
  years: '{{from}} bis {{to}}',
  print: {
    continued: 'Diagramm, Fortsetzung',
    capped: 'Das Diagramm zeigt die ersten {{shown}} von {{total}}; die Tabelle danach nennt alle.',
  },
  notes: {
    yearStart:
      'Gezählt ist der Stand am 1. Januar jedes Jahres, wie in der Stärkemeldung, und der heutige, aus dem Verlauf der Mitgliedschaft.',
    statusUnknown:
      '„Status unbekannt“: Mitglieder ohne Eintrittsdatum oder mit einem Zeitraum ohne Status – im Mitglied unter „Verlauf“ ergänzen.',
    membersHidden: 'Ihre Rolle sieht nicht alle Mitglieder: Gezählt sind nur die, die sie sieht.',
    attendanceHidden:
      'Ihre Rolle sieht keine Anwesenheiten: dieses Diagramm gibt es für sie nicht.',
    instrumentsHidden: 'Ihre Rolle sieht keine Instrumente: dieses Diagramm gibt es für sie nicht.',
    yearsInFuture: 'Das Von-Jahr liegt in der Zukunft: dafür gibt es noch keine Zahlen.',
    instrumentsPartial:
      'Ihre Rolle sieht nicht alle Instrumente: Gezählt sind nur die, die sie sieht.',
    registerUnknown:
      'Dieses Register gibt es auf diesem Gerät nicht (mehr): bitte ein anderes wählen.',
    birthDatesHidden: 'Die Alterspyramide braucht Geburtsdaten, und Ihre Rolle sieht keine.',
    withoutBirthDate_one: '1 Mitglied ohne Geburtsdatum ist nicht gezählt.',
    withoutBirthDate_other: '{{count}} Mitglieder ohne Geburtsdatum sind nicht gezählt.',
    pyramidSides:
      'Links männlich, rechts weiblich; divers und ohne Angabe stehen rechts daneben. Gezählt sind die heutigen Mitglieder.',
    severalRegisters:
      'Ein Mitglied in zwei Registern zählt in beiden; ausgetretene Mitglieder zählen nicht.',
    attendanceShares:
      'Anteile der erfassten Anwesenheiten in Prozent; Termine ohne Anwesenheitsliste zählen nicht.',
    noAttendance: 'In diesem Zeitraum ist keine Anwesenheit erfasst.',
    registerNow:
      'Ein Mitglied zählt für die Register, in denen es heute ist; die Anwesenheitsliste merkt sich das Register des Tages nicht.',
  },
};
