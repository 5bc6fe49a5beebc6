/**
 * Finding the header row of a sheet. Lists typed into spreadsheets often start with a title ("List
 * of persons held at ..., as of ...") and blank rows; the header is the first row that is wide,
 * textual and without repeats.
 */

/** A sampled row: its cells as text and which of them were text values. */
export interface SampledRow {
  readonly number: number;
  readonly cells: string[];
  readonly textual: boolean[];
}

/**
 * Index of the header in `rows`: the first row that fills at least 60% of the widest sampled row
 * (and 2 cells, unless the sheet has one column), whose filled cells are all text and distinct.
 * Falls back to the first row.
 */
export function findHeaderRow(rows: readonly SampledRow[]): number {
  const filled = rows.map((r) => r.cells.filter((c) => c.trim() !== '').length);
  const widest = Math.max(0, ...filled);
  const need = widest === 1 ? 1 : Math.max(2, Math.ceil(widest * 0.6));
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as SampledRow;
    if ((filled[i] as number) < need) continue;
    const names = r.cells.map((c) => c.trim()).filter((c) => c !== '');
    const allText = r.cells.every((c, k) => c.trim() === '' || r.textual[k]);
    if (allText && new Set(names).size === names.length) return i;
  }
  return 0;
}
