/**
 * Header checks and row building shared by the tabular readers: every format ends in the same
 * `{ line, values, cells }` keyed by the same validated header.
 */
import type { Issue } from '../domain/index.js';
import { inputError } from './issues.js';
import type { TableRow } from './table.js';

/**
 * Trims header names and refuses blank or duplicate ones (values are keyed by name, so either would
 * lose data). Trailing blank names, which spreadsheet exports leave behind, are dropped.
 */
export function checkHeader(cells: readonly string[], line: number, fileName?: string): string[] {
  const names = cells.map((c) => c.trim());
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  const issues: Issue[] = [];
  if (names.length === 0) issues.push({ row: line, code: 'BAD_HEADER', message: 'the header row is empty' });
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '')
      issues.push({
        row: line,
        column: i + 1,
        code: 'BAD_HEADER',
        message: `header of column ${i + 1} is blank`,
      });
    const first = seen.get(name);
    if (name !== '' && first !== undefined)
      issues.push({
        row: line,
        column: i + 1,
        code: 'BAD_HEADER',
        message: `header "${name}" repeats column ${first + 1}`,
      });
    else seen.set(name, i);
  });
  const first = issues[0];
  if (first) {
    const e = inputError('INPUT_INVALID', fileName, first);
    (e.issues as Issue[]).push(...issues.slice(1));
    throw e;
  }
  return names;
}

/** Builds a row from its cells; `values` are trimmed and missing cells are ''. */
export function makeRow(header: readonly string[], cells: string[], line: number): TableRow {
  const values: Record<string, string> = {};
  for (let i = 0; i < header.length; i++) {
    const cell = cells[i];
    const name = header[i] as string;
    setValue(values, name, cell === undefined ? '' : cell.trim());
  }
  return { line, values, cells };
}

/** True when every cell is blank (such rows are skipped, not reported). */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/** Sets an own property; a key named "__proto__" stays an ordinary key instead of a prototype. */
export function setValue(target: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
