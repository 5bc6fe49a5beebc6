/**
 * Branded ids: a PersonId cannot be passed where a SourceId is expected. Ids are opaque strings
 * (time-ordered UUIDs made by the `ids` port); `asId` brands a string read at an edge.
 */
import { z } from 'zod';

declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type PersonId = Brand<string, 'PersonId'>;
export type ClaimId = Brand<string, 'ClaimId'>;
export type EventId = Brand<string, 'EventId'>;
export type SourceId = Brand<string, 'SourceId'>;
export type PlaceId = Brand<string, 'PlaceId'>;
export type BatchId = Brand<string, 'BatchId'>;
export type UserId = Brand<string, 'UserId'>;
export type MergeId = Brand<string, 'MergeId'>;

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A zod schema for one kind of id. */
export function idSchema<T extends string>(kind: T) {
  return z
    .string()
    .regex(ID_PATTERN, `not a valid ${kind} id`)
    .transform((s) => s as Brand<string, T>);
}

/** Brands a string already known to be an id of that kind (for values read from the database). */
export function asId<I = never>(s: string): I {
  return s as unknown as I;
}

export const isIdLike = (s: string): boolean => ID_PATTERN.test(s);
