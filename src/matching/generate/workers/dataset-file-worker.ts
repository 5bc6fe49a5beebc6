/**
 * Worker thread entry: produces the chunks of one dataset file and posts them to the parent,
 * keeping at most a few chunks in flight so a slow disk holds the producer back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { datasetFiles } from '../dataset.js';
import type { GenerateOptions } from '../dataset.js';

/** What the parent sends when it starts the worker. */
export interface DatasetFileJob {
  readonly options: GenerateOptions;
  readonly fileName: string;
  /** Chunks the worker may post before the parent has taken any. */
  readonly window: number;
}

const job = workerData as DatasetFileJob;
const port = parentPort;
if (!port) throw new Error('dataset-file-worker runs only as a worker thread');
const file = datasetFiles(job.options).find((f) => f.fileName === job.fileName);
if (!file) throw new Error(`no file ${job.fileName} in this dataset`);
const chunks = file.chunks()[Symbol.iterator]();
let credit = job.window;

function pump(): void {
  while (credit > 0) {
    const next = chunks.next();
    if (next.done) {
      port?.postMessage({ done: true });
      return;
    }
    credit--;
    port?.postMessage({ chunk: next.value });
  }
}

// Each message from the parent means one chunk was taken.
port.on('message', () => {
  credit++;
  pump();
});
pump();
