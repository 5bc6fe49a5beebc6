/**
 * Where an import prepares its chunks' rows for matching (row-prep.ts), counts their candidates
 * (ChunkCounter) and scores them (ChunkScorer): on a worker thread with a read-only connection of
 * its own, for a large file on a SQLite file, so that the next chunk is prepared, counted and
 * scored while this thread writes the one before; else on this thread, on the import's own
 * transaction. Either gives the same chunks: the worker's connection sees the registry as it was
 * when the import began, and what it reads there (the key table, and the match records of persons
 * the import has not written) the import does not change until it ends. What the import did write
 * reaches the worker as each chunk is applied: the persons it listed (`applied`, before its
 * writes), then their new match records (`written`, once those are written).
 */
import { Worker } from 'node:worker_threads';
import type { ClaimInput } from '../../domain/index.js';
import type { Explanation } from '../../matching/index.js';
import type { Unit } from '../context.js';
import {
  countedPrep,
  prepareRows,
  type CountedPrep,
  type PrepContext,
  type RowPrep,
  type SiblingScore,
} from './row-prep.js';
import type { DialectName } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/repositories/person-repository.js';
import type { PrepWorkerData, ToWorker } from './workers/prep-worker.js';
import { ChunkCounter, type ListedPersons } from './candidate-finder.js';
import type { WrittenRecords } from './candidate-records.js';
import { ChunkScorer, type BestScore } from './match-rows.js';

export interface RowPreparer {
  /** True when rows are prepared on a worker thread. */
  readonly onWorker: boolean;
  /**
   * Prepares a chunk's rows (given as their claims) and counts their candidates once every chunk
   * given before it has been applied; chunks are prepared in the order given.
   */
  prepare(rows: readonly (readonly ClaimInput[])[]): Promise<CountedPrep>;
  /**
   * The earliest chunk not applied yet listed the persons it writes, in order
   * (StagedKeys.takeListed). Called once per chunk prepared, in order, before the next one's
   * prepared rows are awaited.
   */
  applied(persons: ListedPersons): void;
  /**
   * The earliest chunk not written yet wrote the persons it listed: their new match records.
   * Called once per chunk, after `applied`; the next chunk is scored only then.
   */
  written(records: WrittenRecords): void;
  /** Stops the worker, if there is one. */
  close(): Promise<void>;
}

/** Files smaller than this are prepared on the import's thread: a worker takes a while to start. */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;

/**
 * Page cache of the worker's connection (KiB): it reads the key table, each key once, and the
 * match records of candidates, each person once until the import forgets them.
 */
const WORKER_CACHE_KIB = 8 * 1024;

/**
 * The preparer for an import into `u`'s database: a worker when `worker` says so (by default
 * when the file is at least WORKER_MIN_BYTES and the database is a SQLite file).
 */
export function rowPreparer(
  u: Unit,
  pc: PrepContext,
  opts: { fileBytes: number; worker?: boolean },
): RowPreparer {
  const file = u.database.file;
  const onFile = u.database.dialect === 'sqlite' && file !== null && file !== ':memory:';
  const useWorker = onFile && (opts.worker ?? opts.fileBytes >= WORKER_MIN_BYTES);
  if (!useWorker) return new ThreadPreparer(u, pc);
  return new WorkerPreparer({
    file: file!,
    model: pc.model,
    now: pc.now,
    cap: pc.cap,
    cacheKib: WORKER_CACHE_KIB,
  });
}

/**
 * An import's chunks as the side that prepares them takes them, on either thread: numbered in the
 * order given (`begin`), prepared with their keys looked up (`prepare`, possibly ahead), then
 * counted once the chunks before them are applied and scored once those are written (`finish`).
 */
export class ChunkMatching {
  private readonly counter: ChunkCounter;
  private readonly scoring: ChunkScorer;

  constructor(private readonly pc: PrepContext) {
    this.counter = new ChunkCounter(pc.cap);
    this.scoring = new ChunkScorer(pc.model, pc.scorer, pc.caches);
  }

  /** Numbers the next chunk. */
  begin(): number {
    return this.counter.begin();
  }

