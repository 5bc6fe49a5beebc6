/**
 * XLSX writer (exceljs streaming WorkbookWriter): one sheet, a bold header row, every cell written
 * as text so that identifiers keep their leading zeros and dates their precision ("1994-03").
 */
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { neutraliseFormula } from './escape.js';
import { rowCells } from './rows.js';
import type { OutRows } from './rows.js';

/** Options of writeXlsx. */
export interface XlsxWriteOptions {
  readonly header: readonly string[];
  /** Sheet name (default 'List'). */
  readonly sheet?: string;
  /** Prefix an apostrophe to cells a spreadsheet would run as formulas (default true). */
  readonly neutraliseFormulas?: boolean;
}

/** Writes rows as a one-sheet workbook; errors end the returned stream. */
export function writeXlsx(rows: OutRows, opts: XlsxWriteOptions): Readable {
  const out = new PassThrough();
  fill(out, rows, opts).catch((e: unknown) => out.destroy(e as Error));
  return out;
}

async function fill(out: PassThrough, rows: OutRows, opts: XlsxWriteOptions): Promise<void> {
  const guard = opts.neutraliseFormulas ?? true;
  const clean = (cells: string[]) => (guard ? cells.map(neutraliseFormula) : cells);
  const header = [...opts.header];
  // exceljs is large: loaded on first use, so programs that never touch a workbook start faster.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(opts.sheet ?? 'List');
  const head = ws.addRow(clean(header));
  head.font = { bold: true };
  head.commit();
  for await (const row of rows) ws.addRow(clean(rowCells(row, header))).commit();
  ws.commit();
  await wb.commit();
}
