/**
 * CSV reader: detects the encoding and the delimiter from the first 64 KiB, then streams rows through
 * csv-parse. Rows carry the physical line where they start, so every problem can be pointed at.
 */
import type { Readable } from 'node:stream';
import { Parser } from 'csv-parse';
import type { CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { checkHeader, isBlankRow, makeRow } from '../header.js';
import { findHeaderRow } from '../header-row.js';
import { IssueSink, inputError } from '../issues.js';
import type { ReadOptions, TableReader, TableRow } from '../table.js';
import { peek } from '../stream/peek.js';
import type { Peeked } from '../stream/peek.js';
import { toUtf8 } from './decode.js';
import type { DecodeState } from './decode.js';
import { sniffDelimiter } from './delimiter.js';
import { detectEncoding } from './encoding.js';

/** Options of readCsv. */
export interface CsvReadOptions extends ReadOptions {
  /** Force an encoding (any iconv-lite name); detected when absent. */
  encoding?: string;
  /** Force a delimiter; sniffed among , ; TAB | when absent. */
  delimiter?: string;
  /** Longest record accepted, in characters (default 1 MiB): a guard against a file with no newlines. */
  maxRecordChars?: number;
  /**
   * Which row is the header: 1 (default) is the first non-blank row; 'auto' looks for it among the
   * first 20 rows as for spreadsheets (lists exported from one often keep their title rows).
   */
  headerRow?: 1 | 'auto';
}

/** Default longest record. */
export const MAX_RECORD_CHARS = 1024 * 1024;

/** A record with the line where it starts. */
export interface Located {
  readonly cells: string[];
  readonly line: number;
}

/**
 * Opens a CSV file. Throws INPUT_INVALID for an empty file or a bad header and UNSUPPORTED_FORMAT for
 * binary content or an unknown encoding; row problems throw or are collected (see `onError`).
 * In 'collect' mode a bad row is left out of `rows` and described in `issues`.
 *
 * @example
 * const table = await readCsv(createReadStream('list.csv'), { fileName: 'list.csv' });
 * for await (const row of table.rows) console.log(row.line, row.values['Surname']);
 */
export async function readCsv(input: Readable | Buffer, opts: CsvReadOptions = {}): Promise<TableReader> {
  const { fileName } = opts;
  const { encoding, delimiter, records, bytesRead } = await openRecords(input, opts);
  const first = opts.headerRow === 'auto' ? await findHeader(records) : await nextNonBlank(records);
  if (first === null)
    throw inputError('INPUT_INVALID', fileName, { row: 1, code: 'EMPTY', message: 'the file has no rows' });
  const header = checkHeader(first.cells, first.line, fileName);
  const sink = new IssueSink(fileName, opts.onError, opts.maxIssues);
  return {
    header,
    encoding,
    delimiter,
    issues: sink.issues,
    rows: checkedRows(records, header, sink),
    bytesRead,
  };
}

async function nextNonBlank(records: RecordCursor): Promise<Located | null> {
  for (let r = await records.next(); r !== null; r = await records.next()) if (!isBlankRow(r.cells)) return r;
  return null;
}

// Cells that read as numbers or dates are data, not header names.
const NUMERIC = /^[\d\s.,:/+-]+$/;

/** Samples the first 20 non-blank rows, picks the header, and puts the rows after it back. */
async function findHeader(records: RecordCursor): Promise<Located | null> {
  const sample: Located[] = [];
  while (sample.length < 20) {
    const r = await nextNonBlank(records);
    if (r === null) break;
    sample.push(r);
  }
  if (sample.length === 0) return null;
  const at = findHeaderRow(
    sample.map((r) => ({
      number: r.line,
      cells: r.cells,
      textual: r.cells.map((c) => !NUMERIC.test(c.trim())),
    })),
  );
  records.unread(sample.slice(at + 1));
  return sample[at] as Located;
}

/** Raw records of a delimited text file, for readers that find their header themselves (HXL). */
export async function openRecords(
  input: Readable | Buffer,
  opts: CsvReadOptions,
): Promise<{ encoding: string; delimiter: string; records: RecordCursor; bytesRead: () => number }> {
  const peeked = await peek(input);
  const encoding = chooseEncoding(peeked.head, opts);
  const sample = iconv.decode(peeked.head, encoding);
  if (sample.replace(/^\uFEFF/, '').trim() === '' && peeked.complete)
    throw inputError('INPUT_INVALID', opts.fileName, { row: 1, code: 'EMPTY', message: 'the file is empty' });
  const delimiter = opts.delimiter ?? sniffDelimiter(sample);
  const records = new RecordCursor(parseRecords(peeked, encoding, delimiter, opts));
  return { encoding, delimiter, records, bytesRead: peeked.bytesRead };
}

function chooseEncoding(head: Buffer, opts: CsvReadOptions): string {
  const { fileName } = opts;
  if (opts.encoding !== undefined) {
    const name = opts.encoding.toLowerCase().replace(/^utf8$/, 'utf-8');
    if (!iconv.encodingExists(name))
      throw inputError('UNSUPPORTED_FORMAT', fileName, { message: `unknown encoding "${opts.encoding}"` });
    return name;
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
    throw inputError('UNSUPPORTED_FORMAT', fileName, {
      message: 'this is a zip archive (an XLSX workbook?), not CSV',
    });
  const found = detectEncoding(head);
  if (!found) throw inputError('UNSUPPORTED_FORMAT', fileName, { message: 'binary content, not text' });
  return found.encoding;
}

/** Parser records with their start lines, in batches (one per input chunk). */
interface Records {
  /** The next batch; null at the end. Parse errors are thrown as located DomainErrors. */
  nextBatch(): Promise<Located[] | null>;
  readonly state: DecodeState;
}

/**
 * csv-parse used as a synchronous push parser: each chunk goes through the Transform's own
 * _transform, and records are collected as they are pushed, with the line where each starts (one
 * line plus the line breaks inside its quoted cells). No object-mode stream sits in between, which
 * is where most of the per-row cost would go, and a parse error knows exactly where the record it
 * was reading began.
 */
class LocatingParser extends Parser {
  line = 1;
  batch: Located[] = [];

  override push(chunk: unknown): boolean {
    if (chunk === null) return true;
    const cells = chunk as string[];
    const line = this.line;
    let breaks = 0;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i] as string;
      for (let k = c.indexOf('\n'); k >= 0; k = c.indexOf('\n', k + 1)) breaks++;
    }
    this.line = line + 1 + breaks;
    this.batch.push({ cells, line });
    return true;
  }

  /** Parses one chunk (null: the end); returns the records completed by it. */
  feed(chunk: Buffer | null): Located[] {
    let error: Error | null | undefined;
    const done = (e?: Error | null) => {
      error = e;
    };
    if (chunk) this._transform(chunk, 'binary', done);
    else this._flush(done);
    if (error) throw error;
    const out = this.batch;
    this.batch = [];
    return out;
  }
}