  /** Prepares a chunk's rows, looking up on `db` the keys no chunk before it looked up. */
  async prepare(
    rows: readonly (readonly ClaimInput[])[],
    db: Executor,
    dialect: DialectName,
  ): Promise<RowPrep> {
    const prep = await prepareRows(this.pc, rows, db, dialect, (k) => this.counter.known(k));
    this.counter.looked(prep.found);
    return prep;
  }

  /** Counts and scores prepared chunk `chunk`, once the chunks before it are applied and written. */
  async finish(chunk: number, prep: RowPrep, db: Executor): Promise<CountedPrep> {
    const candidates = await this.counter.count(chunk, prep.keys, prep.found);
    const best = await this.scoring.best(chunk, db, prep.set, candidates);
    return countedPrep(prep, candidates, best);
  }

  applied(persons: ListedPersons): void {
    this.counter.applied(persons);
    this.scoring.applied(persons);
  }

  written(records: WrittenRecords): void {
    this.scoring.written(records);
  }
}

/** Prepares, counts and scores on the import's own transaction. */
class ThreadPreparer implements RowPreparer {
  readonly onWorker = false;
  private readonly matching: ChunkMatching;

  constructor(
    private readonly u: Unit,
    pc: PrepContext,
  ) {
    this.matching = new ChunkMatching(pc);
  }

  async prepare(rows: readonly (readonly ClaimInput[])[]): Promise<CountedPrep> {
    const { matching, u } = this;
    const chunk = matching.begin();
    return matching.finish(chunk, await matching.prepare(rows, u.trx, u.database.dialect), u.trx);
  }

  applied(persons: ListedPersons): void {
    this.matching.applied(persons);
  }

  written(records: WrittenRecords): void {
    this.matching.written(records);
  }

  async close(): Promise<void> {}
}

/** Sends chunks to the worker one message each; its answers come back in the same order. */
class WorkerPreparer implements RowPreparer {
  readonly onWorker = true;
  private readonly worker: Worker;
  private readonly waiting: { resolve(p: CountedPrep): void; reject(e: Error): void }[] = [];
  private failure: Error | null = null;

  constructor(data: PrepWorkerData) {
    this.worker = new Worker(new URL('./workers/prep-worker.js', import.meta.url), { workerData: data });
    this.worker.on('message', (m: { prep?: PackedPrep; error?: string }) => {
      const next = this.waiting.shift();
      if (!next) return;
      if (m.prep) next.resolve(unpackPrep(m.prep));
      else next.reject(new Error(`preparing rows: ${m.error}`));
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) =>
      this.fail(new Error(`the row preparation worker stopped (code ${code})`)),
    );
  }

  prepare(rows: readonly (readonly ClaimInput[])[]): Promise<CountedPrep> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.post({ rows });
    });
  }

  applied(persons: ListedPersons): void {
    if (!this.failure) this.post({ applied: persons });
  }

  written(records: WrittenRecords): void {
    if (!this.failure) this.post({ written: records });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the row preparation worker was closed');
    await this.worker.terminate();
  }

  private post(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const w of this.waiting.splice(0)) w.reject(e);
  }
}

/**
 * A CountedPrep as the worker sends it. Every string (each row's stored record, keys, best
 * match's id and the explanations of its matches) is packed into one array of UTF-16 code units,
 * and every number into typed arrays, all transferred, not copied. A message larger than about
 * 100 KB is unpacked by V8 straight into the old generation, where a chunk's tens of thousands of
 * strings lived on as garbage until the next full collection: at a million rows the import
 * thread's heap swung by some 400 MB more than when it prepared rows itself. Strings made here
 * from the packed units are young and die young.
 */
export interface PackedPrep {
  readonly text: PackedStrings;
  /** Per row: the earlier row's index (-1: none), then the weight and the probability. */
  readonly siblingIndex: Int32Array;
  readonly siblingScores: Float64Array;
  /** Candidates per row, and their seqs one row after another. */
  readonly candidatesPerRow: Int32Array;
  readonly candidates: Int32Array;
  /** Per row: the best match's seq (-1: none), then its weight and probability. */
  readonly bestSeq: Int32Array;
  readonly bestScores: Float64Array;
}

/** Strings as UTF-16 code units, one after another, and the offset where each ends. */
export interface PackedStrings {
  readonly units: Uint16Array;
  readonly ends: Int32Array;
}

