/**
 * `tutti report honours|staerkemeldung|birthdays … --profile DIR [--format text|csv] [--out FILE]`
 * (issue #22). The profile is opened read-only, so reports can be made while Tutti runs. What a
 * report could not include is said under it; when that would not show on the terminal (CSV, or
 * a file), it is said on stderr. An incomplete honours list says so on stderr in any case and
 * ends with exit 3, so scripts notice; a Stärkemeldung with gaps is not made at all (exit 1).
 */

import { AppError } from '../../shared/api/appError.ts';
import { todayIso } from '../../shared/domain/dates.ts';
import { clubRules } from '../../shared/domain/honours/clubRules.ts';
import { honoursDue } from '../../shared/domain/honours/honoursDue.ts';
import { occasionsBetween } from '../../shared/domain/reports/birthdays.ts';
import { strengthReport } from '../../shared/domain/reports/staerkemeldung.ts';
import { type Message, msg } from '../../shared/messages/message.ts';
import { writeFileAtomic } from '../../shared/node/writeFileAtomic.ts';
import { openProfileReadOnly } from '../core/profile.ts';
import { toCsv } from '../export/csv.ts';
import { pdfFromSheets } from '../export/pdfSheet.ts';
import type { Sheet } from '../export/sheet.ts';
import { xlsxFromSheets } from '../export/xlsxSheet.ts';
import { type ReportData, readReportData } from '../reports/reportData.ts';
import { birthdaysSheets, honoursSheets, strengthSheets } from '../reports/reportSheets.ts';
import {
  activeMembersTable,
  birthdayNotes,
  birthdaysTable,
  honourProblems,
  honoursTable,
  missingItems,
} from '../reports/reportTables.ts';
import { birthdaysText, honoursText, strengthText } from '../reports/reportText.ts';
import type { Table } from '../reports/textTable.ts';
import { parseReportArgs, type ReportArgs, type ReportRequest } from './reportArgs.ts';
import type { Terminal } from './terminal.ts';

/** A report made: what to write, and what to say on stderr beside it. */
interface Made {
  content: string | Buffer;
  /** Said on stderr in any case. */
  warnings: Message[];
  /** Said under the text report; on stderr when that is not on the terminal. */
  notes: Message[];
  /** 0, or 3 for a report made but incomplete. */
  exitCode: number;
}

const csvOf = (table: Table) => toCsv(table.header, table.rows);

/** The sheets of a report as the Excel workbook or the PDF asked for. */
function fileOf(
  format: 'xlsx' | 'pdf',
  sheets: Sheet[],
  data: ReportData,
  cli: Terminal,
): Promise<Buffer> {
  const head = { clubName: data.club?.name ?? '', date: todayIso() };
  return format === 'xlsx'
    ? xlsxFromSheets(sheets, head, cli.language)
    : pdfFromSheets(sheets, head, cli.language);
}

async function honoursReport(
  asked: Extract<ReportRequest, { report: 'honours' }>,
  data: ReportData,
  args: ReportArgs,
  cli: Terminal,
): Promise<Made> {
  const rules = clubRules(data.club);
  if (rules.rules.length === 0) throw new AppError('validation', 'reports.honours.noRules');
  if (!data.honoursReadable) throw new AppError('forbidden', 'reports.honours.honoursHidden');
  const list = honoursDue({
    year: asked.year,
    ceremonyDate: asked.ceremonyDate,
    rules: rules.rules,
    members: data.members,
    honours: data.honours,
    birthDatesKnown: data.birthDatesKnown,
    allMembersVisible: data.allMembersVisible,
    today: todayIso(),
  });
  const input = { list, rules, members: data.members };
  const withDate = { ...input, ceremonyDate: asked.ceremonyDate };
  return {
    content:
      args.format === 'csv'
        ? csvOf(honoursTable(input, { language: cli.language, output: 'csv' }))
        : args.format === 'text'
          ? honoursText(withDate, cli.language)
          : await fileOf(args.format, honoursSheets(withDate, cli.language), data, cli),
    warnings: list.complete ? [] : [msg('reports.honours.incomplete')],
    notes: honourProblems(input, cli.language),
    exitCode: list.complete ? 0 : 3,
  };
}

/** Null when the report is refused: that has been said, with everything missing. */
async function strengthReportMade(
  asked: Extract<ReportRequest, { report: 'staerkemeldung' }>,
  data: ReportData,
  args: ReportArgs,
  cli: Terminal,
): Promise<Made | null> {
  const outcome = strengthReport({
    year: asked.year,
    club: data.club,
    members: data.members,
    registers: data.registers,
    birthDatesKnown: data.birthDatesKnown,
    allMembersVisible: data.allMembersVisible,
    today: todayIso(),
  });
  if (!outcome.ok) {
    cli.note('cli.errorLine', {
      message: msg('reports.staerkemeldung.refused', { year: asked.year }),
    });
    for (const item of missingItems(outcome.missing, data.members))
      cli.note('cli.report.listItem', { item });
    return null;
  }
  return {
    content:
      args.format === 'csv'
        ? csvOf(activeMembersTable(outcome.report, { language: cli.language, output: 'csv' }))
        : args.format === 'text'
          ? strengthText(outcome.report, cli.language)
          : await fileOf(args.format, strengthSheets(outcome.report, cli.language), data, cli),
    warnings: [],
    notes: [],
    exitCode: 0,
  };
}

async function birthdaysReport(
  asked: Extract<ReportRequest, { report: 'birthdays' }>,
  data: ReportData,
  args: ReportArgs,
  cli: Terminal,
): Promise<Made> {
  const list = occasionsBetween(
    data.members,
    asked.from,
    asked.to,
    data.birthDatesKnown,
    todayIso(),
  );
  const period = { list, members: data.members, from: asked.from, to: asked.to };
  return {
    content:
      args.format === 'csv'
        ? csvOf(birthdaysTable(list, data.members, { language: cli.language, output: 'csv' }))
        : args.format === 'text'
          ? birthdaysText(period, cli.language)
          : await fileOf(args.format, birthdaysSheets(period, cli.language), data, cli),
    warnings: [],
    notes: birthdayNotes(list),
    exitCode: 0,
  };
}

function make(args: ReportArgs, data: ReportData, cli: Terminal): Promise<Made | null> {
  const asked = args.request;
  switch (asked.report) {
    case 'honours':
      return honoursReport(asked, data, args, cli);
    case 'staerkemeldung':
      return strengthReportMade(asked, data, args, cli);
    case 'birthdays':
      return birthdaysReport(asked, data, args, cli);
  }
}

function write(path: string, content: string | Buffer): void {
  try {
    writeFileAtomic(path, content, 0o600);
  } catch (cause) {
    throw new AppError('profile_not_writable', 'cli.files.unwritable', { path }, { cause });
  }
}

export async function reportCommand(argv: string[], cli: Terminal): Promise<number> {
  const args = parseReportArgs(argv);
  const profile = await openProfileReadOnly(args.profile, cli.keyStore(args.profile));
  let data: ReportData;
  try {
    data = readReportData(profile.db);
  } finally {
    profile.close();
  }
  const made = await make(args, data, cli);
  if (!made) return 1;
  if (args.out) {
    write(args.out, made.content);
    cli.note('cli.report.done', { path: args.out });
  } else {
    cli.out.write(made.content);
  }
  const notesOnTerminal = args.format === 'text' && !args.out;
  for (const message of [...made.warnings, ...(notesOnTerminal ? [] : made.notes)])
    cli.note(message.key, message.params);
  return made.exitCode;
}
