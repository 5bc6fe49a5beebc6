/**
 * Format detection from the first bytes (and the file name as a hint): a zip is XLSX, XML in a PFIF
 * namespace is PFIF, lines of JSON objects are JSON Lines, delimited text with a hashtag row is HXL,
 * other text is CSV.
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { inputError } from '../issues.js';
import { detectEncoding } from '../csv/encoding.js';
import { sniffDelimiter } from '../csv/delimiter.js';
import { isHashtagRow } from '../hxl/hashtags.js';
import { HXL_SEARCH_ROWS } from '../hxl/read-hxl.js';

/** Formats the readers know. */
export const FORMATS = ['csv', 'hxl', 'xlsx', 'pfif', 'jsonl'] as const;

/** A format the readers know. */
export type Format = (typeof FORMATS)[number];

/**
 * Detects the format of an input from its first bytes (a few KiB is enough; 64 KiB is used by
 * openTable). Throws UNSUPPORTED_FORMAT for legacy .xls, other zip or XML documents and binary data.
 */
export function detectFormat(firstBytes: Buffer, fileName?: string): Format {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  const b = firstBytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0)
    throw inputError('UNSUPPORTED_FORMAT', fileName, {
      message: 'a legacy .xls workbook: save it as .xlsx or CSV',
    });
  const enc = detectEncoding(b);
  if (!enc)
    throw inputError('UNSUPPORTED_FORMAT', fileName, { message: 'binary content of an unknown format' });
  const text = iconv.decode(b, enc.encoding).replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('<')) {
    if (/zesty\.ca\/pfif\/1\.[1-4]/.test(text)) return 'pfif';
    throw inputError('UNSUPPORTED_FORMAT', fileName, { message: 'an XML document that is not PFIF' });
  }
  if (start.startsWith('{') && (ext === 'jsonl' || ext === 'ndjson' || ext === 'json' || looksJsonl(start)))
    return 'jsonl';
  return hasHashtagRow(text) ? 'hxl' : 'csv';
}

/** The first line is a complete JSON object. */
function looksJsonl(text: string): boolean {
  const nl = text.indexOf('\n');
  if (nl < 0) return false;
  try {
    const v: unknown = JSON.parse(text.slice(0, nl));
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

function hasHashtagRow(text: string): boolean {
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  if (!complete.includes('#')) return false;
  try {
    const rows = parse(complete, {
      delimiter: sniffDelimiter(complete),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to_line: HXL_SEARCH_ROWS + 1,
    }) as string[][];
    return rows.slice(0, HXL_SEARCH_ROWS + 1).some((r) => isHashtagRow(r));
  } catch {
    return false;
  }
}
