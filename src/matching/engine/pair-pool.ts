/**
 * Worker threads kept for the whole of one batch run. Starting a worker costs about a second of
 * wall time (it loads the engine, name tables included) and a run uses workers in four stages, so
 * a run of a million records spent several seconds starting workers. A pool starts its workers
 * before preparing the records (they load while the records are prepared), receives the prepared
 * set once, and then takes any number of pair jobs.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { PreparedSet } from '../record/index.js';
import type { PairJob } from './score-pairs.js';
import type { BlockJob, BlockPart } from '../blocking/index.js';

/** Fewest records for which a run keeps a pool: below this, its stages start workers rarely or never. */
export const POOL_THRESHOLD = 50_000;

/** A job as the pool sends it: a pair job without the set, which the worker holds already. */
export type PoolJob = Omit<PairJob, 'set'>;

/** What a pool worker posts back. */
export type PoolMessage =
  | { id: number; done: number }
  | { id: number; finished: true; blocks?: BlockPart }
  | { id: number; error: string };

interface Pending {
  /** `blocks`: what a run of blocks gave (see `runBlocks`). */
  resolve(blocks?: BlockPart): void;
  reject(e: Error): void;
  onProgress?: (done: number) => void;
}

export class PairPool {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;
  private hasSet = false;

  private constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.unref();
      w.on('message', (m: PoolMessage) => this.onMessage(m));
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`pair worker stopped with code ${code}`));
      });
    }
  }

  /**
   * A pool of `threads` workers (default: the machine's parallelism, at most 8) for a run of
   * `records` records, or null when a pool would not pay: one thread, or fewer than `minRecords`.
   */
  static forRun(records: number, threads?: number, minRecords = POOL_THRESHOLD): PairPool | null {
    const n = Math.max(1, Math.min(threads ?? availableParallelism(), 8));
    if (n < 2 || records < minRecords) return null;
    return new PairPool(
      Array.from({ length: n }, () => new Worker(new URL('./workers/pool-worker.js', import.meta.url))),
    );
  }

  /** Hands the prepared set to every worker (a copy of its string table each; columns are shared). */
  load(S: PreparedSet): void {
    const set: PreparedSet = { ...S, ids: [] };
    for (const w of this.workers) w.postMessage({ set });
    this.hasSet = true;
  }

  /**
   * Runs `job` over pairs [from, to) split evenly across the first `use` workers (default all);
   * a worker busy with an earlier job takes this one after it.
   */
  async run(job: PoolJob, use = this.workers.length, onProgress?: (done: number) => void): Promise<void> {
    if (!this.hasSet) throw new Error('pair pool: no prepared set loaded');
    if (this.failure) throw this.failure;
    const workers = this.workers.slice(0, Math.max(1, Math.min(use, this.workers.length)));
    const chunk = Math.ceil((job.to - job.from) / workers.length);
    await Promise.all(
      workers.map((w, t) => {
        const from = job.from + t * chunk;
        const to = Math.min(job.to, from + chunk);
        if (from >= to) return Promise.resolve();
        const id = this.nextId++;
        return new Promise<void>((resolve, reject) => {
          this.pending.set(id, { resolve: () => resolve(), reject, ...(onProgress && { onProgress }) });
          // Held while a job is out, so that the process waits for it.
          w.ref();
          w.postMessage({ id, job: { ...job, from, to } });
        });
      }),
    );
  }

  /**
   * Runs blocks of one blocking rule on the last worker (see `candidatePairsWith`): background pair
   * jobs go to the first ones, so the blocks do not queue behind them.
   */
  runBlocks(job: BlockJob): Promise<BlockPart> {
    if (this.failure) return Promise.reject(this.failure);
    const w = this.workers[this.workers.length - 1]!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: (done) =>
          done ? resolve(done) : reject(new Error('pair pool: a run of blocks came back empty')),
        reject,
      });
      w.ref();
      w.postMessage({ id, blocks: job });
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private onMessage(m: PoolMessage): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if ('done' in m) p.onProgress?.(m.done);
    else {
      this.pending.delete(m.id);
      if (this.pending.size === 0) for (const w of this.workers) w.unref();
      if ('error' in m) p.reject(new Error(m.error));
      else p.resolve(m.blocks);
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