/** Streams records with their start lines. */
function parseRecords(peeked: Peeked, encoding: string, delimiter: string, opts: CsvReadOptions): Records {
  const state: DecodeState = { suspect: false, lastByte: -1 };
  const parser = new LocatingParser({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    // Empty lines come through as one-cell records so that every line is counted; they are skipped
    // as blank rows.
    skip_empty_lines: false,
    record_delimiter: '\n',
    max_record_size: opts.maxRecordChars ?? MAX_RECORD_CHARS,
  });
  const chunks = toUtf8(peeked.chunks, encoding, state)[Symbol.asyncIterator]();
  let ended = false;
  return {
    state,
    async nextBatch() {
      if (ended) return null;
      try {
        const next = await chunks.next();
        if (next.done) {
          ended = true;
          return parser.feed(null);
        }
        return parser.feed(next.value);
      } catch (e) {
        ended = true;
        await chunks.return?.(undefined);
        throw parseError(e, parser.line, opts.fileName);
      }
    },
  };
}

function parseError(e: unknown, line: number, fileName: string | undefined): unknown {
  if (!(e instanceof Error) || !('code' in e) || typeof e.code !== 'string' || !e.code.startsWith('CSV_'))
    return e;
  const err = e as CsvError;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    const message = 'a quoted field starting on this line is never closed (the file may be cut off)';
    return inputError('INPUT_INVALID', fileName, { row: line, code: 'UNCLOSED_QUOTE', message }, e);
  }
  if (err.code === 'CSV_MAX_RECORD_SIZE') {
    const message = 'the record is too long (no line break?)';
    return inputError('INPUT_INVALID', fileName, { row: line, code: 'RECORD_TOO_LONG', message }, e);
  }
  return inputError('INPUT_INVALID', fileName, { row: line, code: 'BAD_LINE', message: err.message }, e);
}

