/**
 * Scores candidate pairs, in worker threads when there are enough of them to pay for starting
 * the workers (each receives a copy of the string table; everything else is shared memory).
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { PreparedSet } from '../record/index.js';
import type { MatchModel } from '../model/index.js';
import { createScorer } from '../explain/index.js';

/** Below this many pairs the main thread scores alone. */
const WORKER_THRESHOLD = 400_000;

/** Options for scoring. `threads` defaults to the machine's parallelism. */
export interface ScoreOptions {
  readonly threads?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Match weight of every pair (left[k], right[k]), as Float32Array on shared memory. */
export async function scorePairs(
  S: PreparedSet,
  model: MatchModel,
  left: Int32Array,
  right: Int32Array,
  count: number,
  opts: ScoreOptions = {},
): Promise<Float32Array> {
  const out = new Float32Array(new SharedArrayBuffer(Math.max(1, count) * 4));
  const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), 8));
  if (count < WORKER_THRESHOLD || threads === 1) {
    const scorer = createScorer(model).bind(S, S);
    for (let k = 0; k < count; k++) {
      out[k] = scorer.weight(left[k]!, right[k]!);
      if (opts.onProgress && (k & 0x3ffff) === 0x3ffff) opts.onProgress(k + 1, count);
    }
    return out.subarray(0, count);
  }
  const set: PreparedSet = { ...S, ids: [] };
  let done = 0;
  const chunk = Math.ceil(count / threads);
  await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const from = t * chunk;
      const to = Math.min(count, from + chunk);
      return new Promise<void>((resolve, reject) => {
        const w = new Worker(new URL('./workers/score-worker.js', import.meta.url), {
          workerData: { set, model, left, right, out, from, to },
        });
        w.on('message', (msg: { done?: number; finished?: boolean }) => {
          if (msg.done) {
            done += msg.done;
            opts.onProgress?.(done, count);
          }
          if (msg.finished) resolve();
        });
        w.on('error', reject);
        w.on('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`scoring worker stopped with code ${code}`)),
        );
      });
    }),
  );
  return out.subarray(0, count);
}
