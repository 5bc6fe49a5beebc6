/**
 * Enquiries: a family asks where someone is. The enquirer's identity and contact details are
 * restricted data. The status moves open → searching → candidate_found → confirmed →
 * family_informed → closed, each step recorded; any open enquiry may be closed as not found or
 * withdrawn.
 */
import { z } from 'zod';
import { PartialDateSchema, SEX } from './claim.js';
import { isoDay } from './source.js';

export const ENQUIRY_STATUSES = [
  'open',
  'searching',
  'candidate_found',
  'confirmed',
  'family_informed',
  'closed',
] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];

export const ENQUIRY_OUTCOMES = ['found', 'not_found', 'withdrawn'] as const;
export type EnquiryOutcome = (typeof ENQUIRY_OUTCOMES)[number];

/** The steps an officer (or the matching) may take from each status. */
export const ENQUIRY_TRANSITIONS: Readonly<Record<EnquiryStatus, readonly EnquiryStatus[]>> = {
  open: ['searching', 'closed'],
  searching: ['candidate_found', 'closed'],
  candidate_found: ['searching', 'confirmed', 'closed'],
  confirmed: ['family_informed', 'searching', 'closed'],
  family_informed: ['closed'],
  closed: [],
};

/** Whether `to` may follow `from`; closing as found needs the family to have been informed. */
export function enquiryTransitionProblem(
  from: EnquiryStatus,
  to: EnquiryStatus,
  outcome?: EnquiryOutcome | null,
): string | null {
  if (!ENQUIRY_TRANSITIONS[from].includes(to)) return `an enquiry cannot go from ${from} to ${to}`;
  if (to === 'closed' && !outcome) return 'closing needs an outcome: found, not_found or withdrawn';
  if (to === 'closed' && outcome === 'found' && from !== 'family_informed')
    return 'an enquiry is closed as found only after the family was informed';
  if (to !== 'closed' && outcome) return 'an outcome is given only when closing';
  return null;
}

const text = (max: number) => z.string().trim().min(1).max(max);

export const EnquirerInput = z.strictObject({
  name: text(300),
  relationship: text(100),
  phone: text(50).nullish(),
  email: z.email().max(300).nullish(),
  address: text(1000).nullish(),
  preferredLanguage: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .nullish(),
});

export const SoughtInput = z
  .strictObject({
    given_name: text(200).nullish(),
    family_name: text(200).nullish(),
    patronymic: text(200).nullish(),
    name_original: text(300).nullish(),
    sex: z.enum(SEX).nullish(),
    date_of_birth: PartialDateSchema.nullish(),
    age: z.number().int().min(0).max(130).nullish(),
    place_of_birth: text(300).nullish(),
    rank: text(100).nullish(),
    unit: text(300).nullish(),
    service_number: text(100).nullish(),
  })
  .refine((s) => Boolean(s.family_name || s.name_original || s.given_name), {
    message: 'the sought person needs at least a name',
    path: ['family_name'],
  });

export const EnquiryInput = z.strictObject({
  enquirer: EnquirerInput,
  consent: z.strictObject({
    tracing: z.literal(true, { message: 'the enquirer must consent to tracing' }),
    shareWithAuthorities: z.boolean().default(false),
    givenOn: isoDay,
  }),
  sought: SoughtInput,
  circumstances: z
    .strictObject({
      lastSeenPlace: text(300).nullish(),
      lastSeenDate: PartialDateSchema.nullish(),
      description: text(5000).nullish(),
    })
    .default({}),
});
export type EnquiryInput = z.infer<typeof EnquiryInput>;

export const EnquiryTransitionInput = z.strictObject({
  to: z.enum(ENQUIRY_STATUSES),
  outcome: z.enum(ENQUIRY_OUTCOMES).nullish(),
  note: z.string().trim().max(5000).nullish(),
  expectedVersion: z.number().int().min(1),
});
export type EnquiryTransitionInput = z.infer<typeof EnquiryTransitionInput>;
