/**
 * Problems of an import in the user's language: rejected rows, warnings and the issues of a failed
 * import. Each carries a stable code (src/app/imports/types.ts, IMPORT_PROBLEM_CODES); the
 * interface has a sentence per code (`importProblems.*`, with the cell's value where the problem
 * carries one) and shows the server's own message, which is English, only for a code it does not
 * know.
 */
import type { TFunction } from 'i18next';

/** A row problem of a report, or one issue of a failed import. */
export interface ImportProblem {
  readonly row?: number;
  readonly column?: string | number;
  readonly code?: string;
  readonly message: string;
  readonly value?: string;
}

/** The codes this interface words itself: the server's IMPORT_PROBLEM_CODES. */
export const WORDED_CODES = [
  'DATE_INVALID',
  'VALUE_INVALID',
  'NAME_MISSING',
  'RAGGED_ROW',
  'UNDECODABLE',
  'RECORD_TOO_LONG',
  'BAD_LINE',
  'NOTE_UNATTACHED',
  'TRUNCATED',
  'UNMAPPED',
  'BAD_HEADER',
  'EMPTY',
  'UNCLOSED_QUOTE',
  'TOO_LARGE',
  'XML_DOCTYPE',
  'BAD_XML',
  'NOT_ZIP',
  'ZIP_TOO_MANY_ENTRIES',
  'ZIP_PATH_TRAVERSAL',
  'ZIP_ENCRYPTED',
  'ZIP_BOMB',
  'ZIP_CORRUPT',
  'ZIP_HIDDEN_DATA',
] as const;

const WORDED: ReadonlySet<string> = new Set(WORDED_CODES);

/** Whether the interface has its own sentence for this problem. */
export function isWorded(p: ImportProblem): boolean {
  return p.code !== undefined && WORDED.has(p.code);
}

/** What went wrong, as a sentence in the user's language (with the value when there is one). */
export function problemText(p: ImportProblem, t: TFunction): string {
  if (!isWorded(p)) return p.message;
  const value = p.value?.trim();
  return value ? t(`importProblems.${p.code}`, { context: 'value', value }) : t(`importProblems.${p.code}`);
}

/** Where: "Row 3, column «Дата народження»", "Row 3, column 4", "Row 3", or '' when unknown. */
export function problemPlace(p: ImportProblem, t: TFunction): string {
  const row = p.row !== undefined && p.row > 0 ? p.row : undefined;
  const column = p.column === undefined || p.column === '' ? undefined : p.column;
  if (row === undefined && column === undefined) return '';
  const col =
    column === undefined
      ? ''
      : typeof column === 'number'
        ? t('importProblems.columnNumber', { column })
        : t('importProblems.columnName', { column });
  if (row === undefined) return col.charAt(0).toUpperCase() + col.slice(1);
  return col ? t('importProblems.rowColumn', { row, column: col }) : t('importProblems.row', { row });
}

/** Where and what, as one sentence: "Row 3, column «Дата народження»: «31.02.1990» is not a date…". */
export function problemSentence(p: ImportProblem, t: TFunction): string {
  const place = problemPlace(p, t);
  const text = problemText(p, t);
  return place ? t('importProblems.at', { place, text: lowerAfterColon(text) }) : text;
}

/** "Файл порожній" → "файл порожній" after a colon; "XML …", "XLSX …" and quotes stay as they are. */
function lowerAfterColon(text: string): string {
  return /^\p{Lu}\p{Lu}/u.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
