/**
 * One entry point for every tabular format: detects the format (unless given) and returns the same
 * TableReader shape, so the import flow handles CSV, HXL, XLSX, JSON Lines and PFIF alike.
 */
import { Readable } from 'node:stream';
import type { CsvReadOptions } from '../csv/read-csv.js';
import { readCsv } from '../csv/read-csv.js';
import { readHxl } from '../hxl/read-hxl.js';
import type { JsonlReadOptions } from '../jsonl/read-jsonl.js';
import { readJsonlTable } from '../jsonl/read-jsonl.js';
import { readPfifTable } from '../pfif/pfif-table.js';
import type { PfifReadOptions } from '../pfif/read-pfif.js';
import { peek } from '../stream/peek.js';
import type { TableReader } from '../table.js';
import type { XlsxReadOptions } from '../xlsx/read-xlsx.js';
import { readXlsx } from '../xlsx/read-xlsx.js';
import { detectFormat } from './detect-format.js';
import type { Format } from './detect-format.js';

/** Options of openTable: the union of the readers' options. */
export type OpenTableOptions = CsvReadOptions &
  JsonlReadOptions &
  XlsxReadOptions &
  Omit<PfifReadOptions, 'fileName'> & {
    /** Skip detection. */
    format?: Format;
  };

/** A TableReader that also says which format it read. */
export type OpenedTable = TableReader & { readonly format: Format };

/**
 * Opens any supported list as a table.
 *
 * @example
 * const table = await openTable(createReadStream(path), { fileName: path });
 * console.log(table.format, table.header);
 */
export async function openTable(input: Readable | Buffer, opts: OpenTableOptions = {}): Promise<OpenedTable> {
  const peeked = await peek(input);
  const format = opts.format ?? detectFormat(peeked.head, opts.fileName);
  const whole = Buffer.isBuffer(input) ? input : Readable.from(peeked.chunks, { objectMode: false });
  const table = await open(format, whole, opts);
  return Object.assign(table, { format });
}

function open(format: Format, input: Readable | Buffer, opts: OpenTableOptions): Promise<TableReader> {
  switch (format) {
    case 'csv':
      return readCsv(input, opts);
    case 'hxl':
      return readHxl(input, opts);
    case 'xlsx':
      return readXlsx(input, opts);
    case 'jsonl':
      return readJsonlTable(input, opts);
    case 'pfif':
      return readPfifTable(input, opts);
  }
}
