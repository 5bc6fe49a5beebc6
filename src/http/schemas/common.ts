/** Schemas shared by every route: the error envelope, path ids, pagination and the response table. */
import { z } from 'zod';
import { ERROR_CODES } from '../../domain/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An id in a path or a body: a lower-case UUID. */
export const Id = z.string().regex(UUID, 'not a valid id');

/** The body of every error response. */
export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: 'ErrorEnvelope' });

export const IdParams = z.strictObject({ id: Id });
export const ClaimParams = z.strictObject({ id: Id, claimId: Id });
export const EventParams = z.strictObject({ id: Id, eventId: Id });

/** A page of items; `nextCursor` is null on the last page. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Query of a plain paginated list. */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(200).optional(),
});

/** The query of a route that takes none: any parameter is refused rather than ignored. */
export const NoQuery = z.strictObject({});

/** An empty body (204). */
export const NoContent = z.null().describe('no content');

/** The response table of a route: its success schema and the error envelope for 4xx and 5xx. */
export function responses<S extends z.ZodType, C extends number = 200>(schema: S, status: C = 200 as C) {
  return { [status]: schema, '4xx': ErrorEnvelope, '5xx': ErrorEnvelope } as { [K in C]: S } & {
    '4xx': typeof ErrorEnvelope;
    '5xx': typeof ErrorEnvelope;
  };
}
