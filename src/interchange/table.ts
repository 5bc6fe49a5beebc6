/**
 * The one shape every tabular reader returns (CSV, HXL, XLSX, JSON Lines, flattened PFIF), so that an
 * import handles all formats the same way: a header, then rows as an async stream.
 */
import type { Issue } from '../domain/index.js';

/** One data row. `line` is the 1-based physical line (or sheet row) where the row starts. */
export interface TableRow {
  readonly line: number;
  /** Cell values keyed by header name, trimmed; missing cells are ''. */
  readonly values: Record<string, string>;
  /** The cells as read, untrimmed, in file order. */
  readonly cells: string[];
  /** PFIF only: the notes about this person (nested in it, or following it with its id). */
  readonly notes?: ReadonlyArray<Record<string, string>>;
}

/** An opened table. `rows` can be iterated once; `issues` fills as rows are read in 'collect' mode. */
export interface TableReader {
  readonly header: string[];
  /** Encoding the bytes were decoded with ('utf-8', 'utf-16le', 'windows-1251', 'koi8-u', ...). */
  readonly encoding: string;
  /** Field delimiter (',' ';' '\t' '|'); '' for formats without one (XLSX, JSON Lines, PFIF). */
  readonly delimiter: string;
  readonly rows: AsyncIterable<TableRow>;
  /** Row-level problems found so far (only in 'collect' mode; in 'throw' mode the first one throws). */
  readonly issues: Issue[];
  /** HXL hashtags per column (same order as header) when the table carries a hashtag row. */
  readonly hxlTags?: string[];
  /** Name of the sheet read, for workbooks. */
  readonly sheet?: string;
  /** Bytes of the input read so far, for progress against the file size. */
  bytesRead?(): number;
  /** PFIF only: top-level notes not attached to a person row (filled as rows are read). */
  readonly looseNotes?: Array<Record<string, string>>;
}

/** What to do with a bad row: stop with a DomainError, or record it in `issues` and go on. */
export type OnError = 'throw' | 'collect';

/** Options shared by every tabular reader. */
export interface ReadOptions {
  /** Shown in error messages ("people.csv: line 12, column 3: ..."). */
  fileName?: string;
  onError?: OnError;
  /** In 'collect' mode, stop with INPUT_INVALID after this many issues (default 1000). */
  maxIssues?: number;
}
