/** Request and response schemas of the matching-model routes. */
import { z } from 'zod';

/** A stored model without its document. */
export const ModelSummaryOut = z.object({
  version: z.string(),
  how: z.enum(['default', 'em', 'decisions']),
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  active: z.boolean(),
  metrics: z.record(z.string(), z.unknown()),
});

/** Every model the registry knows. */
export const ModelListOut = z.object({ items: z.array(ModelSummaryOut) });

/** One model with its document. */
export const ModelOut = ModelSummaryOut.extend({ model: z.record(z.string(), z.unknown()) });

/** What to train from. */
export const TrainBody = z.strictObject({
  from: z.enum(['decisions', 'em']),
  sample: z.number().int().min(2).max(1_000_000).optional(),
  seed: z.number().int().optional(),
});

/** A model version in the path. */
export const VersionParams = z.strictObject({ version: z.string().min(1).max(200) });

/** The outcome of an activation. */
export const ActivationOut = z.object({
  version: z.string(),
  previous: z.string(),
  reindexed: z.number().int(),
  rescored: z.number().int(),
});
