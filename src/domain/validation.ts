/** Parsing at the edges: zod failures become VALIDATION_FAILED errors naming each field path. */
import type { z } from 'zod';
import { DomainError, type Issue } from './errors.js';

/** Converts zod issues to domain issues with dotted field paths ("claims.0.value.day"). */
export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.flatMap((i): Issue[] => {
    const path = i.path.map(String);
    // An unknown field is reported at its own path ("claims.0.colour"), one issue per field.
    if (i.code === 'unrecognized_keys')
      return i.keys.map((key) => ({
        path: [...path, key].join('.'),
        code: i.code,
        message: `unknown field ${key}`,
      }));
    return [{ path: path.join('.') || '(root)', code: i.code, message: i.message }];
  });
}

/** Parses `input` with `schema` or throws VALIDATION_FAILED listing every problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = zodIssues(result.error);
  const first = issues[0];
  throw new DomainError(
    'VALIDATION_FAILED',
    `invalid ${what}: ${first ? `${first.path}: ${first.message}` : 'unknown problem'}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
    { issues },
  );
}
