/**
 * Scores candidate pairs, in worker threads when there are enough of them to pay for starting
 * the workers (each receives a copy of the string table; everything else is shared memory).
 * The same machinery gives match weights in single or double precision, or comparison levels.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { PreparedSet } from '../record/index.js';
import type { MatchModel } from '../model/index.js';
import { createScorer } from '../explain/index.js';
import type { PairPool } from './pair-pool.js';

/** Below this many pairs the main thread scores alone. */
const WORKER_THRESHOLD = 400_000;

/** Options for scoring. `threads` defaults to the machine's parallelism. */
export interface ScoreOptions {
  readonly threads?: number;
  /** Fewest pairs worth starting workers for (default 400,000). */
  readonly minPairs?: number;
  /**
   * Weights only matter at or above this many bits (the threshold a run links at): below it a
   * pair gets some weight under the floor, found without finishing its comparisons.
   */
  readonly floor?: number;
  /**
   * The calling thread has other work meanwhile: the pairs go to `threads - 1` workers (none, and
   * so the calling thread, when `threads` is 1), and the promise settles when they are done.
   */
  readonly background?: boolean;
  /** Workers kept for the run, holding this set already: used instead of starting workers. */
  readonly pool?: PairPool | null;
  readonly onProgress?: (done: number, total: number) => void;
}

/** What a job computes per pair: its weight (single or double precision) or its level per comparison. */
export type PairJobKind = 'weights' | 'weights64' | 'levels';

/** A job as a worker receives it: pairs [from, to) of left/right, results into `out`. */
export interface PairJob {
  readonly kind: PairJobKind;
  readonly set: PreparedSet;
  readonly model: MatchModel;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly out: Float32Array | Float64Array | Uint8Array;
  readonly from: number;
  readonly to: number;
  /** For weights: see ScoreOptions.floor. */
  readonly floor?: number;
}

/** Runs pairs [from, to) of a job on the calling thread; `onStep` after every `step` pairs. */
export function runPairJob(job: PairJob, step = 1 << 18, onStep?: (done: number) => void): void {
  const scorer = createScorer(job.model);
  const bound = scorer.bind(job.set, job.set);
  const { left, right, out } = job;
  const width = scorer.comparisons.length;
  for (let start = job.from; start < job.to; start += step) {
    const end = Math.min(job.to, start + step);
    if (job.kind === 'levels') {
      const rows = out as Uint8Array;
      for (let k = start; k < end; k++) bound.levels(left[k]!, right[k]!, rows, k * width);
    } else if (job.floor !== undefined) {
      const floor = job.floor;
      for (let k = start; k < end; k++) out[k] = bound.weightAbove(left[k]!, right[k]!, floor);
    } else for (let k = start; k < end; k++) out[k] = bound.weight(left[k]!, right[k]!);
    onStep?.(end - start);
  }
}

async function runPairs(
  kind: PairJobKind,
  S: PreparedSet,
  model: MatchModel,
  left: Int32Array,
  right: Int32Array,
  count: number,
  out: Float32Array | Float64Array | Uint8Array,
  opts: ScoreOptions,
): Promise<void> {
  const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), 8));
  let done = 0;
  const progress = (d: number): void => {
    done += d;
    opts.onProgress?.(done, count);
  };
  const workers = opts.background ? threads - 1 : threads;
  if (count < (opts.minPairs ?? WORKER_THRESHOLD) || workers < (opts.background ? 1 : 2)) {
    const floor = opts.floor;
    runPairJob(
      { kind, set: S, model, left, right, out, from: 0, to: count, ...(floor !== undefined && { floor }) },
      1 << 18,
      progress,
    );
    return;
  }
  const floor = opts.floor !== undefined ? { floor: opts.floor } : {};
  if (opts.pool) {
    await opts.pool.run({ kind, model, left, right, out, from: 0, to: count, ...floor }, workers, progress);
    return;
  }
  const set: PreparedSet = { ...S, ids: [] };
  const chunk = Math.ceil(count / workers);
  await Promise.all(
    Array.from({ length: workers }, (_, t) => {
      const job: PairJob = {
        kind,
        set,
        model,
        left,
        right,
        out,
        from: t * chunk,
        to: Math.min(count, (t + 1) * chunk),
        ...(opts.floor !== undefined && { floor: opts.floor }),
      };
      return new Promise<void>((resolve, reject) => {
        const w = new Worker(new URL('./workers/score-worker.js', import.meta.url), { workerData: job });
        w.on('message', (msg: { done?: number; finished?: boolean }) => {
          if (msg.done) progress(msg.done);
          if (msg.finished) resolve();
        });
        w.on('error', reject);
        w.on('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`scoring worker stopped with code ${code}`)),
        );
      });
    }),
  );
}

/**
 * Match weight of every pair (left[k], right[k]), as Float32Array on shared memory; with
 * `opts.floor`, exact only for the pairs at or above it.
 */
export async function scorePairs(
  S: PreparedSet,
  model: MatchModel,
  left: Int32Array,
  right: Int32Array,
  count: number,
  opts: ScoreOptions = {},
): Promise<Float32Array> {
  const out = new Float32Array(new SharedArrayBuffer(Math.max(1, count) * 4));
  await runPairs('weights', S, model, left, right, count, out, opts);
  return out.subarray(0, count);
}

/** Match weights in double precision, exactly as `createScorer(model).weight` gives them. */
export async function scorePairs64(
  S: PreparedSet,
  model: MatchModel,
  left: Int32Array,
  right: Int32Array,
  count: number,
  opts: ScoreOptions = {},
): Promise<Float64Array> {
  const out = new Float64Array(new SharedArrayBuffer(Math.max(1, count) * 8));
  await runPairs('weights64', S, model, left, right, count, out, opts);
  return out.subarray(0, count);
}

/** Each pair's level per comparison of the model, row-major (one row of comparisons per pair). */
export async function pairLevels(
  S: PreparedSet,
  model: MatchModel,
  left: Int32Array,
  right: Int32Array,
  count: number,
  opts: ScoreOptions = {},
): Promise<Uint8Array> {
  const width = model.comparisons.length;
  const out = new Uint8Array(new SharedArrayBuffer(Math.max(1, count * width)));
  await runPairs('levels', S, model, left, right, count, out, opts);
  return out.subarray(0, count * width);
}
