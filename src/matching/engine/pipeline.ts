/**
 * Shared steps of batch deduplication and linkage: prepare, restrict the model to the fields the
 * data has, block, train unsupervised, score.
 */
import { prepareInParallel, type FieldType, type MatchRecord, type PreparedSet } from '../record/index.js';
import {
  defaultModel,
  fitOnLevels,
  modelForFields,
  randomTrainingPairs,
  settleTraining,
  trainingPairs,
  type MatchModel,
  type TrainingReport,
} from '../model/index.js';
import {
  candidatePairs,
  candidatePairsWith,
  type BlockingReport,
  type CandidatePairs,
} from '../blocking/index.js';
import { weightOf } from '../explain/index.js';
import { pairLevels, scorePairs, scorePairs64 } from './score-pairs.js';
import type { PairPool } from './pair-pool.js';

/** Progress callback: a stage name, work done and total. */
export type Progress = (stage: string, done: number, total: number) => void;

/** Options shared by dedupe and link. */
export interface PipelineOptions {
  /** Starting model (default: the shipped model). */
  readonly model?: MatchModel;
  /** Train on the data itself by EM (default true). */
  readonly train?: boolean;
  /** Match probability threshold (default: the model's `thresholds.batch`, else `thresholds.match`). */
  readonly threshold?: number;
  readonly threads?: number;
  readonly seed?: number;
  readonly onProgress?: Progress;
}

/** The default threshold of batch deduplication and linkage. */
export function batchThreshold(model: MatchModel): number {
  return model.thresholds.batch ?? model.thresholds.match;
}

/** Everything a run produced, for reports and evaluation. */
export interface PipelineRun {
  readonly set: PreparedSet;
  readonly model: MatchModel;
  readonly candidates: CandidatePairs;
  /**
   * Match weight of each candidate pair, exact at or above the run's threshold; a pair below it has
   * some weight below it (scoring stops once a pair cannot reach the threshold).
   */
  readonly weights: Float32Array;
  readonly blocking: BlockingReport;
  readonly training: TrainingReport | null;
  /** Wall time per stage, in milliseconds. */
  readonly timings: Readonly<Record<string, number>>;
  /** Process CPU time per stage (all threads), in milliseconds: the fair figure on a shared machine. */
  readonly cpuTimings: Readonly<Record<string, number>>;
}

function presentFields(records: readonly MatchRecord[]): Set<FieldType> {
  const out = new Set<FieldType>();
  for (const r of records)
    for (const [k, v] of Object.entries(r.fields)) if (v !== undefined && v !== '') out.add(k as FieldType);
  return out;
}

/**
 * Runs prepare → block → train → score. `origin` (0/1 per record) makes it a linkage. `pool`: the
 * run's worker threads (see PairPool), given the prepared set here; the caller closes it.
 */
export async function runPipeline(
  records: readonly MatchRecord[],
  opts: PipelineOptions,
  origin?: Uint8Array,
  pool: PairPool | null = null,
): Promise<PipelineRun> {
  const timings: Record<string, number> = {};
  const cpuTimings: Record<string, number> = {};
  let cpu = process.cpuUsage();
  let t = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    const used = process.cpuUsage(cpu);
    cpuTimings[name] = Math.round((used.user + used.system) / 1000);
    cpu = process.cpuUsage();
    t = now;
  };
  const progress = opts.onProgress;
  const set = await prepareInParallel(records, {
    ...(opts.threads !== undefined && { threads: opts.threads }),
    ...(progress && { onProgress: (d: number, n: number) => progress('prepare', d, n) }),
  });
  pool?.load(set);
  lap('prepare');
  let model = modelForFields(opts.model ?? defaultModel(), presentFields(records));
  const threads = { ...(opts.threads !== undefined && { threads: opts.threads }), pool };
  const train = opts.train !== false && set.n > 1;
  const trainingOpts = { ...(origin && { origin }), seed: opts.seed ?? 42 };
  // The random pairs of training need no candidates: their levels are computed on a worker thread
  // while this one blocks (training used to wait for blocking, with a core idle).
  const random = train ? randomTrainingPairs(set, trainingOpts) : null;
  const randomLevels = random
    ? pairLevels(set, model, random.left, random.right, random.count, {
        ...threads,
        minPairs: 100_000,
        background: true,
      })
    : Promise.resolve(new Uint8Array(0));
  // Not left unhandled while blocking runs; awaited below.
  randomLevels.catch(() => undefined);
  // With a pool, each rule's later blocks are paired on a worker while this thread pairs the first.
  const blockingOpts = { ...(origin && { origin }) };
  const candidates = pool
    ? await candidatePairsWith(set, model, blockingOpts, (job) => pool.runBlocks(job))
    : candidatePairs(set, model, blockingOpts);
  lap('blocking');
  progress?.('blocking', candidates.count, candidates.count);
  let training: TrainingReport | null = null;
  if (random) {
    // As trainUnsupervised, with the levels and weights of the training pairs computed on worker threads.
    const pairs = trainingPairs(set, candidates, trainingOpts, random);
    const width = model.comparisons.length;
    const sampled = await pairLevels(
      set,
      model,
      pairs.left.subarray(random.count),
      pairs.right.subarray(random.count),
      pairs.count - random.count,
      { ...threads, minPairs: 100_000 },
    );
    const rows = new Uint8Array(pairs.count * width);
    rows.set(await randomLevels);
    rows.set(sampled, random.count * width);
    const fit = fitOnLevels(set, model, candidates, pairs, rows, trainingOpts);
    const weights = await scorePairs64(set, fit.model, fit.a, fit.b, fit.a.length, {
      ...threads,
      minPairs: 100_000,
    });
    const trained = settleTraining(model, fit, weights);
    model = trained.model;
    training = trained.report;
    lap('training');
    progress?.('training', 1, 1);
  }
  // Dedupe and link only use the weights of pairs at or above the threshold they link at.
  const floor = weightOf(opts.threshold ?? batchThreshold(model));
  const weights = await scorePairs(set, model, candidates.left, candidates.right, candidates.count, {
    floor,
    ...threads,
    ...(progress && { onProgress: (d: number, n: number) => progress('scoring', d, n) }),
  });
  lap('scoring');
  return { set, model, candidates, weights, blocking: candidates.report, training, timings, cpuTimings };
}