/** One record at a time over the batches. */
export class RecordCursor {
  private batch: Located[] = [];
  private at = 0;
  private done = false;
  readonly state: DecodeState;

  constructor(private readonly records: Records) {
    this.state = records.state;
  }

  /** The next record, or null at the end. */
  async next(): Promise<Located | null> {
    while (this.at >= this.batch.length) {
      if (this.done) return null;
      const b = await this.records.nextBatch();
      if (b === null) this.done = true;
      else {
        this.batch = b;
        this.at = 0;
      }
    }
    return this.batch[this.at++] as Located;
  }

  /** The next record without waiting, or undefined when the batch is used up. */
  nextNow(): Located | undefined {
    return this.at < this.batch.length ? this.batch[this.at++] : undefined;
  }

  /** Puts records back in front (after looking ahead for a header). */
  unread(records: readonly Located[]): void {
    this.batch = [...records, ...this.batch.slice(this.at)];
    this.at = 0;
  }
}

/** Checks each record against the header; looks one record ahead to recognise the last one. */
export async function* checkedRows(
  cursor: RecordCursor,
  header: readonly string[],
  sink: IssueSink,
): AsyncGenerator<TableRow> {
  const { state } = cursor;
  let pending = await cursor.next();
  while (pending !== null) {
    const { cells, line } = pending;
    // Most records are followed by another in the same batch: no await on the hot path.
    pending = cursor.nextNow() ?? (await cursor.next());
    if (isBlankRow(cells)) continue;
    const problem = rowProblem(cells, header, pending === null && !endsLine(state.lastByte));
    if (problem) {
      sink.report({ row: line, ...problem });
      continue;
    }
    if (state.suspect) {
      const bad = cells.findIndex((c) => c.includes('\uFFFD'));
      if (bad >= 0) {
        const message = 'bytes that are not valid in the file encoding (wrong encoding?)';
        sink.report({ row: line, column: header[bad] ?? bad + 1, code: 'UNDECODABLE', message });
        continue;
      }
    }
    yield makeRow(header, cells, line);
  }
}

function endsLine(byte: number): boolean {
  return byte === 0x0a || byte === 0x0d;
}

/** A ragged or truncated row, or null. Extra cells are tolerated when they are blank. */
function rowProblem(
  cells: readonly string[],
  header: readonly string[],
  lastWithoutNewline: boolean,
): { column: number; code: string; message: string } | null {
  const n = header.length;
  if (cells.length < n) {
    if (lastWithoutNewline)
      return {
        column: cells.length,
        code: 'TRUNCATED',
        message: `the file ends in the middle of a row (${cells.length} of ${n} cells): it may be cut off`,
      };
    return {
      column: cells.length + 1,
      code: 'RAGGED_ROW',
      message: `expected ${n} cells, found ${cells.length}`,
    };
  }
  for (let i = n; i < cells.length; i++)
    if ((cells[i] as string).trim() !== '')
      return { column: i + 1, code: 'RAGGED_ROW', message: `expected ${n} cells, found ${cells.length}` };
  return null;
}
