/**
 * `prepare` on worker threads for large lists: the records are cut into consecutive runs, the first
 * prepared on the calling thread while workers prepare the others, and the parts merged in order,
 * so the result is exactly `prepare(records)`.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { MatchRecord } from './field-types.js';
import type { PreparedSet } from './features.js';
import { prepare, prepareParts, type PreparedPart } from './prepare.js';

/** Below this many records one thread prepares them all: starting workers would cost more. */
const PARALLEL_THRESHOLD = 50_000;

/** Options: `threads` in all, the calling thread included (default: the machine's parallelism). */
export interface PrepareOptions {
  readonly threads?: number;
  /** Fewest records worth starting workers for (default 50,000). */
  readonly minRecords?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

function partInWorker(records: readonly MatchRecord[]): Promise<PreparedPart> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./workers/prepare-worker.js', import.meta.url), { workerData: records });
    w.once('message', (part: PreparedPart) => resolve(part));
    w.on('error', reject);
    w.on('exit', (code) => {
      if (code !== 0) reject(new Error(`prepare worker stopped with code ${code}`));
    });
  });
}

/** Prepares records, on worker threads when there are many (same result as `prepare`). */
export async function prepareInParallel(
  records: readonly MatchRecord[],
  opts: PrepareOptions = {},
): Promise<PreparedSet> {
  const n = records.length;
  const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), 8));
  if (threads === 1 || n < (opts.minRecords ?? PARALLEL_THRESHOLD)) return prepare(records, opts.onProgress);
  const run = Math.ceil(n / threads);
  const later: Promise<PreparedPart>[] = [];
  for (let from = run; from < n; from += run) {
    const part = partInWorker(records.slice(from, Math.min(n, from + run)));
    // Reported as each part arrives; a rejection is also awaited by prepareParts.
    part.then(() => opts.onProgress?.(Math.min(n, from + run), n)).catch(() => undefined);
    later.push(part);
  }
  return prepareParts(records, run, later);
}
