/**
 * Why a change was refused: rules across records (shared/domain/recordRules.ts) and the sync
 * protocol's refusals. The server sends these keys without the `reasons.` prefix
 * (`rules.registerNameTaken`), as it did before the texts moved here.
 */
export const reasons = {
  unknown: 'Der Vereinsserver hat diese Änderung abgelehnt.',
  sync: {
    clockAhead:
      'Die Uhr des Geräts, auf dem diese Änderung gemacht wurde, ging um {{minutes}} Minuten vor. Bitte Datum und Uhrzeit des Computers richtig stellen und die Änderung dann erneut senden.',
    rejected: {
      validation: 'Die Änderung enthält ungültige Angaben.',
      bad_request: 'Die Änderung ist fehlerhaft.',
      forbidden: 'Ihre Rolle darf diese Änderung nicht machen.',
      not_found:
        'Diesen Datensatz gibt es auf dem Server nicht (oder er ist für Sie nicht sichtbar).',
      conflict: 'Die Änderung widerspricht einer Regel des Vereins.',
      unavailable: 'Der Vereinsserver war nicht bereit.',
      internal: 'Interner Fehler des Servers.',
      locked: 'Gesperrt.',
    },
  },
  rules: {
    registerNameTaken: 'Ein Register „{{value}}“ gibt es schon.',
    inventoryNumberTaken: 'Die Inventarnummer {{value}} ist schon vergeben.',
    inventoryNumberTakenBy: 'Die Inventarnummer {{value}} ist schon vergeben ({{other}}).',
    referenceGone: 'Ein verknüpfter Datensatz existiert nicht mehr.',
    reference: {
      registerIds: 'Ein zugeordnetes Register gibt es nicht mehr.',
      householdId: 'Das Haushaltsmitglied gibt es nicht.',
      leaderIds: 'Ein Registerführer ist kein (aktuelles) Mitglied.',
      registerId: 'Das Register gibt es nicht mehr.',
      instrumentId: 'Das Instrument gibt es nicht.',
      memberId: 'Das Mitglied gibt es nicht.',
      eventId: 'Den Termin gibt es nicht.',
      chairId: 'Das Mitglied für den Vorsitz gibt es nicht (mehr).',
      conductorIds: 'Ein Dirigent ist kein (aktuelles) Mitglied.',
      youthLeaderId: 'Das Mitglied für die Jugendleitung gibt es nicht (mehr).',
    },
    ownHousehold: 'Ein Mitglied kann nicht sein eigener Haushalt sein.',
    instrumentOnLoan:
      'Dieses Instrument ist bereits an {{borrower}} ausgeliehen (seit {{since}}). Bitte zuerst die Rückgabe erfassen.',
    deleteInstrumentOnLoan:
      'Das Instrument ist an {{borrower}} ausgeliehen. Bitte zuerst die Rückgabe erfassen.',
    deleteMemberWithLoans_one:
      'Das Mitglied hat noch ein Instrument ausgeliehen. Bitte zuerst die Rückgabe erfassen.',
    deleteMemberWithLoans_other:
      'Das Mitglied hat noch {{count}} Instrumente ausgeliehen. Bitte zuerst die Rückgabe erfassen.',
  },
};
