/** Persons: registry subjects. A person holds almost nothing itself: its identity is its claims. */
import { z } from 'zod';
import type { MergeId, PersonId, UserId } from './ids.js';
import { idSchema } from './ids.js';
import { ClaimInput } from './claim.js';
import { EventInput } from './status.js';
import { isoDay } from './source.js';

export interface Person {
  readonly id: PersonId;
  /** Optimistic concurrency: every write on the person increments it; a stale write is refused. */
  readonly version: number;
  /** When this record was merged into another, the survivor's id. */
  readonly mergedInto: PersonId | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const RegisterPersonInput = z.strictObject({
  sourceId: idSchema('SourceId'),
  claims: z.array(ClaimInput).min(1, 'a person needs at least one claim').max(200),
  events: z.array(EventInput).max(200).default([]),
});
export type RegisterPersonInput = z.infer<typeof RegisterPersonInput>;

export const AddClaimInput = z.strictObject({
  sourceId: idSchema('SourceId'),
  claim: ClaimInput,
  supersedes: idSchema('ClaimId').nullish(),
  reason: z.string().trim().min(1).max(2000).nullish(),
  expectedVersion: z.number().int().min(1).nullish(),
});
export type AddClaimInput = z.infer<typeof AddClaimInput>;

export const RetractInput = z.strictObject({
  reason: z.string().trim().min(1, 'a retraction needs a reason').max(2000),
  expectedVersion: z.number().int().min(1).nullish(),
});
export type RetractInput = z.infer<typeof RetractInput>;

export const AddEventInput = z.strictObject({
  sourceId: idSchema('SourceId'),
  event: EventInput,
  expectedVersion: z.number().int().min(1).nullish(),
});
export type AddEventInput = z.infer<typeof AddEventInput>;

export const MergeInput = z.strictObject({
  survivorId: idSchema('PersonId'),
  mergedId: idSchema('PersonId'),
  reason: z.string().trim().min(1).max(2000),
  survivorVersion: z.number().int().min(1).nullish(),
  mergedVersion: z.number().int().min(1).nullish(),
  /** The matching model version and explanation that supported the decision, when there was one. */
  modelVersion: z.string().max(100).nullish(),
  evidence: z.record(z.string(), z.unknown()).nullish(),
});
export type MergeInput = z.infer<typeof MergeInput>;

export interface Merge {
  readonly id: MergeId;
  readonly survivorId: PersonId;
  readonly mergedId: PersonId;
  readonly reason: string;
  readonly modelVersion: string | null;
  readonly recordedAt: string;
  readonly recordedBy: UserId;
  readonly undoneAt: string | null;
  readonly undoneBy: UserId | null;
  readonly undoReason: string | null;
}

export const PersonFilter = z.strictObject({
  q: z.string().trim().max(300).optional(),
  state: z.string().max(40).optional(),
  sourceId: idSchema('SourceId').optional(),
  placeId: idSchema('PlaceId').optional(),
  updatedSince: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type PersonFilter = z.infer<typeof PersonFilter>;
