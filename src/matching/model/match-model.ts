/**
 * The model is data: a versioned JSON document holding the comparisons, the blocking rules, the m
 * and u probabilities of every level, the prior and the thresholds. Every decision stores the model
 * version that explains it.
 */
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { FIELD_TYPES, type FieldType } from '../record/index.js';
import type { ComparisonSpec } from '../comparisons/index.js';
import defaultModelJson from './default-model.json' with { type: 'json' };

/** A blocking rule: records sharing every key part are compared. Parts: `feature`, `feature:N`, `list[0]`. */
export interface BlockingRuleSpec {
  readonly name: string;
  readonly keys: readonly string[];
  /**
   * Blocks larger than this are skipped for this rule (default: the model's). Loose rules get a small
   * limit: they then reach the few records a strict rule misses in small data without flooding
   * large data with pairs.
   */
  readonly maxBlockSize?: number;
}

/** Blocking: the rules, the largest block compared at all, and the window for large blocks. */
export interface BlockingSpec {
  readonly rules: readonly BlockingRuleSpec[];
  readonly maxBlockSize: number;
  /**
   * Sorted neighbourhood inside large blocks: a block with more than `window + 1` members is
   * sorted by family name, given name and birth date, and each member is compared with the next
   * `window` members only, so that pairs grow with the number of records, not with its square;
   * members without a birth date (no place in that order) are still compared with the whole block.
   * Absent: every pair of a block is compared.
   */
  readonly window?: number;
}

/** m and u per level (index 0 is the first level after "missing"), the prior and the TF weight. */
export interface ModelParameters {
  /** Probability that two random records are the same person. */
  readonly prior: number;
  /** 0 turns term-frequency adjustment off, 1 applies it in full. */
  readonly tfWeight: number;
  readonly m: Readonly<Record<string, readonly number[]>>;
  readonly u: Readonly<Record<string, readonly number[]>>;
}

/** The whole model. */
export interface MatchModel {
  readonly version: string;
  readonly fields: readonly FieldType[];
  readonly comparisons: readonly ComparisonSpec[];
  readonly blocking: BlockingSpec;
  readonly parameters: ModelParameters;
  /**
   * `match`: probability above which the registry links a record to a person on its own; `review`:
   * above which a pair is shown to an officer; `batch`: the default of batch deduplication and
   * linkage, where no officer sees the pairs between the two (falls back to `match`).
   */
  readonly thresholds: { readonly match: number; readonly review: number; readonly batch?: number };
}

const probabilities = z.array(z.number().min(0).max(1));
const modelSchema = z.object({
  version: z.string().min(1),
  fields: z.array(z.enum(FIELD_TYPES)),
  comparisons: z.array(
    z.object({
      name: z.string().min(1),
      fields: z.array(z.enum(FIELD_TYPES)),
      missing: z.string().min(1),
      levels: z.array(z.looseObject({ label: z.string(), test: z.string() })).min(1),
    }),
  ),
  blocking: z.object({
    rules: z.array(
      z.object({
        name: z.string().min(1),
        keys: z.array(z.string().min(1)).min(1),
        maxBlockSize: z.number().int().positive().optional(),
      }),
    ),
    maxBlockSize: z.number().int().positive(),
    window: z.number().int().positive().optional(),
  }),
  parameters: z.object({
    prior: z.number().gt(0).lt(1),
    tfWeight: z.number().min(0).max(1),
    m: z.record(z.string(), probabilities),
    u: z.record(z.string(), probabilities),
  }),
  thresholds: z.object({
    match: z.number().min(0).max(1),
    review: z.number().min(0).max(1),
    batch: z.number().gt(0).lt(1).optional(),
  }),
});

/** Reads and checks a model document; throws VALIDATION_FAILED naming each problem. */
export function parseModel(json: unknown): MatchModel {
  const r = modelSchema.safeParse(json);
  if (!r.success)
    throw new DomainError('VALIDATION_FAILED', 'the matching model is not valid', {
      issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  const model = r.data as unknown as MatchModel;
  const issues = [];
  for (const c of model.comparisons) {
    const m = model.parameters.m[c.name];
    const u = model.parameters.u[c.name];
    if (!m || !u || m.length !== c.levels.length || u.length !== c.levels.length)
      issues.push({
        path: `parameters.${c.name}`,
        message: `needs m and u for each of ${c.levels.length} levels`,
      });
  }
  if (issues.length > 0)
    throw new DomainError('VALIDATION_FAILED', 'the matching model is not valid', { issues });
  return model;
}

// Parsed once: the registry computes blocking keys on every write with the shipped model.
let shipped: MatchModel | undefined;

/** The shipped model: sensible m and u for every field type, usable with no training. Read-only. */
export function defaultModel(): MatchModel {
  shipped ??= parseModel(structuredClone(defaultModelJson));
  return shipped;
}

/** The model as a JSON string (stable key order, as stored with decisions). */
export function serialiseModel(model: MatchModel): string {
  return JSON.stringify(model, null, 1);
}

/** The model restricted to comparisons whose fields are present in the data. */
export function modelForFields(model: MatchModel, present: ReadonlySet<FieldType>): MatchModel {
  return {
    ...model,
    fields: model.fields.filter((f) => present.has(f)),
    comparisons: model.comparisons.filter((c) => c.fields.some((f) => present.has(f))),
  };
}
