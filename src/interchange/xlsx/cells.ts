/**
 * Spreadsheet cell values as the text a list would have shown: dates as ISO dates, numbers without
 * binary noise (0.30000000000000004 → "0.3"), formulas by their cached result, rich text joined.
 */
import type { CellValue } from 'exceljs';

/** Text of one cell; '' for empty cells and errors. */
export function cellToText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return dateText(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return '';
  if ('result' in v && v.result !== undefined) return cellToText(v.result as CellValue);
  if ('text' in v && 'hyperlink' in v) return cellToText(v.text as CellValue);
  if ('formula' in v || 'sharedFormula' in v) return '';
  return String(v);
}

/** Kind of value, for header detection: text cells make headers, numbers and dates make data. */
export function isTextCell(v: CellValue): boolean {
  if (typeof v === 'string') return true;
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'richText' in v;
}

/** Excel keeps 15 significant digits; more is floating-point noise. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** Excel dates carry no zone; exceljs gives them as UTC. A midnight is a date, anything else a date-time. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}
