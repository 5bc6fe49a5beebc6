/** What an import takes and what it reports. */
import { z } from 'zod';
import { FORMATS, FIELD_NAMES } from '../../interchange/index.js';
import type { ClaimInput, EventInput } from '../../domain/index.js';
import { isoDay } from '../../domain/index.js';

/** Options of an import; the file itself is passed separately (a path). */
export const ImportOptions = z.strictObject({
  /** The source the list comes from, by id ... */
  sourceId: z.string().min(1).max(100).optional(),
  /** ... or by title (created as a source of kind list when absent). */
  sourceName: z.string().trim().min(1).max(300).optional(),
  format: z.enum(FORMATS).optional(),
  /** Overrides of the suggested mapping: field → column (an empty column unmaps the field). */
  mapping: z.partialRecord(z.enum(FIELD_NAMES), z.string().max(300)).optional(),
  /** A saved mapping preset to start from. */
  preset: z.string().trim().min(1).max(100).optional(),
  /** Save the mapping used under this name. */
  savePreset: z.string().trim().min(1).max(100).optional(),
  /** Report what would happen, write nothing. */
  dryRun: z.boolean().default(false),
  /** When the source asserted the rows (assertedAt of new claims); default: the source's date. */
  sourceDate: isoDay.optional(),
  /** Order of numeric dates; by default the file's dominant order. */
  dateOrder: z.enum(['DMY', 'MDY', 'YMD']).optional(),
  /** Worksheet to read (XLSX). */
  sheet: z.string().max(300).optional(),
  /** Rows per chunk (matched and inserted together). */
  chunkSize: z.number().int().min(1).max(20_000).default(2000),
  /** Original file name (shown in the report; the path may be a temporary file). */
  fileName: z.string().max(500).optional(),
});
export type ImportOptions = z.input<typeof ImportOptions>;
export type ParsedImportOptions = z.output<typeof ImportOptions>;

/** One rejected row (or warning): where and why. */
export interface RowReject {
  readonly row: number;
  readonly column?: string | number;
  /** Stable (one of IMPORT_PROBLEM_CODES): clients word it in their own language. */
  readonly code: string;
  /** For developers, in English. */
  readonly message: string;
  /** The cell at fault as written (at most VALUE_SHOWN characters), when one cell is. */
  readonly value?: string;
}

/** Characters of a cell a reject repeats. */
export const VALUE_SHOWN = 100;

/**
 * Every code a report's rejected rows and warnings, or a failed import's issues, can carry: the
 * import's own (row-facts.ts, pfif-facts.ts, run-import.ts) and the readers' (src/interchange:
 * row issues, headers, XML, the zip guard). A new code is added here and given a sentence in the
 * web interface (web/src/lib/import-problems.ts).
 */
export const IMPORT_PROBLEM_CODES = [
  // rows
  'DATE_INVALID',
  'VALUE_INVALID',
  'NAME_MISSING',
  'RAGGED_ROW',
  'UNDECODABLE',
  'RECORD_TOO_LONG',
  'BAD_LINE',
  // warnings
  'NOTE_UNATTACHED',
  // the whole file
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

/** The outcome of an import (or of a dry run: what would happen). */
export interface ImportReport {
  readonly batchId: string;
  readonly sourceId: string;
  readonly fileName: string;
  readonly format: string;
  readonly encoding: string;
  readonly dryRun: boolean;
  /** Column → field, as used. */
  readonly mapping: Record<string, string>;
  /** Columns no field was mapped to (reported, not fatal). */
  readonly unmappedColumns: string[];
  readonly dateOrder: string;
  /** Dates whose day and month could be read either way; read in `dateOrder`. */
  readonly ambiguousDates: number;
  readonly rows: number;
  /** New persons (including those queued for review). */
  created: number;
  /** Rows whose facts were added to an existing person (auto-link above the match threshold). */
  linked: number;
  /** New persons also queued for review against a likely match. */
  queued: number;
  /** Candidates queued for open family enquiries: persons the import created or added facts to. */
  enquiryCandidates: number;
  /** Rows already imported from this source with different content: their claims superseded. */
  updated: number;
  /** Rows already imported from this source, unchanged: nothing written. */
  unchanged: number;
  /** Number of rejected rows; `rejected` lists the first ones. */
  rejectedCount: number;
  readonly rejected: RowReject[];
  readonly warnings: RowReject[];
}

/** Rows listed in a report at most (counts stay exact). */
export const REPORT_LIST_LIMIT = 1000;

/** One row read and normalised: what it asserts and how it is recognised again. */
export interface PreparedRow {
  readonly line: number;
  readonly rowRef: string;
  readonly hash: string;
  readonly claims: ClaimInput[];
  readonly events: EventInput[];
}

/** Progress of a running import. */
export interface ImportProgress {
  readonly rows: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
}

/** What the caller may pass besides options: progress and cancellation. */
export interface ImportControl {
  readonly onProgress?: (p: ImportProgress) => void;
  readonly signal?: AbortSignal;
  /**
   * Prepare rows for matching on a worker thread (true) or on the import's thread (false); by
   * default on a worker for a large file on a SQLite file (see rowPreparer).
   */
  readonly prepareOnWorker?: boolean;
}
