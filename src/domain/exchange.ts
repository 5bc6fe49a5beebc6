/**
 * Exchange and release lists: persons proposed for exchange or release, each entry verified
 * against the registry. Entries move proposed → verified → agreed → completed, or end refused or
 * withdrawn; completing an entry records the exchange or release in the person's timeline.
 */
import { z } from 'zod';

export const EXCHANGE_KINDS = ['exchange', 'release', 'repatriation'] as const;
export const ENTRY_STATUSES = [
  'proposed',
  'verified',
  'agreed',
  'completed',
  'refused',
  'withdrawn',
] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const ENTRY_TRANSITIONS: Readonly<Record<EntryStatus, readonly EntryStatus[]>> = {
  proposed: ['verified', 'refused', 'withdrawn'],
  verified: ['agreed', 'proposed', 'refused', 'withdrawn'],
  agreed: ['completed', 'refused', 'withdrawn'],
  completed: [],
  refused: ['proposed'],
  withdrawn: ['proposed'],
};

export const ExchangeListInput = z.strictObject({
  name: z.string().trim().min(1).max(300),
  kind: z.enum(EXCHANGE_KINDS),
  counterpart: z.string().trim().min(1).max(300).nullish(),
  notes: z.string().trim().max(5000).nullish(),
});
export type ExchangeListInput = z.infer<typeof ExchangeListInput>;

/** An entry as a list writes it (when it does not name a registry person directly). */
export const SubmittedEntry = z.strictObject({
  full_name: z.string().trim().min(1).max(300).nullish(),
  given_name: z.string().trim().max(200).nullish(),
  family_name: z.string().trim().max(200).nullish(),
  patronymic: z.string().trim().max(200).nullish(),
  date_of_birth: z.string().trim().max(40).nullish(),
  service_number: z.string().trim().max(100).nullish(),
  rank: z.string().trim().max(100).nullish(),
  unit: z.string().trim().max(300).nullish(),
});

/** The most entries one request may add (persons, entries as written, and a source's persons together). */
export const MAX_ENTRIES_PER_ADD = 5000;

export const AddEntriesInput = z.strictObject({
  personIds: z.array(z.uuid()).max(MAX_ENTRIES_PER_ADD).default([]),
  submitted: z.array(SubmittedEntry).max(MAX_ENTRIES_PER_ADD).default([]),
  /** An imported list (a source): every registry person it cites is added. */
  sourceId: z.uuid().nullish(),
});

/** What verification found about an entry; `field` names the conflicting field for `conflict`. */
export const VERIFICATION_FINDINGS = [
  'conflict',
  'already_released',
  'reported_dead',
  'not_in_custody',
  'identity_uncertain',
  'not_found',
] as const;
export type VerificationFindingCode = (typeof VERIFICATION_FINDINGS)[number];
export interface VerificationFinding {
  readonly code: VerificationFindingCode;
  readonly field?: string;
}

/** A finding as an English sentence (for logs, the CLI and clients without their own wording). */
export function findingText(f: VerificationFinding): string {
  switch (f.code) {
    case 'conflict':
      return `conflicting ${f.field ?? 'values'}`;
    case 'already_released':
      return 'already released according to the registry';
    case 'reported_dead':
      return 'reported dead';
    case 'not_in_custody':
      return 'not known to be in custody';
    case 'identity_uncertain':
      return 'identity uncertain: choose among the candidates';
    case 'not_found':
      return 'not found in the registry';
  }
}

export const EntryTransitionInput = z.strictObject({
  to: z.enum(ENTRY_STATUSES),
  note: z.string().trim().max(2000).nullish(),
  /** For completion: the date it happened (default: today). */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullish(),
  /** For an unlinked entry: the registry person it turned out to be. */
  personId: z.uuid().nullish(),
  expectedVersion: z.number().int().min(1),
});
