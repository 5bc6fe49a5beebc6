/**
 * Write-ahead-log checkpoints off the writer's path. In WAL mode SQLite appends every commit to
 * the log and, by default, the connection whose commit takes the log past 1,000 pages copies the
 * log back into the database file before its commit returns. After a large import that copy is
 * several seconds per hundred thousand rows, paid inside the import while the second core idles.
 * Instead the service's connection never checkpoints (`wal_autocheckpoint = 0`) and a worker
 * thread with a connection of its own checkpoints every few hundred milliseconds (a PASSIVE
 * checkpoint: it waits for no reader and blocks no writer). A commit is durable once the log is
 * synced, so nothing is less safe; the log is copied back while the next requests run.
 *
 * If the worker cannot start or stops, the connection checkpoints for itself again.
 */
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** How often the worker checkpoints (it does nothing when the log holds no new frames). */
export const CHECKPOINT_INTERVAL_MS = 250;

export interface Checkpointer {
  /** Stops the worker after its last checkpoint; resolves when its connection is closed. */
  stop(): Promise<void>;
}

/** Starts checkpointing `file` (the database `handle` has open) in a worker thread. */
export function startCheckpointer(handle: SQLite.Database, file: string): Checkpointer {
  const autocheckpoint = handle.pragma('wal_autocheckpoint', { simple: true }) as number;
  const worker = new Worker(new URL('./workers/checkpoint-worker.js', import.meta.url), {
    workerData: { file, intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  worker.unref();
  let stopped = false;
  // Until the worker runs, and after it ends, the connection checkpoints for itself.
  worker.once('online', () => {
    if (!stopped && handle.open) handle.pragma('wal_autocheckpoint = 0');
  });
  const exited = new Promise<void>((resolve) => {
    const fallBack = () => {
      if (handle.open) handle.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
      resolve();
    };
    worker.once('exit', fallBack);
    worker.once('error', fallBack);
  });
  return {
    stop() {
      if (!stopped) {
        stopped = true;
        // Held by the worker from here: the process waits for its last checkpoint and close.
        worker.ref();
        worker.postMessage('stop');
      }
      return exited;
    },
  };
}
