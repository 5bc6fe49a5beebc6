/**
 * Errors of the readers. Every message names the file, the line and the column, so that a registrar
 * can open the file and find the cell; the same place is in `issues` for programs.
 */
import { DomainError } from '../domain/index.js';
import type { Issue } from '../domain/index.js';
import type { OnError } from './table.js';

/** Stable codes of row-level problems (Issue.code), so import reports can group them. */
export type RowIssueCode =
  | 'RAGGED_ROW'
  | 'UNDECODABLE'
  | 'UNCLOSED_QUOTE'
  | 'TRUNCATED'
  | 'RECORD_TOO_LONG'
  | 'BAD_HEADER'
  | 'EMPTY'
  | 'BAD_LINE';

/** "people.csv: line 12, column 3: message" (parts left out when unknown). */
export function locate(
  fileName: string | undefined,
  line: number | undefined,
  column?: string | number,
): string {
  let s = fileName ?? 'input';
  if (line !== undefined) s += `: line ${line}`;
  if (column !== undefined) s += `, column ${typeof column === 'number' ? column : JSON.stringify(column)}`;
  return s;
}

/** A DomainError for one located problem. */
export function inputError(
  code: 'INPUT_INVALID' | 'UNSUPPORTED_FORMAT' | 'PAYLOAD_TOO_LARGE',
  fileName: string | undefined,
  issue: Issue,
  cause?: unknown,
): DomainError {
  return new DomainError(code, `${locate(fileName, issue.row, issue.column)}: ${issue.message}`, {
    issues: [issue],
    details: { fileName: fileName ?? 'input' },
    cause,
  });
}

/**
 * Routes row-level problems: throws the first one in 'throw' mode, records them in 'collect' mode and
 * throws once there are more than `max` (a file where every row is broken is not worth a report
 * of a million lines).
 */
export class IssueSink {
  readonly issues: Issue[] = [];

  constructor(
    private readonly fileName: string | undefined,
    private readonly mode: OnError = 'throw',
    private readonly max = 1000,
  ) {}

  /** Records or throws one problem. */
  report(issue: Issue): void {
    if (this.mode === 'throw') throw inputError('INPUT_INVALID', this.fileName, issue);
    this.issues.push(issue);
    if (this.issues.length > this.max)
      throw new DomainError(
        'INPUT_INVALID',
        `${locate(this.fileName, issue.row)}: more than ${this.max} bad rows; stopped`,
        {
          issues: this.issues.slice(),
          details: { fileName: this.fileName ?? 'input' },
        },
      );
  }
}
