/**
 * Typed errors with stable codes. They know nothing of transport: the HTTP layer maps codes to
 * statuses (src/http/error-mapping.ts) and the CLI maps them to exit codes (src/cli/exit-codes.ts).
 * Tests assert `code`, never `message`.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_DATE',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'ALREADY_EXISTS',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_FAILED',
  'RATE_LIMITED',
  'MERGE_INVALID',
  'APPEND_ONLY',
  'STATE_INVALID',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_FORMAT',
  'INPUT_INVALID',
  'CANCELLED',
  'SETUP_DONE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem found in input: where (field path, or row and column) and what. */
export interface Issue {
  readonly path?: string;
  readonly row?: number;
  readonly column?: string | number;
  readonly code?: string;
  readonly message: string;
}

/** The one error type of the domain. `details` is safe to show to the caller (no personal data). */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly issues: readonly Issue[];

  constructor(
    code: ErrorCode,
    message: string,
    opts: { details?: Record<string, unknown>; issues?: Issue[]; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'DomainError';
    this.code = code;
    this.details = opts.details;
    this.issues = opts.issues ?? [];
  }
}

/** True when `e` is a DomainError, optionally of the given code. */
export function isDomainError(e: unknown, code?: ErrorCode): e is DomainError {
  return e instanceof DomainError && (code === undefined || e.code === code);
}

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('NOT_FOUND', `${what} ${id} does not exist`, { details: { what, id } });

export const invalid = (message: string, issues: Issue[] = []): DomainError =>
  new DomainError('VALIDATION_FAILED', message, { issues });