function packStrings(list: readonly string[]): PackedStrings {
  let length = 0;
  for (const s of list) length += s.length;
  const units = new Uint16Array(length);
  const bytes = Buffer.from(units.buffer, units.byteOffset, units.byteLength);
  const ends = new Int32Array(list.length);
  let at = 0;
  list.forEach((s, i) => {
    at += bytes.write(s, 2 * at, 'utf16le') / 2;
    ends[i] = at;
  });
  return { units, ends };
}

/**
 * Strings `from` to `to` of a pack. Each is decoded by itself from the units (a new flat string):
 * a slice of one string decoded for the whole pack would keep the pack alive for as long as any
 * of its strings (keys and names are kept for the length of the import).
 */
function unpackStrings(p: PackedStrings, from: number, to: number): string[] {
  const bytes = Buffer.from(p.units.buffer, p.units.byteOffset, p.units.byteLength);
  const out: string[] = new Array(to - from);
  for (let i = from; i < to; i++)
    out[i - from] = bytes.toString('utf16le', i === 0 ? 0 : 2 * p.ends[i - 1]!, 2 * p.ends[i]!);
  return out;
}

/** The explanation of a match as packed ('' for none). */
const explanationText = (m: { explanation: Explanation | null } | null) =>
  m?.explanation ? JSON.stringify(m.explanation) : '';

const explanationOf = (text: string) => (text ? (JSON.parse(text) as Explanation) : null);

/** The prep as the worker sends it, and the buffers to transfer with it. */
export function packPrep(prep: CountedPrep): { packed: PackedPrep; transfer: ArrayBuffer[] } {
  const n = prep.keyText.length;
  const siblingIndex = new Int32Array(n).fill(-1);
  const siblingScores = new Float64Array(2 * n);
  const candidatesPerRow = new Int32Array(n);
  prep.siblings.forEach((s, i) => {
    if (!s) return;
    siblingIndex[i] = s.index;
    siblingScores[2 * i] = s.weight;
    siblingScores[2 * i + 1] = s.probability;
  });
  prep.candidates.forEach((c, i) => (candidatesPerRow[i] = c.length));
  const candidates = Int32Array.from(prep.candidates.flat());
  const bestSeq = new Int32Array(n).fill(-1);
  const bestScores = new Float64Array(2 * n);
  prep.best.forEach((b, i) => {
    if (!b) return;
    bestSeq[i] = b.seq;
    bestScores[2 * i] = b.weight;
    bestScores[2 * i + 1] = b.probability;
  });
  const text = packStrings([
    ...prep.stored,
    ...prep.keyText,
    ...prep.best.map((b) => b?.id ?? ''),
    ...prep.best.map(explanationText),
    ...prep.siblings.map(explanationText),
  ]);
  const packed = { text, siblingIndex, siblingScores, candidatesPerRow, candidates, bestSeq, bestScores };
  const transfer = [
    text.units,
    text.ends,
    siblingIndex,
    siblingScores,
    candidatesPerRow,
    candidates,
    bestSeq,
    bestScores,
  ].map((a) => a.buffer as ArrayBuffer);
  return { packed, transfer };
}

export function unpackPrep(p: PackedPrep): CountedPrep {
  const n = p.siblingIndex.length;
  let at = 0;
  const take = (count: number) => unpackStrings(p.text, at, (at += count));
  const stored = take(n);
  const keyText = take(n);
  const bestIds = take(n);
  const bestExplained = take(n);
  const siblingExplained = take(n);
  const siblings = Array.from(p.siblingIndex, (index, i): SiblingScore | null =>
    index < 0
      ? null
      : {
          index,
          weight: p.siblingScores[2 * i]!,
          probability: p.siblingScores[2 * i + 1]!,
          explanation: explanationOf(siblingExplained[i]!),
        },
  );
  const best = Array.from(p.bestSeq, (seq, i): BestScore | null =>
    seq < 0
      ? null
      : {
          seq,
          id: bestIds[i]!,
          weight: p.bestScores[2 * i]!,
          probability: p.bestScores[2 * i + 1]!,
          explanation: explanationOf(bestExplained[i]!),
        },
  );
  let c = 0;
  const candidates = Array.from(p.candidatesPerRow, (count) =>
    Array.from(p.candidates.subarray(c, (c += count))),
  );
  return { stored, keyText, siblings, candidates, best };
}
