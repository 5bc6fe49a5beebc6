/**
 * Response schemas. They are whitelists: the serializer keeps only the fields listed here, so a
 * field added to a use case's result is not published until it is added to its schema.
 */
import { z } from 'zod';
import {
  CLAIM_FIELD_NAMES,
  CONFIDENCE,
  EVENT_KINDS,
  PLACE_KINDS,
  RELIABILITY,
  ROLES,
  SENSITIVITY,
  SEVERITY,
  SOURCE_KINDS,
  STATES,
} from '../../domain/index.js';
import { Id } from './common.js';

const nullableId = Id.nullable();

export const PartialDateOut = z
  .object({
    year: z.number().int(),
    month: z.number().int().optional(),
    day: z.number().int().optional(),
    about: z.boolean().optional(),
  })
  .meta({ id: 'PartialDate' });

/** A claim's typed value: text, a partial date (date_of_birth) or an age as of a date. */
export const ClaimValueOut = z.union([
  z.string(),
  PartialDateOut,
  z.object({ years: z.number().int(), asOf: z.string() }),
]);

export const UserOut = z
  .object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const SourceOut = z
  .object({
    id: Id,
    kind: z.enum(SOURCE_KINDS),
    title: z.string(),
    publisher: z.string().nullable(),
    published: z.string().nullable(),
    language: z.string().nullable(),
    reliability: z.enum(RELIABILITY),
    url: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Source' });

export const PlaceOut = z
  .object({
    id: Id,
    name: z.string(),
    kind: z.enum(PLACE_KINDS),
    parentId: nullableId,
    variants: z.array(z.string()).readonly(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Place' });

const Retraction = z.object({ reason: z.string(), recordedAt: z.string(), recordedBy: Id });

export const ClaimOut = z
  .object({
    id: Id,
    personId: Id,
    field: z.enum(CLAIM_FIELD_NAMES as [string, ...string[]]),
    value: ClaimValueOut,
    confidence: z.enum(CONFIDENCE),
    sensitivity: z.enum(SENSITIVITY),
    sourceId: Id,
    batchId: nullableId,
    assertedAt: z.string().nullable(),
    recordedAt: z.string(),
    recordedBy: Id,
    supersedes: nullableId,
    reason: z.string().nullable(),
    retraction: Retraction.nullable(),
  })
  .meta({ id: 'Claim' });

export const EventOut = z
  .object({
    id: Id,
    personId: Id,
    kind: z.enum(EVENT_KINDS),
    date: PartialDateOut.nullable(),
    placeId: nullableId,
    placeText: z.string().nullable(),
    fromPlaceId: nullableId,
    severity: z.enum(SEVERITY).nullable(),
    details: z.string().nullable(),
    confidence: z.enum(CONFIDENCE),
    sourceId: Id,
    batchId: nullableId,
    recordedAt: z.string(),
    recordedBy: Id,
    retraction: Retraction.nullable(),
  })
  .meta({ id: 'StatusEvent' });

const FieldValue = z.object({
  value: ClaimValueOut,
  confidence: z.enum(CONFIDENCE),
  claimIds: z.array(Id).readonly(),
  sourceIds: z.array(Id).readonly(),
});

export const PersonOut = z
  .object({
    id: Id,
    version: z.number().int(),
    mergedInto: nullableId,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Person' });

export const StatusOut = z
  .object({
    state: z.enum(STATES),
    since: PartialDateOut.nullable(),
    placeId: nullableId,
    placeText: z.string().nullable(),
    lastEventId: nullableId,
    accordingTo: nullableId,
    wounded: z.boolean(),
  })
  .meta({ id: 'CurrentStatus' });

export const MergeOut = z
  .object({
    id: Id,
    survivorId: Id,
    mergedId: Id,
    reason: z.string(),
    modelVersion: z.string().nullable(),
    recordedAt: z.string(),
    recordedBy: Id,
    undoneAt: z.string().nullable(),
    undoneBy: nullableId,
    undoReason: z.string().nullable(),
  })
  .meta({ id: 'Merge' });

/** Everything about one person that the caller may read. */
export const PersonDetailOut = z
  .object({
    person: PersonOut,
    view: z.object({
      id: Id,
      fields: z.record(z.string(), z.object({ best: FieldValue, conflicts: z.array(FieldValue).readonly() })),
    }),
    claims: z.array(ClaimOut),
    timeline: z.array(EventOut),
    status: StatusOut,
    sources: z.array(
      z.object({
        id: Id,
        title: z.string(),
        kind: z.string(),
        reliability: z.string(),
        published: z.string().nullable(),
      }),
    ),
    merges: z.array(MergeOut),
    hiddenFields: z.number().int().describe('claims the caller may not read (restricted or protected)'),
  })
  .meta({ id: 'PersonDetail' });

export const PersonSummaryOut = z
  .object({
    id: Id,
    version: z.number().int(),
    fields: z.record(z.string(), z.string()),
    state: z.string(),
    placeId: nullableId,
  })
  .meta({ id: 'PersonSummary' });

export const AuditEntryOut = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorId: Id,
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

export const VerifyOut = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
    break: z
      .object({ seq: z.number().int(), reason: z.enum(['hash_mismatch', 'link_broken', 'sequence_gap']) })
      .nullable(),
    anchorMismatch: z.boolean(),
  })
  .meta({ id: 'AuditVerification' });

/** Aggregate figures: counts, states, place names and months; never a person's name or id. */
export const StatsOut = z
  .object({
    persons: z.number().int(),
    byState: z.record(z.string(), z.number().int()),
    byPlace: z.array(
      z.object({
        placeId: nullableId,
        placeName: z.string().nullable(),
        state: z.string(),
        count: z.number().int(),
      }),
    ),
    eventsByMonth: z.array(z.object({ month: z.string(), kind: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'Stats' });
