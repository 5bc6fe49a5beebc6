/**
 * Dataset files produced on worker threads: each file's chunks are made by its own worker, so the
 * sources of a large dataset are generated in parallel while the caller writes them.
 */
import { Worker } from 'node:worker_threads';
import type { GenerateOptions } from './dataset.js';
import type { DatasetFileJob } from './workers/dataset-file-worker.js';

const WORKER_URL = new URL('./workers/dataset-file-worker.js', import.meta.url);
const WINDOW = 8;

type Message = { chunk: string } | { done: true };

/**
 * The chunks of one dataset file, made on a worker thread. Identical to `datasetFiles(options)`'s
 * chunks for the same file; stopping early terminates the worker.
 */
export async function* chunksInWorker(options: GenerateOptions, fileName: string): AsyncGenerator<string> {
  const job: DatasetFileJob = { options, fileName, window: WINDOW };
  const worker = new Worker(WORKER_URL, { workerData: job });
  const queue: Message[] = [];
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: Message) => (queue.push(m), notify()));
  worker.on('error', (e) => ((failure = e), notify()));
  worker.on('exit', (code) => {
    if (code !== 0 && failure === null) failure = new Error(`generator worker stopped with code ${code}`);
    notify();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (message === undefined) {
        if (failure !== null) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if ('done' in message) return;
      worker.postMessage(1);
      yield message.chunk;
    }
  } finally {
    await worker.terminate();
  }
}
