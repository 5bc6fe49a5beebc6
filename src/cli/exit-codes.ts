/** The one table from outcomes to process exit codes. Scripts may rely on these numbers. */
import type { ErrorCode } from '../domain/errors.js';

export const EXIT = {
  OK: 0,
  INTERNAL: 1,
  USAGE: 2,
  INPUT: 3,
  NOT_FOUND: 4,
  CONFLICT: 5,
  DENIED: 6,
  INTEGRITY: 7,
  CANCELLED: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const BY_ERROR: Record<ErrorCode, ExitCode> = {
  VALIDATION_FAILED: EXIT.INPUT,
  INVALID_DATE: EXIT.INPUT,
  INPUT_INVALID: EXIT.INPUT,
  UNSUPPORTED_FORMAT: EXIT.INPUT,
  PAYLOAD_TOO_LARGE: EXIT.INPUT,
  NOT_FOUND: EXIT.NOT_FOUND,
  VERSION_CONFLICT: EXIT.CONFLICT,
  ALREADY_EXISTS: EXIT.CONFLICT,
  MERGE_INVALID: EXIT.CONFLICT,
  STATE_INVALID: EXIT.CONFLICT,
  APPEND_ONLY: EXIT.CONFLICT,
  SETUP_DONE: EXIT.CONFLICT,
  UNAUTHENTICATED: EXIT.DENIED,
  FORBIDDEN: EXIT.DENIED,
  CSRF_FAILED: EXIT.DENIED,
  RATE_LIMITED: EXIT.DENIED,
  CANCELLED: EXIT.CANCELLED,
  INTERNAL: EXIT.INTERNAL,
};

/** Exit code for a domain error code. */
export function exitCodeFor(code: ErrorCode): ExitCode {
  return BY_ERROR[code];
}
