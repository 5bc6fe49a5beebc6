/** Linkage of two lists: which record of the left list is which of the right. */
import type { MatchRecord } from '../record/index.js';
import { oneToOne } from '../cluster/index.js';
import { probabilityOf, weightOf } from '../explain/index.js';
import { batchThreshold, runPipeline, type PipelineOptions, type PipelineRun } from './pipeline.js';
import { PairPool } from './pair-pool.js';

/** One linked pair: indexes into the left and right inputs and the match probability. */
export interface Link {
  readonly left: number;
  readonly right: number;
  readonly probability: number;
  readonly weight: number;
}

/** Options of linkage: `many` keeps every pair above the threshold instead of one-to-one. */
export interface LinkOptions extends PipelineOptions {
  readonly many?: boolean;
}

/** Result: links ordered by left index, then by falling probability. */
export interface LinkResult {
  readonly links: readonly Link[];
  readonly run: PipelineRun;
}

/** Links two lists of records. */
export async function link(
  left: readonly MatchRecord[],
  right: readonly MatchRecord[],
  opts: LinkOptions = {},
): Promise<LinkResult> {
  const origin = new Uint8Array(left.length + right.length);
  origin.fill(1, left.length);
  const pool = PairPool.forRun(left.length + right.length, opts.threads);
  let run: PipelineRun;
  try {
    run = await runPipeline([...left, ...right], opts, origin, pool);
  } finally {
    await pool?.close();
  }
  const threshold = weightOf(opts.threshold ?? batchThreshold(run.model));
  const { left: l, right: r, count } = run.candidates;
  const above: number[] = [];
  for (let k = 0; k < count; k++) if (run.weights[k]! >= threshold) above.push(k);
  const kept = opts.many ? above : oneToOne(l, r, run.weights, above);
  const links = kept
    .map((k) => ({
      left: l[k]!,
      right: r[k]! - left.length,
      weight: run.weights[k]!,
      probability: probabilityOf(run.weights[k]!),
    }))
    .sort((a, b) => a.left - b.left || b.weight - a.weight);
  return { links, run };
}
