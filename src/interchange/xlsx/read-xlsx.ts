/**
 * XLSX reader: the archive is inspected first (zip-guard.ts), then read with exceljs's streaming
 * WorkbookReader, sheet by sheet, row by row. Workbooks need random access to be checked, so the
 * input is held in memory up to `maxBytes` (compressed; the sheets themselves are streamed).
 */
import { Readable } from 'node:stream';
import type { CellValue, Row } from 'exceljs';
import { checkHeader, isBlankRow, makeRow } from '../header.js';
import { IssueSink, inputError } from '../issues.js';
import type { ReadOptions, TableReader, TableRow } from '../table.js';
import { cellToText, isTextCell } from './cells.js';
import { findHeaderRow } from '../header-row.js';
import type { SampledRow } from '../header-row.js';
import { reorderForStreaming } from './reorder-zip.js';
import { inspectZip } from './zip-guard.js';
import type { ZipLimits } from './zip-guard.js';
import { readAllBytes } from '../stream/read-all.js';

/** Options of the XLSX readers. */
export interface XlsxReadOptions extends ReadOptions {
  /** Sheet to read: its name or 1-based position. Default: the first sheet with data. */
  sheet?: string | number;
  /** Largest workbook accepted, in bytes (default 200 MB). */
  maxBytes?: number;
  /** Archive limits (zip bombs). */
  zip?: ZipLimits;
  /** Rows searched for the header (default 20). */
  headerSearchRows?: number;
}

/** Default largest workbook. */
export const MAX_XLSX_BYTES = 200 * 1000 * 1000;

type SheetRows = AsyncIterator<Row>;

/**
 * Every sheet with data, in workbook order. Each reader's rows must be read (or abandoned) before
 * asking for the next sheet, since the workbook is one stream.
 */
export async function* readXlsxSheets(
  input: Readable | Buffer,
  opts: XlsxReadOptions = {},
): AsyncGenerator<TableReader> {
  const buf = await readAllBytes(input, opts.maxBytes ?? MAX_XLSX_BYTES, opts.fileName);
  const bytesRead = () => buf.length;
  await inspectZip(buf, opts.zip, opts.fileName);
  // exceljs is large: loaded on first use, so programs that never touch a workbook start faster.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([reorderForStreaming(buf)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let position = 0;
  for await (const ws of reader) {
    position++;
    const name = sheetName(reader, ws) ?? (ws as { name?: string }).name ?? `Sheet${position}`;
    if (opts.sheet !== undefined && opts.sheet !== name && opts.sheet !== position) continue;
    const table = await sheetTable(ws[Symbol.asyncIterator](), name, opts);
    if (table) yield { ...table, bytesRead };
  }
}

/** One sheet (the chosen one, or the first with data) as a table. */
export async function readXlsx(input: Readable | Buffer, opts: XlsxReadOptions = {}): Promise<TableReader> {
  // Taken with next() rather than a for-await that returns: returning would close the workbook
  // stream underneath the rows still to be read.
  const first = await readXlsxSheets(input, opts).next();
  if (!first.done) return first.value;
  const what =
    opts.sheet === undefined ? 'no sheet with data' : `no sheet ${JSON.stringify(opts.sheet)} with data`;
  throw inputError('INPUT_INVALID', opts.fileName, { code: 'EMPTY', message: `the workbook has ${what}` });
}

/** Resolves a worksheet's name through the workbook's relationships (exceljs leaves "SheetN"). */
function sheetName(reader: unknown, ws: unknown): string | undefined {
  const r = reader as {
    model?: { sheets?: { name: string; rId: string }[] };
    workbookRels?: { Id: string; Target: string }[];
  };
  const id = (ws as { id?: string | number }).id;
  const rel = r.workbookRels?.find(
    (x) => x.Target.replace(/^\/?(xl\/)?/, '') === `worksheets/sheet${id}.xml`,
  );
  return r.model?.sheets?.find((s) => s.rId === rel?.Id)?.name;
}

async function sheetTable(
  rows: SheetRows,
  sheet: string,
  opts: XlsxReadOptions,
): Promise<TableReader | null> {
  const sample: SampledRow[] = [];
  for (const limit = opts.headerSearchRows ?? 20; sample.length < limit;) {
    const next = await rows.next();
    if (next.done) break;
    const s = sampleRow(next.value);
    if (!isBlankRow(s.cells)) sample.push(s);
  }
  if (sample.length === 0) return null;
  const at = findHeaderRow(sample);
  const head = sample[at] as SampledRow;
  const header = checkHeader(head.cells, head.number, opts.fileName);
  const sink = new IssueSink(opts.fileName, opts.onError, opts.maxIssues);
  return {
    header,
    encoding: 'utf-8',
    delimiter: '',
    sheet,
    issues: sink.issues,
    rows: sheetRows(sample.slice(at + 1), rows, header, sink),
  };
}

function sampleRow(row: Row): SampledRow {
  const values = row.values as CellValue[];
  const cells: string[] = [];
  const textual: boolean[] = [];
  // exceljs row values are 1-based and sparse.
  for (let i = 1; i < values.length; i++) {
    cells.push(cellToText(values[i]));
    textual.push(isTextCell(values[i]));
  }
  return { number: row.number, cells, textual };
}

async function* sheetRows(
  sampled: SampledRow[],
  rest: SheetRows,
  header: readonly string[],
  sink: IssueSink,
): AsyncGenerator<TableRow> {
  const check = (r: SampledRow): TableRow | null => {
    if (isBlankRow(r.cells)) return null;
    for (let i = header.length; i < r.cells.length; i++)
      if ((r.cells[i] as string).trim() !== '') {
        const message = `a value in column ${i + 1}, which has no header`;
        sink.report({ row: r.number, column: i + 1, code: 'RAGGED_ROW', message });
        return null;
      }
    return makeRow(header, r.cells.slice(0, header.length), r.number);
  };
  for (const r of sampled) {
    const row = check(r);
    if (row) yield row;
  }
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    const row = check(sampleRow(next.value));
    if (row) yield row;
  }
}
