/**
 * The one table from domain error codes to HTTP statuses, and the conversion of any error thrown
 * while serving a request (domain, Fastify, plugin or unexpected) into the error envelope
 * `{ error: { code, message, details } }`. Unexpected errors become INTERNAL with no internals.
 */
import { DomainError, type ErrorCode, type Issue } from '../domain/index.js';

/**
 * Code → status. Input that parsed but breaks a rule is 422; input that could not be read at all
 * (malformed JSON, bad Content-Length) is 400 INPUT_INVALID.
 */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = Object.freeze({
  VALIDATION_FAILED: 422,
  INVALID_DATE: 422,
  INPUT_INVALID: 400,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  MERGE_INVALID: 409,
  STATE_INVALID: 409,
  APPEND_ONLY: 409,
  SETUP_DONE: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FORMAT: 415,
  CANCELLED: 400,
  INTERNAL: 500,
});

/** The body of every error response. */
export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly details: Record<string, unknown>;
  };
}

/** Fastify's own error codes, mapped to ours with a message that names the problem. */
const FASTIFY_CODES: Readonly<Record<string, { code: ErrorCode; message: string }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INPUT_INVALID', message: 'the request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'INPUT_INVALID',
    message: 'the request body is empty but declared as JSON',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'INPUT_INVALID',
    message: 'the Content-Length header does not match the body',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    message: 'the request body is larger than the server accepts',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_FORMAT',
    message: 'unsupported Content-Type: send application/json',
  },
  FST_ERR_CTP_INVALID_TYPE: {
    code: 'UNSUPPORTED_FORMAT',
    message: 'unsupported Content-Type: send application/json',
  },
  FST_ERR_CTP_EMPTY_TYPE: { code: 'UNSUPPORTED_FORMAT', message: 'the Content-Type header is empty' },
  FST_ERR_NOT_FOUND: { code: 'NOT_FOUND', message: 'no such route' },
  FST_ERR_BAD_URL: { code: 'INPUT_INVALID', message: 'the URL is malformed' },
};

const BY_CLIENT_STATUS: Readonly<Record<number, ErrorCode>> = {
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_FORMAT',
  429: 'RATE_LIMITED',
};
const CLIENT_MESSAGES: Partial<Record<ErrorCode, string>> = {
  NOT_FOUND: 'no such resource',
  PAYLOAD_TOO_LARGE: 'the request is larger than the server accepts',
  UNSUPPORTED_FORMAT: 'unsupported Content-Type: send application/json',
  RATE_LIMITED: 'too many requests; try again later',
};

/** HTTP status for a domain error code. */
export function statusForCode(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}

function envelope(code: ErrorCode, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { error: { code, message, details } };
}

/** Converts a DomainError; validation problems always carry `details.issues` with field paths. */
function fromDomain(e: DomainError): ErrorBody {
  const details: Record<string, unknown> = { ...(e.details ?? {}) };
  if (e.issues.length > 0 || e.code === 'VALIDATION_FAILED' || e.code === 'INVALID_DATE')
    details['issues'] = e.issues.map(cleanIssue);
  return envelope(e.code, e.message, details);
}

function cleanIssue(i: Issue): Issue {
  return Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined)) as unknown as Issue;
}

/**
 * Maps any thrown value to a status and an envelope. `internal` is true when the error was not
 * expected (the caller logs it); its message is never shown to the client.
 */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (err instanceof DomainError)
    return { status: statusForCode(err.code), body: fromDomain(err), internal: false };
  const e = (err ?? {}) as { code?: unknown; statusCode?: unknown; validation?: unknown };
  const known = typeof e.code === 'string' ? FASTIFY_CODES[e.code] : undefined;
  if (known)
    return { status: statusForCode(known.code), body: envelope(known.code, known.message), internal: false };
  if (Array.isArray(e.validation))
    return {
      status: 422,
      body: envelope('VALIDATION_FAILED', 'the request is invalid', { issues: [] }),
      internal: false,
    };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    // Any other client error raised by Fastify or a plugin: keep its status class, use our code.
    const code = BY_CLIENT_STATUS[e.statusCode] ?? 'INPUT_INVALID';
    return {
      status: statusForCode(code),
      body: envelope(code, CLIENT_MESSAGES[code] ?? 'the request could not be read'),
      internal: false,
    };
  }
  return { status: 500, body: envelope('INTERNAL', 'internal error'), internal: true };
}
