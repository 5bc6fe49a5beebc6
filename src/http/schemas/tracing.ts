/** Schemas of the enquiry and exchange-list routes. */
import { z } from 'zod';
import { ENQUIRY_STATUSES } from '../../domain/index.js';
import { Id } from './common.js';

export const EnquiryCreatedOut = z.object({ id: Id, candidates: z.number().int() });

export const EnquirySummaryOut = z
  .object({
    id: Id,
    status: z.string(),
    outcome: z.string().nullable(),
    sought: z.record(z.string(), z.unknown()),
    personId: Id.nullable(),
    newCandidates: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EnquirySummary' });

export const EnquiryListOut = z.object({
  items: z.array(EnquirySummaryOut),
  nextCursor: z.string().nullable(),
});

export const EnquiryQuery = z.strictObject({
  status: z.enum(ENQUIRY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(100).optional(),
});

export const EnquiryDetailOut = z
  .object({
    id: Id,
    status: z.string(),
    outcome: z.string().nullable(),
    version: z.number().int(),
    enquirer: z.unknown().describe('restricted: only for holders of enquirer.read, else null'),
    consent: z.unknown(),
    sought: z.record(z.string(), z.unknown()),
    circumstances: z.unknown(),
    personId: Id.nullable(),
    newCandidates: z.number().int(),
    steps: z.array(
      z.object({
        from: z.string().nullable(),
        to: z.string(),
        outcome: z.string().nullable(),
        note: z.string().nullable(),
        at: z.string(),
        by: z.string(),
      }),
    ),
    candidates: z.array(
      z.object({
        id: Id,
        personId: Id,
        probability: z.number(),
        weight: z.number(),
        explanation: z.unknown(),
        modelVersion: z.string(),
        status: z.string(),
      }),
    ),
    createdAt: z.string(),
  })
  .meta({ id: 'EnquiryDetail' });

export const TransitionOut = z.object({ id: Id, status: z.string(), version: z.number().int() });
export const CandidateParams = z.strictObject({ id: Id, candidateId: Id });
export const EnquiryDecisionBody = z.strictObject({
  decision: z.enum(['accepted', 'rejected', 'unsure']),
  reason: z.string().trim().max(2000).nullish(),
});
export const EnquiryDecisionOut = z.object({
  id: Id,
  status: z.string(),
  candidateId: Id,
  decision: z.string(),
});

export const ExchangeCreatedOut = z.object({ id: Id, sourceId: Id });
export const ExchangeListSummaryOut = z.object({
  id: Id,
  name: z.string(),
  kind: z.string(),
  counterpart: z.string().nullable(),
  createdAt: z.string(),
  entries: z.record(z.string(), z.number()),
});
export const ExchangeEntryOut = z
  .object({
    id: Id,
    position: z.number().int(),
    personId: Id.nullable(),
    name: z.string().nullable(),
    submitted: z.unknown(),
    status: z.string(),
    verification: z
      .unknown()
      .describe(
        'null until verified; { identity: { probability, candidates }, status, findings: [{ code, field? }], problems, checkedAt }',
      ),
    location: z.string().nullable().describe('where the registry placed the person when verified'),
    candidates: z.array(z.object({ personId: Id, probability: z.number(), name: z.string().nullable() })),
    steps: z.array(
      z.object({
        from: z.string().nullable(),
        to: z.string(),
        note: z.string().nullable(),
        at: z.string(),
        by: z.string(),
      }),
    ),
    eventId: Id.nullable(),
    event: z
      .object({ kind: z.string(), date: z.string().nullable() })
      .nullable()
      .describe("the event completion recorded in the person's timeline"),
    version: z.number().int(),
  })
  .meta({ id: 'ExchangeEntry' });
export const ExchangeListOut = z
  .object({
    id: Id,
    name: z.string(),
    kind: z.string(),
    counterpart: z.string().nullable(),
    notes: z.string().nullable(),
    sourceId: Id,
    createdAt: z.string(),
    entries: z.array(ExchangeEntryOut),
  })
  .meta({ id: 'ExchangeList' });
export const EntryParams = z.strictObject({ id: Id, entryId: Id });
export const AddedOut = z.object({ added: z.number().int(), alreadyListed: z.number().int() });
export const VerifiedOut = z.object({ verified: z.number().int(), withProblems: z.number().int() });
export const EntryTransitionOut = z.object({
  id: Id,
  status: z.string(),
  eventId: Id.nullable(),
  version: z.number().int(),
});
