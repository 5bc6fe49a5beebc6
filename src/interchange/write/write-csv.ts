/**
 * CSV writer (csv-stringify) as a stream. Formulas are neutralised by default, since an exported
 * list is opened in a spreadsheet sooner or later.
 */
import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { neutraliseFormula } from './escape.js';
import { rowCells } from './rows.js';
import type { OutRows } from './rows.js';

/** Options of writeCsv. */
export interface CsvWriteOptions {
  readonly header: readonly string[];
  /** Field delimiter (default ','). */
  readonly delimiter?: string;
  /** Start with a UTF-8 BOM, which Excel needs to read UTF-8 (default false). */
  readonly bom?: boolean;
  /** Line ending (default '\r\n', as RFC 4180 and Excel have it). */
  readonly lineEnding?: '\n' | '\r\n';
  /** Prefix an apostrophe to cells a spreadsheet would run as formulas (default true). */
  readonly neutraliseFormulas?: boolean;
}

/**
 * Writes rows as CSV with a header line.
 *
 * @example
 * writeCsv(rows, { header: ['family_name', 'given_name'], bom: true }).pipe(res);
 */
export function writeCsv(rows: OutRows, opts: CsvWriteOptions): Readable {
  const guard = opts.neutraliseFormulas ?? true;
  const header = [...opts.header];
  async function* records(): AsyncGenerator<string[]> {
    for await (const row of rows) {
      const cells = rowCells(row, header);
      yield guard ? cells.map(neutraliseFormula) : cells;
    }
  }
  const out = stringify({
    header: true,
    columns: header.map((h) => (guard ? neutraliseFormula(h) : h)),
    delimiter: opts.delimiter ?? ',',
    bom: opts.bom ?? false,
    record_delimiter: opts.lineEnding ?? '\r\n',
  });
  pipeline(Readable.from(records()), out, () => undefined);
  return out;
}
