/**
 * Opening an import file as a stream of rows: the bytes are hashed and counted on the way (for the
 * batch record and progress), and the first rows are looked at before any is used, to find the
 * file's dominant date order.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { openTable, type Format, type OpenedTable, type TableRow } from '../../interchange/index.js';
import { DateOrderVote } from './date-order.js';
import type { DateOrder } from '../../interchange/index.js';

/** Row problems the readers may report before the import stops with INPUT_INVALID. */
const MAX_READER_ISSUES = 100_000;
/** Rows looked at to decide the dominant date order. */
const SAMPLE_ROWS = 2000;

/** The file as a table, with its byte count and hash so far. */
export interface OpenedFile {
  readonly table: OpenedTable;
  readonly rows: AsyncIterable<TableRow>;
  bytesRead(): number;
  sha256(): string;
  /** Ends reading (on failure or cancellation). */
  close(): void;
}

/** Opens a file for import. */
export async function openFile(
  path: string,
  opts: { fileName: string; format?: Format; sheet?: string },
): Promise<OpenedFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  file.on('error', (e) => meter.destroy(e));
  const input = file.pipe(meter);
  const table = await openTable(input, {
    fileName: opts.fileName,
    onError: 'collect',
    maxIssues: MAX_READER_ISSUES,
    ...(opts.format && { format: opts.format }),
    ...(opts.sheet && { sheet: opts.sheet }),
  });
  let digest: string | null = null;
  return {
    table,
    rows: table.rows,
    bytesRead: () => bytes,
    sha256: () => (digest ??= hash.digest('hex')),
    close: () => {
      file.destroy();
      meter.destroy();
    },
  };
}

/**
 * Reads ahead up to SAMPLE_ROWS rows to vote on the date order of the given columns, then yields
 * every row (the sampled ones first) as if nothing had been read.
 */
export async function sampleDateOrder(
  rows: AsyncIterable<TableRow>,
  dateColumns: readonly string[],
): Promise<{ order: DateOrder; rows: AsyncIterable<TableRow> }> {
  const it = rows[Symbol.asyncIterator]();
  const head: TableRow[] = [];
  const vote = new DateOrderVote();
  let done = false;
  while (head.length < SAMPLE_ROWS) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    head.push(r.value);
    for (const c of dateColumns) vote.see(r.value.values[c] ?? '');
  }
  async function* all(): AsyncGenerator<TableRow> {
    yield* head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { order: vote.order(), rows: all() };
}
