/**
 * The import report as text a secretary can save, print or send: per table how many rows
 * became what (every row accounted for), what was normalised, then every row to review. In
 * German or English; a field's label comes from `fieldLabel` (the UI passes its own).
 */
import type { ImportMessageLevel, ImportReport, ImportText } from '../api/import.ts';
import { KEPT_DAYS } from '../domain/backupKinds.ts';
import { entityKey } from '../domain/catalogue/index.ts';
import type { Language } from '../messages/language.ts';
import { type MessageParams, msg } from '../messages/message.ts';
import { translate } from '../messages/translate.ts';
import { fieldLabelIn, sayImportText } from './importText.ts';
import type { ColumnFate } from './mapping.ts';
import type { ImportEntity } from './targets.ts';

const LEVEL_KEYS: Record<ImportMessageLevel, string> = {
  skipped: 'import.report.level.skipped',
  duplicate: 'import.report.level.duplicate',
  warning: 'import.report.level.warning',
};

const FATE_KEYS = {
  withheld: 'import.report.fate.withheld',
  field: 'import.report.fate.field',
  key: 'import.report.fate.key',
  ignored: 'import.report.fate.ignored',
  kept: 'import.report.fate.kept',
} as const;

/** A field's label in the report's language. */
export type FieldLabel = (entity: ImportEntity, field: string) => string;

function germanDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function importReportText(
  report: ImportReport,
  language: Language = 'de',
  fieldLabel: FieldLabel = (entity, field) => fieldLabelIn(entity, field, language),
): string {
  const say = (key: string, params?: MessageParams) => translate(msg(key, params), language);
  const sayText = (text: ImportText, entity: ImportEntity) =>
    sayImportText(
      text,
      (message) => translate(message, language),
      (field) => fieldLabel(entity, field),
    );
  const entityLabel = (entity: ImportEntity) => say(entityKey(entity));

  const safetyText = (): string | null => {
    const safety = report.safetyBackup;
    if (!safety) return null;
    if ('createdAt' in safety)
      return say('import.report.safetyMade', {
        at: germanDateTime(safety.createdAt),
        days: KEPT_DAYS,
      });
    return safety.skipped === 'not_configured' ? say('import.report.safetyNotConfigured') : null;
  };

  const fateText = (entity: ImportEntity, fate: ColumnFate, withheld: boolean): string => {
    if (withheld) return say(FATE_KEYS.withheld, { column: fate.column });
    if (fate.fate === 'field')
      return say(FATE_KEYS.field, { column: fate.column, field: fieldLabel(entity, fate.field) });
    return say(FATE_KEYS[fate.fate], { column: fate.column });
  };

  const lines: string[] = [];
  lines.push(say(report.dryRun ? 'import.report.titlePreview' : 'import.report.title'));
  lines.push(say('import.report.file', { name: report.fileName }));
  const seconds = (report.durationMs / 1000).toFixed(1);
  lines.push(
    say('import.report.at', {
      at: germanDateTime(report.at),
      seconds: language === 'de' ? seconds.replace('.', ',') : seconds,
    }),
  );
  for (const note of report.notes) lines.push(translate(note, language));
  const safety = safetyText();
  if (safety) lines.push(safety);
  // First, before the blank line: `tutti import --report` prints this paragraph.
  const role = report.role
    ? say('import.report.role', { role: report.role })
    : say('import.report.roleUnnamed');
  for (const table of report.notAllowedTables)
    lines.push(
      say('import.report.tableNotAllowed', {
        role,
        entity: entityLabel(table.entity),
        table: table.source,
        rows: table.rows,
      }),
    );
  if (report.withheld.length > 0) {
    lines.push(
      say('import.report.withheld', {
        role,
        columns: report.withheld.map((w) => `${w.source}.${w.column} (${w.count})`).join(', '),
      }),
      `  ${say('import.report.withheldLater')}`,
    );
  }
  if (report.unmappedColumns.length > 0) {
    lines.push(
      say('import.report.unmapped', {
        columns: report.unmappedColumns.map((c) => `${c.source}.${c.column}`).join(', '),
      }),
      `  ${say('import.report.unmappedExplain')}`,
    );
  }
  lines.push('');
  for (const t of report.tables) {
    lines.push(
      say('import.report.table', {
        source: t.source,
        entity: entityLabel(t.entity),
        rows: t.rows,
        created: t.created,
        updated: t.updated,
        unchanged: t.unchanged,
        skipped: t.skipped,
        loans: t.loansCreated ? say('import.report.loans', { loans: t.loansCreated }) : '',
      }),
    );
    const withheld = new Set(
      report.withheld.filter((w) => w.source === t.source).map((w) => w.column),
    );
    lines.push(
      `    ${say('import.report.columns', {
        columns: t.columns.map((c) => fateText(t.entity, c, withheld.has(c.column))).join('; '),
      })}`,
    );
    for (const cleaned of t.cleaned) {
      lines.push(
        `    ${say('import.report.cleaned', { what: sayText(cleaned, t.entity), times: cleaned.count })}`,
      );
    }
  }
  for (const ignored of report.ignoredTables) {
    lines.push(say('import.report.ignoredTable', { source: ignored.source, rows: ignored.rows }));
  }
  for (const level of ['skipped', 'duplicate', 'warning'] as const) {
    const messages = report.messages.filter((m) => m.level === level);
    if (messages.length === 0) continue;
    lines.push('', say(LEVEL_KEYS[level], { count: messages.length }));
    for (const m of messages)
      lines.push(
        `  ${say('import.report.line', {
          source: m.source,
          row: m.row,
          label: translate(m.label, language),
          text: sayText(m, m.entity),
        })}`,
      );
  }
  return `${lines.join('\n')}\n`;
}
