/**
 * What an administrative command answers, as data: lines of messages (said in the caller's
 * language by the command line), plain text (ids, names, codes) or rows of cells, which the
 * command line joins with tabs. The running server answers the same through its admin socket.
 */
import type { Language } from '../../shared/messages/language.ts';
import type { Message } from '../../shared/messages/message.ts';
import { translate } from '../../shared/messages/translate.ts';

export type AdminCell = string | Message;
export type AdminLine = AdminCell | AdminCell[];

function cellText(cell: AdminCell, language: Language): string {
  return typeof cell === 'string' ? cell : translate(cell, language);
}

/** One line of output in `language`; a row's cells joined by tabs. */
export function lineText(line: AdminLine, language: Language): string {
  return Array.isArray(line)
    ? line.map((cell) => cellText(cell, language)).join('\t')
    : cellText(line, language);
}

export function linesText(lines: readonly AdminLine[], language: Language): string[] {
  return lines.map((line) => lineText(line, language));
}
