/**
 * Worker thread that scores a range of candidate pairs. The prepared set's columns and the pair
 * arrays arrive on SharedArrayBuffers (no copy); weights are written straight into a shared output.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createScorer } from '../../explain/index.js';
import type { PreparedSet } from '../../record/index.js';
import type { MatchModel } from '../../model/index.js';

interface Job {
  readonly set: PreparedSet;
  readonly model: MatchModel;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly out: Float32Array;
  readonly from: number;
  readonly to: number;
}

const job = workerData as Job;
const S = job.set;
const scorer = createScorer(job.model).bind(S, S);
const step = 250_000;
for (let start = job.from; start < job.to; start += step) {
  const end = Math.min(job.to, start + step);
  for (let k = start; k < end; k++) job.out[k] = scorer.weight(job.left[k]!, job.right[k]!);
  parentPort?.postMessage({ done: end - start });
}
parentPort?.postMessage({ finished: true });
