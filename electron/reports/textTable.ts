/**
 * A table as lines of plain text for the terminal: one header line, every column as wide as
 * its widest cell, two spaces between columns, no trailing blanks.
 */

export type Cell = string | number;

export interface Table {
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
}

const GAP = '  ';

function columnWidths(lines: readonly (readonly string[])[]): number[] {
  const widths: number[] = [];
  for (const line of lines)
    line.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  return widths;
}

export function textTable(table: Table): string[] {
  const lines = [table.header, ...table.rows].map((row) => row.map((cell) => String(cell)));
  const widths = columnWidths(lines);
  return lines.map((line) =>
    line
      .map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join(GAP)
      .trimEnd(),
  );
}
