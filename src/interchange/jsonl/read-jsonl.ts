/**
 * JSON Lines reader: one JSON object per line. Errors name the line (and the position within it
 * when JSON.parse gives one); a line longer than the limit stops the read instead of filling memory.
 */
import { Readable } from 'node:stream';
import { setValue } from '../header.js';
import { IssueSink, inputError } from '../issues.js';
import type { ReadOptions, TableReader, TableRow } from '../table.js';
import { LineTooLong, splitLines } from '../stream/lines.js';
import type { NumberedLine } from '../stream/lines.js';
import { metered, peek } from '../stream/peek.js';

/** Options of the JSON Lines readers. */
export interface JsonlReadOptions extends ReadOptions {
  /** Longest line accepted, in characters (default 1 MiB). */
  maxLineChars?: number;
  /** Lines sampled to build the header of the table view (default 100). */
  headerSample?: number;
}

/** One parsed line. */
export interface JsonlRecord {
  readonly line: number;
  readonly value: Record<string, unknown>;
}

/** Default longest line. */
export const MAX_LINE_CHARS = 1024 * 1024;

/**
 * Streams the objects of a JSON Lines input. Blank lines are skipped. A line that is not a JSON
 * object is a row problem (thrown or collected into `issues` per `onError`).
 */
export async function* readJsonl(
  input: Readable | Buffer | AsyncIterable<Buffer>,
  opts: JsonlReadOptions = {},
  issues: IssueSink = new IssueSink(opts.fileName, opts.onError, opts.maxIssues),
): AsyncGenerator<JsonlRecord> {
  const chunks = Buffer.isBuffer(input) || input instanceof Readable ? (await peek(input, 0)).chunks : input;
  const lines = splitLines(chunks, opts.maxLineChars ?? MAX_LINE_CHARS);
  try {
    for await (const l of lines) {
      const rec = parseLine(l, issues);
      if (rec) yield rec;
    }
  } catch (e) {
    if (e instanceof LineTooLong)
      throw inputError('INPUT_INVALID', opts.fileName, {
        row: e.line,
        code: 'RECORD_TOO_LONG',
        message: `the line is longer than ${opts.maxLineChars ?? MAX_LINE_CHARS} characters`,
      });
    throw e;
  }
}

function parseLine({ line, text }: NumberedLine, issues: IssueSink): JsonlRecord | null {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(String(e));
    const column = at ? Number(at[1]) + 1 : undefined;
    issues.report({
      row: line,
      ...(column !== undefined && { column }),
      code: 'BAD_LINE',
      message: 'not valid JSON',
    });
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.report({ row: line, code: 'BAD_LINE', message: 'the line is not a JSON object' });
    return null;
  }
  return { line, value: value as Record<string, unknown> };
}

/** A value as a table cell: strings as they are, null as '', anything else as JSON. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * JSON Lines as a table: the header is the union of keys of the first `headerSample` objects in
 * order of appearance; later keys outside it are kept in `values` too.
 */
export async function readJsonlTable(
  input: Readable | Buffer,
  opts: JsonlReadOptions = {},
): Promise<TableReader> {
  const sink = new IssueSink(opts.fileName, opts.onError, opts.maxIssues);
  const meter = metered(input);
  const records = readJsonl(meter.input, opts, sink);
  const sample: JsonlRecord[] = [];
  const keys = new Set<string>();
  for (const limit = opts.headerSample ?? 100; sample.length < limit;) {
    const next = await records.next();
    if (next.done) break;
    sample.push(next.value);
    for (const k of Object.keys(next.value.value)) keys.add(k);
  }
  if (sample.length === 0 && sink.issues.length === 0)
    throw inputError('INPUT_INVALID', opts.fileName, {
      row: 1,
      code: 'EMPTY',
      message: 'the file has no records',
    });
  const header = [...keys];
  return {
    header,
    encoding: 'utf-8',
    delimiter: '',
    issues: sink.issues,
    rows: toRows(sample, records, header),
    bytesRead: meter.bytesRead,
  };
}

async function* toRows(
  sample: JsonlRecord[],
  rest: AsyncIterable<JsonlRecord>,
  header: readonly string[],
): AsyncGenerator<TableRow> {
  for (const r of sample) yield jsonRow(r, header);
  for await (const r of rest) yield jsonRow(r, header);
}

function jsonRow({ line, value }: JsonlRecord, header: readonly string[]): TableRow {
  const values: Record<string, string> = {};
  for (const k of header) setValue(values, k, cellText(value[k]).trim());
  for (const [k, v] of Object.entries(value))
    if (!Object.hasOwn(values, k)) setValue(values, k, cellText(v).trim());
  return { line, values, cells: header.map((k) => cellText(value[k])) };
}
