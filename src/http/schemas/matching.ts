/** Schemas of the search and review routes. */
import { z } from 'zod';
import { Id } from './common.js';

export const ContributionOut = z
  .object({
    comparison: z.string(),
    level: z.number().int(),
    label: z.string(),
    weight: z.number(),
    tfAdjustment: z.number(),
    m: z.number().nullable(),
    u: z.number().nullable(),
  })
  .meta({ id: 'Contribution' });

export const ExplanationOut = z
  .object({
    weight: z.number(),
    probability: z.number(),
    prior: z.number(),
    contributions: z.array(ContributionOut).readonly(),
  })
  .meta({ id: 'Explanation' });

export const SearchHitOut = z
  .object({
    id: Id,
    fields: z.record(z.string(), z.string()),
    state: z.string(),
    placeId: Id.nullable(),
    probability: z.number(),
    weight: z.number(),
    explanation: ExplanationOut,
  })
  .meta({ id: 'SearchHit' });

export const SearchOut = z.object({
  items: z.array(SearchHitOut),
  candidates: z.number().int(),
  modelVersion: z.string(),
});

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(300),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  minProbability: z.coerce.number().min(0).max(1).optional(),
});

export const ReviewItemOut = z
  .object({
    id: Id,
    kind: z.string(),
    leftId: z.string(),
    rightId: z.string(),
    probability: z.number(),
    weight: z.number(),
    modelVersion: z.string(),
    status: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'ReviewItem' });

export const ReviewListOut = z.object({
  items: z.array(ReviewItemOut),
  nextOffset: z.number().int().nullable(),
});

export const ReviewQuery = z.strictObject({
  kind: z.enum(['person_person', 'enquiry_person', 'mention_person']).optional(),
  status: z.enum(['open', 'accepted', 'rejected', 'unsure', 'stale']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

const SideOut = z.object({
  id: z.string(),
  version: z.number().int(),
  mergedInto: z.string().nullable(),
  view: z.object({ id: z.string(), fields: z.record(z.string(), z.unknown()) }),
});

export const ReviewDetailOut = z
  .object({
    id: Id,
    kind: z.string(),
    status: z.string(),
    stored: z.object({
      probability: z.number(),
      weight: z.number(),
      modelVersion: z.string(),
      explanation: z.unknown(),
    }),
    current: z
      .object({
        probability: z.number(),
        weight: z.number(),
        modelVersion: z.string(),
        explanation: ExplanationOut,
      })
      .nullable(),
    left: SideOut.describe('for an enquiry candidate: the sought person as the enquiry gives it'),
    right: SideOut,
    enquiry: z
      .object({ id: Id, status: z.string(), version: z.number().int() })
      .nullable()
      .describe('the enquiry of an enquiry candidate; null for a duplicate pair'),
  })
  .meta({ id: 'ReviewDetail' });

export const DecisionBody = z.strictObject({
  decision: z.enum(['accepted', 'rejected', 'unsure']),
  reason: z.string().trim().max(2000).nullish(),
  survivorId: Id.nullish(),
});

export const DecisionOut = z.object({ id: Id, status: z.string(), mergeId: Id.nullable() });

export const ScanOut = z.object({ persons: z.number().int(), queued: z.number().int() });
