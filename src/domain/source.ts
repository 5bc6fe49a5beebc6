/** Sources: where information came from, with a reliability grade (A–F, as in the Admiralty code). */
import { z } from 'zod';
import type { SourceId } from './ids.js';

export const SOURCE_KINDS = ['list', 'capture_card', 'enquiry', 'report', 'officer', 'interchange'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A completely reliable … F reliability cannot be judged. */
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY)[number];

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'date does not exist',
  );

export const SourceInput = z.strictObject({
  kind: z.enum(SOURCE_KINDS),
  title: z.string().trim().min(1).max(300),
  publisher: z.string().trim().max(300).nullish(),
  published: isoDay.nullish(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'expected a language tag such as uk, ru or en')
    .nullish(),
  reliability: z.enum(RELIABILITY).default('F'),
  url: z.url().max(2000).nullish(),
  notes: z.string().max(5000).nullish(),
});
export type SourceInput = z.infer<typeof SourceInput>;

export const SourcePatch = SourceInput.partial();
export type SourcePatch = z.infer<typeof SourcePatch>;

export interface Source {
  readonly id: SourceId;
  readonly kind: SourceKind;
  readonly title: string;
  readonly publisher: string | null;
  readonly published: string | null;
  readonly language: string | null;
  readonly reliability: Reliability;
  readonly url: string | null;
  readonly notes: string | null;
  readonly createdAt: string;
  readonly version: number;
}

export { isoDay };
