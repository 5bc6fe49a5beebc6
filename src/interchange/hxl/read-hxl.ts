/**
 * HXL-tagged CSV: a CSV whose hashtag row (after optional title and text header rows) says what each
 * column holds. The table is keyed by the text header when there is one (by the hashtags when the
 * hashtag row comes first) and carries the normalised hashtags in `hxlTags`.
 */
import type { Readable } from 'node:stream';
import { checkHeader } from '../header.js';
import { IssueSink, inputError } from '../issues.js';
import type { TableReader } from '../table.js';
import { checkedRows, openRecords } from '../csv/read-csv.js';
import type { CsvReadOptions, Located } from '../csv/read-csv.js';
import { formatHashtag, isHashtagRow, parseHashtag } from './hashtags.js';

/** Rows searched for the hashtag row. */
export const HXL_SEARCH_ROWS = 6;

/**
 * Opens an HXL-tagged CSV. Throws UNSUPPORTED_FORMAT when no hashtag row is found in the first rows,
 * and everything readCsv throws.
 */
export async function readHxl(input: Readable | Buffer, opts: CsvReadOptions = {}): Promise<TableReader> {
  const { fileName } = opts;
  const { encoding, delimiter, records, bytesRead } = await openRecords(input, opts);
  const before: Located[] = [];
  let tagRow: Located | null = null;
  while (before.length < HXL_SEARCH_ROWS) {
    const r = await records.next();
    if (r === null) break;
    if (r.cells.every((c) => c.trim() === '')) continue;
    if (isHashtagRow(r.cells)) {
      tagRow = r;
      break;
    }
    before.push(r);
  }
  if (!tagRow)
    throw inputError('UNSUPPORTED_FORMAT', fileName, {
      message: `no HXL hashtag row in the first ${HXL_SEARCH_ROWS} rows`,
    });
  const tags = tagRow.cells.map((c) => {
    const h = parseHashtag(c);
    return h ? formatHashtag(h) : '';
  });
  while (tags.length > 0 && tags[tags.length - 1] === '') tags.pop();
  const textHeader = before[before.length - 1];
  const header = textHeader
    ? checkHeader(
        Array.from({ length: Math.max(tags.length, textHeader.cells.length) }, (_, i) => {
          return textHeader.cells[i]?.trim() || tags[i] || '';
        }),
        textHeader.line,
        fileName,
      )
    : checkHeader(uniqueNames(tags), tagRow.line, fileName);
  const sink = new IssueSink(fileName, opts.onError, opts.maxIssues);
  return {
    header,
    encoding,
    delimiter,
    issues: sink.issues,
    hxlTags: header.map((_, i) => tags[i] ?? ''),
    rows: checkedRows(records, header, sink),
    bytesRead,
  };
}

/** Hashtags as column names: repeats get " (2)", " (3)"; untagged columns get "column N". */
function uniqueNames(tags: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return tags.map((t, i) => {
    const base = t || `column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
