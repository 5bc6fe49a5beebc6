/**
 * A worker of a PairPool: holds the run's prepared set (sent once) and runs pair jobs on it, each
 * writing its results straight into a shared output, and runs of blocking rules' blocks.
 */
import { parentPort } from 'node:worker_threads';
import type { PreparedSet } from '../../record/index.js';
import { runPairJob } from '../score-pairs.js';
import type { PoolJob, PoolMessage } from '../pair-pool.js';
import { PairBuffer, blockPairs, type BlockJob } from '../../blocking/index.js';

let set: PreparedSet | null = null;

parentPort?.on(
  'message',
  (m: { set: PreparedSet } | { id: number; job: PoolJob } | { id: number; blocks: BlockJob }) => {
    if ('set' in m) {
      set = m.set;
      return;
    }
    const post = (msg: PoolMessage) => parentPort?.postMessage(msg);
    try {
      if ('blocks' in m) {
        const out = new PairBuffer();
        const counts = blockPairs(m.blocks, out);
        post({
          id: m.id,
          finished: true,
          blocks: { left: out.left, right: out.right, count: out.count, counts },
        });
        return;
      }
      if (!set) throw new Error('pair pool worker: no prepared set');
      runPairJob({ ...m.job, set }, 250_000, (done) => post({ id: m.id, done }));
      post({ id: m.id, finished: true });
    } catch (e) {
      post({ id: m.id, error: e instanceof Error ? e.message : String(e) });
    }
  },
);
