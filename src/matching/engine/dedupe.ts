/** Deduplication of one list: which records are the same person. */
import type { MatchRecord } from '../record/index.js';
import { clusterRecords, exactPairs, type ClusterInput } from '../cluster/index.js';
import { createScorer, weightOf } from '../explain/index.js';
import { batchThreshold, runPipeline, type PipelineOptions, type PipelineRun } from './pipeline.js';
import { scorePairs64 } from './score-pairs.js';
import { PairPool } from './pair-pool.js';

/** Result: a cluster label per input record (dense, 0-based, in order of first appearance). */
export interface DedupeResult {
  readonly clusters: Int32Array;
  readonly clusterCount: number;
  readonly run: PipelineRun;
}

/**
 * Deduplicates records: trains on them (unless `train: false`), scores candidate pairs and
 * clusters them without chaining.
 * @example const { clusters } = await dedupe(records, { threshold: 0.9 });
 */
export async function dedupe(
  records: readonly MatchRecord[],
  opts: PipelineOptions = {},
): Promise<DedupeResult> {
  // Worker threads for the whole run: they load while the records are prepared.
  const pool = PairPool.forRun(records.length, opts.threads);
  try {
    const run = await runPipeline(records, opts, undefined, pool);
    return { ...(await clusterRun(run, opts, pool)), run };
  } finally {
    await pool?.close();
  }
}

async function clusterRun(
  run: PipelineRun,
  opts: PipelineOptions,
  pool: PairPool | null,
): Promise<{ clusters: Int32Array; clusterCount: number }> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const S = run.set;
  const scorer = createScorer(run.model).bind(S, S);
  const threshold = weightOf(opts.threshold ?? batchThreshold(run.model));
  const input: ClusterInput = {
    n: S.n,
    left: run.candidates.left,
    right: run.candidates.right,
    weights: run.weights,
    count: run.candidates.count,
    threshold,
    score: (i, j) => scorer.weight(i, j),
  };
  // The pairs inside components, scored in full, are scored on worker threads first.
  const pairs = exactPairs(input);
  const exact = await scorePairs64(S, run.model, pairs.left, pairs.right, pairs.count, {
    ...(opts.threads !== undefined && { threads: opts.threads }),
    pool,
    minPairs: 100_000,
  });
  const clusters = clusterRecords(input, exact);
  (run.timings as Record<string, number>).clustering = Math.round(performance.now() - t);
  const used = process.cpuUsage(cpu);
  (run.cpuTimings as Record<string, number>).clustering = Math.round((used.user + used.system) / 1000);
  let clusterCount = 0;
  for (const c of clusters) if (c + 1 > clusterCount) clusterCount = c + 1;
  return { clusters, clusterCount };
}
