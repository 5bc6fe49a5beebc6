/**
 * Request validation with the same zod schemas the use cases use. Fastify's default validator is
 * replaced, so nothing is coerced or stripped before the use case sees the input: the handler gets
 * the request exactly as sent, and the use case parses it again (one source of truth for rules).
 * Malformed path ids are answered 404 NOT_FOUND: an id that cannot exist names nothing.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { DomainError, zodIssues, type Issue } from '../domain/index.js';

/** zod issues as domain issues; an unknown key is reported at its own path ("claims.0.colour"). */
export const issuesOf = (error: z.ZodError): Issue[] => zodIssues(error);

function failure(part: string | undefined, error: z.ZodError): DomainError {
  const issues = issuesOf(error);
  if (part === 'params')
    return new DomainError('NOT_FOUND', 'no such resource: the id in the path is malformed', {
      details: { issues },
    });
  const first = issues[0];
  const where = part === 'querystring' ? 'query' : part === 'headers' ? 'headers' : 'body';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new DomainError(
    'VALIDATION_FAILED',
    `invalid ${where}: ${first ? `${first.path}: ${first.message}` : 'unknown problem'}${more}`,
    { issues },
  );
}

/** Fastify validator compiler for zod schemas; passes the original input through on success. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: data };
    return { error: failure(httpPart, result.error) };
  };
