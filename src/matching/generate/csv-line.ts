/**
 * One CSV line (RFC 4180 quoting, comma, LF). Written by hand because the writer's hot loop calls
 * it a million times and a per-row library call would dominate the run; reading CSV goes through
 * the interchange module's parser.
 */
const SPECIAL = /[",\r\n]/;

/** Quotes are needed for separators, quotes, line breaks, and spaces a reader would trim. */
function needsQuotes(cell: string): boolean {
  if (cell === '') return false;
  return cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32 || SPECIAL.test(cell);
}

/** The cells as one line, each quoted only where it must be. Ends with "\n". */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    if (i > 0) line += ',';
    line += needsQuotes(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return `${line}\n`;
}
