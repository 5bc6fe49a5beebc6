/**
 * The registry's matching models: every trained version is stored (`match_models`), one is active,
 * and the app scores, keys and records decisions with the active one. Training uses officers'
 * decisions (m refined from accepted pairs) or EM on a sample of the registry.
 */
import { z } from 'zod';
import {
  candidatePairs,
  defaultModel,
  parseModel,
  prepare,
  serialiseModel,
  trainFromDecisions,
  trainUnsupervised,
  type MatchModel,
  type MatchRecord,
} from '../matching/index.js';
import { asId, DomainError, type Actor, type PersonId } from '../domain/index.js';
import type { Executor } from '../db/repositories/person-repository.js';
import { authorize } from './authz.js';
import { inUnit, type AppContext } from './context.js';
import { reindexPersons } from './indexing.js';
import { createRegistryMatcher, liveClaimsOf, matchRecordsOf } from './registry-matching.js';
import {
  crossValidated,
  labelledPairsFromDecisions,
  metricsOf,
  pairProbabilities,
  rescoreOpenCandidates,
} from './model-training.js';

/** How a stored model came about. */
export type ModelOrigin = 'default' | 'em' | 'decisions';

/** A stored model without its document. */
export interface ModelSummary {
  readonly version: string;
  readonly how: ModelOrigin;
  readonly createdAt: string | null;
  readonly createdBy: string | null;
  readonly active: boolean;
  readonly metrics: Record<string, unknown>;
}

/** Persons re-keyed per transaction when an activation changes the blocking rules. */
const REINDEX_BATCH = 1000;

type ModelRow = {
  version: string;
  how: string;
  created_at: string;
  created_by: string;
  active: number;
  metrics: string;
};

function summary(row: ModelRow, activeVersion: string): ModelSummary {
  return {
    version: row.version,
    how: row.how as ModelOrigin,
    createdAt: row.created_at,
    createdBy: row.created_by,
    active: row.version === activeVersion,
    metrics: JSON.parse(row.metrics) as Record<string, unknown>,
  };
}

/** The shipped model as an unsaved entry, so that it can always be listed and re-activated. */
function shippedSummary(activeVersion: string): ModelSummary {
  const version = defaultModel().version;
  return {
    version,
    how: 'default',
    createdAt: null,
    createdBy: null,
    active: version === activeVersion,
    metrics: {},
  };
}

/** Every model the registry knows, newest first, the shipped default last; `active` marks the one in use. */
export async function listModels(ctx: AppContext, actor: Actor): Promise<{ items: ModelSummary[] }> {
  authorize(actor, 'match.search');
  const rows = await ctx.database.db
    .selectFrom('match_models')
    .select(['version', 'how', 'created_at', 'created_by', 'active', 'metrics'])
    .orderBy('created_at', 'desc')
    .orderBy('version')
    .execute();
  const active = ctx.matcher.model.version;
  const items = rows.map((r) => summary(r, active));
  if (!items.some((i) => i.version === defaultModel().version)) items.push(shippedSummary(active));
  return { items };
}

async function findModel(
  db: Executor,
  version: string,
): Promise<{ model: MatchModel; row: ModelRow | null }> {
  const row = await db
    .selectFrom('match_models')
    .selectAll()
    .where('version', '=', version)
    .executeTakeFirst();
  if (row) return { model: parseModel(JSON.parse(row.json)), row };
  if (version === defaultModel().version) return { model: defaultModel(), row: null };
  throw new DomainError('NOT_FOUND', `no matching model ${version}`, { details: { version } });
}

/** One model: its summary and the whole document. */
export async function getModel(
  ctx: AppContext,
  actor: Actor,
  version: string,
): Promise<ModelSummary & { model: MatchModel }> {
  authorize(actor, 'match.search');
  const { model, row } = await findModel(ctx.database.db, version);
  const active = ctx.matcher.model.version;
  return { ...(row ? summary(row, active) : shippedSummary(active)), model };
}

const TrainInput = z.object({
  from: z.enum(['decisions', 'em']),
  sample: z.number().int().min(2).max(1_000_000).optional(),
  seed: z.number().int().optional(),
});

