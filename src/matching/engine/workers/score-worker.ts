/**
 * Worker thread that runs a range of a pair job (weights or levels). The prepared set's columns and
 * the pair arrays arrive on SharedArrayBuffers (no copy); results are written straight into a
 * shared output.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runPairJob, type PairJob } from '../score-pairs.js';

runPairJob(workerData as PairJob, 250_000, (done) => parentPort?.postMessage({ done }));
parentPort?.postMessage({ finished: true });
