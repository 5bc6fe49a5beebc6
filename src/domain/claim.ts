/**
 * Claims: one statement about one field of one person, with provenance, confidence and sensitivity.
 * Claims are never updated. A new claim may supersede an older one; a retraction retracts one. Both
 * carry a reason. The person view (best value per field, conflicts shown) is derived: see person-view.ts.
 */
import { z } from 'zod';
import type { BatchId, ClaimId, PersonId, SourceId, UserId } from './ids.js';
import { isoDay } from './source.js';
import { partialDateProblem, type PartialDate } from './partial-date.js';

export const CONFIDENCE = ['confirmed', 'probable', 'unconfirmed', 'disputed'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

/** normal: any role that reads persons; protected: officers and registrars; restricted: explicit permission. */
export const SENSITIVITY = ['normal', 'protected', 'restricted'] as const;
export type Sensitivity = (typeof SENSITIVITY)[number];

export const SEX = ['male', 'female', 'other', 'unknown'] as const;

export const PartialDateSchema = z
  .strictObject({
    year: z.number().int(),
    month: z.number().int().optional(),
    day: z.number().int().optional(),
    about: z.boolean().optional(),
  })
  .superRefine((d, ctx) => {
    const problem = partialDateProblem(d as PartialDate);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const text = (max = 500) => z.string().trim().min(1).max(max);

/** The value type of every claim field, and the sensitivity a claim gets unless told otherwise. */
export const CLAIM_FIELDS = {
  given_name: { value: text(200), sensitivity: 'normal', personal: true },
  family_name: { value: text(200), sensitivity: 'normal', personal: true },
  patronymic: { value: text(200), sensitivity: 'normal', personal: true },
  name_original: { value: text(300), sensitivity: 'normal', personal: true },
  sex: { value: z.enum(SEX), sensitivity: 'normal', personal: true },
  date_of_birth: { value: PartialDateSchema, sensitivity: 'normal', personal: true },
  age: {
    value: z.strictObject({ years: z.number().int().min(0).max(130), asOf: isoDay }),
    sensitivity: 'normal',
    personal: true,
  },
  place_of_birth: { value: text(300), sensitivity: 'normal', personal: true },
  nationality: { value: text(100), sensitivity: 'normal', personal: true },
  rank: { value: text(100), sensitivity: 'normal', personal: true },
  unit: { value: text(300), sensitivity: 'normal', personal: true },
  service_number: { value: text(100), sensitivity: 'protected', personal: true },
  id_number: { value: text(100), sensitivity: 'protected', personal: true },
  father_name: { value: text(300), sensitivity: 'normal', personal: true },
  mother_name: { value: text(300), sensitivity: 'normal', personal: true },
  person_to_inform: { value: text(1000), sensitivity: 'restricted', personal: true },
  address: { value: text(1000), sensitivity: 'protected', personal: true },
  phone: { value: text(50), sensitivity: 'restricted', personal: true },
  email: { value: text(300), sensitivity: 'restricted', personal: true },
  description: { value: text(5000), sensitivity: 'protected', personal: true },
  health: { value: text(5000), sensitivity: 'restricted', personal: true },
  notes: { value: text(5000), sensitivity: 'protected', personal: true },
} as const satisfies Record<string, { value: z.ZodType; sensitivity: Sensitivity; personal: boolean }>;

export type ClaimField = keyof typeof CLAIM_FIELDS;
export const CLAIM_FIELD_NAMES = Object.keys(CLAIM_FIELDS) as ClaimField[];
export type ClaimValue = z.infer<(typeof CLAIM_FIELDS)[ClaimField]['value']>;

/** What a caller supplies to assert one claim. */
export const ClaimInput = z
  .strictObject({
    field: z.enum(CLAIM_FIELD_NAMES as [ClaimField, ...ClaimField[]]),
    value: z.unknown(),
    confidence: z.enum(CONFIDENCE).default('unconfirmed'),
    sensitivity: z.enum(SENSITIVITY).optional(),
    assertedAt: isoDay.nullish(),
  })
  .transform((c, ctx) => {
    const parsed = CLAIM_FIELDS[c.field].value.safeParse(c.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: ['value', ...issue.path.map(String)], message: issue.message });
      return z.NEVER;
    }
    return {
      field: c.field,
      value: parsed.data as ClaimValue,
      confidence: c.confidence,
      sensitivity: c.sensitivity ?? CLAIM_FIELDS[c.field].sensitivity,
      assertedAt: c.assertedAt ?? null,
    };
  });
export type ClaimInput = z.infer<typeof ClaimInput>;

/** A stored claim with its provenance. */
export interface Claim {
  readonly id: ClaimId;
  readonly personId: PersonId;
  readonly field: ClaimField;
  readonly value: ClaimValue;
  readonly confidence: Confidence;
  readonly sensitivity: Sensitivity;
  readonly sourceId: SourceId;
  readonly batchId: BatchId | null;
  /** When the source asserted it (the source's date), if known. */
  readonly assertedAt: string | null;
  readonly recordedAt: string;
  readonly recordedBy: UserId;
  readonly supersedes: ClaimId | null;
  readonly reason: string | null;
}

/** A retraction: the claim stands in history but no longer counts. */
export interface ClaimRetraction {
  readonly claimId: ClaimId;
  readonly reason: string;
  readonly recordedAt: string;
  readonly recordedBy: UserId;
}

/** Confidence ordered from strongest to weakest, for choosing a best value. */
export const CONFIDENCE_RANK: Record<Confidence, number> = {
  confirmed: 3,
  probable: 2,
  unconfirmed: 1,
  disputed: 0,
};

/** Value as display text, for any field. */
export function claimValueText(field: ClaimField, value: ClaimValue): string {
  if (field === 'date_of_birth') {
    const d = value as PartialDate;
    const s = [
      String(d.year),
      d.month && String(d.month).padStart(2, '0'),
      d.day && String(d.day).padStart(2, '0'),
    ]
      .filter(Boolean)
      .join('-');
    return d.about ? `~${s}` : s;
  }
  if (field === 'age') {
    const a = value as { years: number; asOf: string };
    return `${a.years} (as of ${a.asOf})`;
  }
  return String(value);
}