function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success)
    throw new DomainError('VALIDATION_FAILED', 'invalid training request', {
      issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  return r.data;
}

/**
 * Trains a new version from the active model and stores it (not active until activated). From
 * decisions: m refined from accepted pairs; metrics compare the active and new models on every
 * accepted or rejected pair (the new one cross-validated). From EM: m, u and the prior re-estimated
 * on a sample of registry persons. Training the same parameters twice returns the stored version.
 */
export async function trainModelFromRegistry(
  ctx: AppContext,
  actor: Actor,
  input: unknown,
): Promise<ModelSummary> {
  authorize(actor, 'match.decide');
  const opts = parseInput(TrainInput, input);
  const base = ctx.matcher.model;
  const pairs = await labelledPairsFromDecisions(ctx.database.db);
  const { model, metrics } =
    opts.from === 'decisions' ? fromDecisions(base, pairs) : await fromEm(ctx, base, pairs, opts);
  return inUnit(ctx, async (u) => {
    const existing = await u.trx
      .selectFrom('match_models')
      .select(['version', 'how', 'created_at', 'created_by', 'active', 'metrics'])
      .where('version', '=', model.version)
      .executeTakeFirst();
    if (existing) return summary(existing, base.version);
    const row = {
      version: model.version,
      json: serialiseModel(model),
      created_at: u.now,
      created_by: actor.userId,
      how: opts.from,
      metrics: JSON.stringify(metrics),
      active: 0,
    };
    await u.trx.insertInto('match_models').values(row).execute();
    u.audit(actor, 'model.train', 'match_model', model.version, { from: opts.from, base: base.version });
    return summary(row, base.version);
  });
}

function fromDecisions(
  base: MatchModel,
  pairs: Awaited<ReturnType<typeof labelledPairsFromDecisions>>,
): { model: MatchModel; metrics: Record<string, unknown> } {
  const accepted = pairs.filter((p) => p.match).length;
  if (accepted === 0)
    throw new DomainError('STATE_INVALID', 'no accepted match decisions to train from', {
      details: { reason: 'NO_DECISIONS', accepted, rejected: pairs.length - accepted },
    });
  const threshold = base.thresholds.match;
  const model = trainFromDecisions(base, pairs);
  return {
    model,
    metrics: {
      base: base.version,
      pairs: pairs.length,
      accepted,
      rejected: pairs.length - accepted,
      threshold,
      old: metricsOf(pairProbabilities(base, pairs), pairs, threshold),
      new: crossValidated(base, pairs, threshold),
      evaluation: `${Math.min(5, pairs.length)}-fold cross-validation`,
    },
  };
}

async function fromEm(
  ctx: AppContext,
  base: MatchModel,
  pairs: Awaited<ReturnType<typeof labelledPairsFromDecisions>>,
  opts: { sample?: number | undefined; seed?: number | undefined },
): Promise<{ model: MatchModel; metrics: Record<string, unknown> }> {
  const records = await samplePersons(ctx.database.db, opts.sample ?? 20_000);
  if (records.length < 2)
    throw new DomainError('STATE_INVALID', 'the registry holds too few persons to train on', {
      details: { reason: 'TOO_FEW_PERSONS', persons: records.length },
    });
  const S = prepare(records);
  const candidates = candidatePairs(S, base);
  const { model, report } = trainUnsupervised(S, base, candidates, { seed: opts.seed ?? 42 });
  const threshold = base.thresholds.match;
  return {
    model,
    metrics: {
      base: base.version,
      persons: records.length,
      candidatePairs: candidates.count,
      expectedMatches: report.expectedMatches,
      prior: report.prior,
      pairs: pairs.length,
      threshold,
      // EM sees no labels, so the officers' decisions are an honest holdout for both models.
      old: metricsOf(pairProbabilities(base, pairs), pairs, threshold),
      new: metricsOf(pairProbabilities(model, pairs), pairs, threshold),
      evaluation: 'decisions as holdout',
    },
  };
}

/** Up to `n` persons spread evenly over the registry (merged records excluded), as match records. */
async function samplePersons(db: Executor, n: number): Promise<MatchRecord[]> {
  const ids = (
    await db.selectFrom('persons').select('id').where('merged_into', 'is', null).orderBy('id').execute()
  ).map((r) => r.id);
  const step = Math.max(1, ids.length / n);
  const chosen: string[] = [];
  for (let i = 0; i < ids.length && chosen.length < n; i += step) chosen.push(ids[Math.floor(i)]!);
  const claims = await liveClaimsOf(db, chosen);
  const out: MatchRecord[] = [];
  for (const [id, c] of claims) out.push(matchRecordsOf(id, c)[0]!);
  return out;
}

/** Progress of an activation that re-keys the registry. */
export type ActivationProgress = (done: number, total: number) => void;

/**
 * Makes a model the active one: stored as active (at most one), then used by every later call.
 * When its blocking rules differ from the previous model's, every person is re-keyed in batches,
 * after the swap, so that writes made meanwhile are keyed by the new rules too. Open review and
 * enquiry candidates are then re-scored, so later decisions record this model and its explanation.
 */
export async function activateModel(
  ctx: AppContext,
  actor: Actor,
  version: string,
  onProgress?: ActivationProgress,
): Promise<{ version: string; previous: string; reindexed: number; rescored: number }> {
  authorize(actor, 'user.manage');
  const { model, row } = await findModel(ctx.database.db, version);
  await inUnit(ctx, async (u) => {
    await u.trx.updateTable('match_models').set({ active: 0 }).where('active', '=', 1).execute();
    if (row)
      await u.trx.updateTable('match_models').set({ active: 1 }).where('version', '=', version).execute();
    else
      await u.trx
        .insertInto('match_models')
        .values({
          version,
          json: serialiseModel(model),
          created_at: u.now,
          created_by: actor.userId,
          how: 'default',
          metrics: '{}',
          active: 1,
        })
        .execute();
    u.audit(actor, 'model.activate', 'match_model', version, { previous: ctx.matcher.model.version });
  });
  const matcher = createRegistryMatcher(model);
  const previous = ctx.matchers.swap(matcher).model;
  const reindexed = sameBlocking(previous, model) ? 0 : await reindexAll(ctx, onProgress);
  const rescored = await ctx.database.db
    .transaction()
    .execute((trx) => rescoreOpenCandidates(trx, matcher, ctx.clock.now().toISOString()));
  return { version, previous: previous.version, reindexed, rescored };
}

/**
 * Use case: re-derive every unmerged person's blocking keys and match records from its claims with
 * the active model. After an upgrade that changes how keys are computed (name keys, new key kinds),
 * or to fill the match records of a registry older than them. Returns the number of persons.
 */
export async function rekeyRegistry(
  ctx: AppContext,
  actor: Actor,
  onProgress?: ActivationProgress,
): Promise<{ reindexed: number }> {
  authorize(actor, 'user.manage');
  const reindexed = await reindexAll(ctx, onProgress);
  await inUnit(ctx, async (u) => {
    u.audit(actor, 'registry.rekey', 'match_model', ctx.matcher.model.version, { persons: reindexed });
  });
  return { reindexed };
}

function sameBlocking(a: MatchModel, b: MatchModel): boolean {
  return JSON.stringify(a.blocking) === JSON.stringify(b.blocking);
}

/** Re-keys every unmerged person with the current keyer, one transaction per batch. */
async function reindexAll(ctx: AppContext, onProgress?: ActivationProgress): Promise<number> {
  const ids = (
    await ctx.database.db
      .selectFrom('persons')
      .select('id')
      .where('merged_into', 'is', null)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
  for (let i = 0; i < ids.length; i += REINDEX_BATCH) {
    const batch = ids.slice(i, i + REINDEX_BATCH);
    await ctx.database.db.transaction().execute(async (trx) => {
      await reindexPersons(
        trx,
        ctx.keyer,
        batch.map((id) => asId<PersonId>(id)),
      );
    });
    onProgress?.(Math.min(ids.length, i + REINDEX_BATCH), ids.length);
  }
  return ids.length;
}

/**
 * Loads the active model stored in the database into the app (at start, or to pick up an
 * activation made by another server sharing the database). Returns its version, or null when the
 * registry has none stored and keeps the shipped default.
 */
export async function loadActiveModel(ctx: AppContext): Promise<string | null> {
  const row = await ctx.database.db
    .selectFrom('match_models')
    .select(['version', 'json'])
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!row) return null;
  if (row.version !== ctx.matcher.model.version)
    ctx.matchers.swap(createRegistryMatcher(parseModel(JSON.parse(row.json))));
  return row.version;
}
