/**
 * The import report as text a secretary can save, print or send: per table how many rows
 * became what (every row accounted for), what was normalised, then every row to review.
 */
import type { ImportMessageLevel, ImportReport } from '../api/import.ts';
import { KEPT_DAYS } from '../domain/backupKinds.ts';
import type { ColumnFate } from './mapping.ts';
import { IMPORT_ENTITY_LABELS, type ImportEntity, targetOf } from './targets.ts';

const LEVEL_HEADINGS: Record<ImportMessageLevel, string> = {
  skipped: 'Nicht übernommen',
  duplicate: 'Mögliche Duplikate (nicht zusammengeführt, bitte prüfen)',
  warning: 'Hinweise (übernommen, bitte prüfen)',
};

function germanDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Where the data as it was before the import can be got back from. */
function safetyBackupText(report: ImportReport): string | null {
  const safety = report.safetyBackup;
  if (!safety) return null;
  if ('createdAt' in safety)
    return `Sicherung vor dem Import: ${germanDateTime(safety.createdAt)} im Sicherungsordner, ${KEPT_DAYS} Tage aufbewahrt.`;
  return safety.skipped === 'not_configured'
    ? 'Keine Sicherung vor dem Import: Die Datensicherung ist nicht eingerichtet.'
    : null;
}

function fateText(entity: ImportEntity, fate: ColumnFate, withheld: boolean): string {
  if (withheld) return `${fate.column} → nicht übernommen (Ihre Rolle darf es nicht ändern)`;
  switch (fate.fate) {
    case 'field':
      return `${fate.column} → ${targetOf(entity, fate.field)?.label ?? fate.field}`;
    case 'key':
      return `${fate.column} → Schlüssel (erkennt die Zeile beim erneuten Import)`;
    case 'ignored':
      return `${fate.column} → bewusst ausgelassen`;
    case 'kept':
      return `${fate.column} → ohne Zuordnung, beim Datensatz aufbewahrt`;
  }
}

export function importReportText(report: ImportReport): string {
  const lines: string[] = [];
  lines.push(
    report.dryRun
      ? `Tutti – Vorschau des Imports (nichts wurde gespeichert)`
      : `Tutti – Bericht über den Import`,
  );
  lines.push(`Datei: ${report.fileName}`);
  lines.push(
    `Zeitpunkt: ${germanDateTime(report.at)}, Dauer ${(report.durationMs / 1000).toFixed(1).replace('.', ',')} s`,
  );
  for (const note of report.notes) lines.push(note);
  const safety = safetyBackupText(report);
  if (safety) lines.push(safety);
  // First, before the blank line: `tutti import --report` prints this paragraph.
  const role = report.role ? `Ihre Rolle („${report.role}“)` : 'Ihre Rolle';
  for (const table of report.notAllowedTables)
    lines.push(
      `${role} darf keine ${IMPORT_ENTITY_LABELS[table.entity]} anlegen oder ändern: ${table.source} (${table.rows} Zeilen) nicht übernommen.`,
    );
  if (report.withheld.length > 0) {
    lines.push(
      `${role} darf keine Bankdaten, Geburtsdaten und Beitragsbefreiungen ändern: nicht übernommen ${report.withheld.map((w) => `${w.source}.${w.column} (${w.count})`).join(', ')}.`,
      '  Ein Import derselben Datei durch einen Administrator auf diesem Gerät ergänzt später genau diese Felder.',
    );
  }
  if (report.unmappedColumns.length > 0) {
    lines.push(
      `Nicht übernommen (Spalten ohne Zuordnung): ${report.unmappedColumns.map((c) => `${c.source}.${c.column}`).join(', ')}.`,
      '  Ihre Werte stehen bei jedem Datensatz unter „Weitere Angaben aus dem Import“; bei Mitgliedern nur für Rollen mit Zugriff auf Bankdaten und Geburtsdaten sichtbar. Ordnen Sie die Spalten zu oder lassen Sie sie ausdrücklich aus (Zuordnungsdatei: "ignore").',
    );
  }
  lines.push('');
  for (const t of report.tables) {
    const loans = t.loansCreated
      ? `, dazu ${t.loansCreated} Ausleihen aus der Spalte „ausgeliehen an“`
      : '';
    lines.push(
      `${t.source} → ${IMPORT_ENTITY_LABELS[t.entity]}: ${t.rows} Zeilen = ${t.created} neu + ${t.updated} aktualisiert + ${t.unchanged} unverändert + ${t.skipped} nicht übernommen${loans}`,
    );
    const withheld = new Set(
      report.withheld.filter((w) => w.source === t.source).map((w) => w.column),
    );
    lines.push(
      `    Spalten: ${t.columns.map((c) => fateText(t.entity, c, withheld.has(c.column))).join('; ')}`,
    );
    for (const [what, count] of Object.entries(t.cleaned).sort((a, b) => b[1] - a[1])) {
      lines.push(`    bereinigt: ${what} (${count}×)`);
    }
  }
  for (const ignored of report.ignoredTables) {
    lines.push(
      `${ignored.source}: ${ignored.rows} Zeilen – Tabelle nicht zugeordnet, nicht importiert`,
    );
  }
  for (const level of ['skipped', 'duplicate', 'warning'] as const) {
    const messages = report.messages.filter((m) => m.level === level);
    if (messages.length === 0) continue;
    lines.push('', `${LEVEL_HEADINGS[level]}: ${messages.length}`);
    for (const m of messages) lines.push(`  ${m.source}, Zeile ${m.row} (${m.label}): ${m.text}`);
  }
  return `${lines.join('\n')}\n`;
}
