/**
 * Worker thread of an import on a SQLite file: prepares each chunk's rows (see row-prep.ts) on a
 * read-only connection of its own, counts their candidates (ChunkCounter) and scores them
 * (ChunkScorer), while the import's thread writes the chunk before. Chunks come one message at a
 * time and are answered in order; a chunk's candidates are counted once the import has applied
 * every chunk before it and said which persons they listed, and scored once those chunks have
 * given the new records of the persons they wrote. Registry persons the import has not written
 * are read on the worker's connection, which sees the registry as it was when the import began:
 * the same records, since the import has not written them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { ClaimInput } from '../../../domain/index.js';
import { createScorer, FeatureCaches, type MatchModel } from '../../../matching/index.js';
import type { DB } from '../../../db/schema.js';
import { countedPrep, prepareRows, type PrepContext } from '../row-prep.js';
import { packPrep } from '../row-preparer.js';
import { ChunkCounter, type ListedPersons } from '../candidate-finder.js';
import { ChunkScorer } from '../match-rows.js';
import type { WrittenRecords } from '../candidate-records.js';

export interface PrepWorkerData {
  readonly file: string;
  readonly model: MatchModel;
  readonly now: string;
  readonly cap: number;
  /** Page cache of the worker's connection, in KiB. */
  readonly cacheKib: number;
}

/**
 * A chunk's rows to prepare, or what the import's thread did with the earliest chunk not applied
 * (the persons it listed) or not written (their new records).
 */
export type ToWorker =
  | { readonly rows: readonly (readonly ClaimInput[])[] }
  | { readonly applied: ListedPersons }
  | { readonly written: WrittenRecords };

const data = workerData as PrepWorkerData;
const handle = new SQLite(data.file, { readonly: true, fileMustExist: true });
handle.pragma(`cache_size = -${data.cacheKib}`);
const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: handle }) });
const pc: PrepContext = {
  model: data.model,
  scorer: createScorer(data.model),
  caches: new FeatureCaches(),
  now: data.now,
  cap: data.cap,
};
const counter = new ChunkCounter(data.cap);
const scoring = new ChunkScorer(pc.model, pc.scorer, pc.caches);

let preparing = Promise.resolve();
let counting = Promise.resolve();
parentPort!.on('message', (m: ToWorker) => {
  if ('applied' in m) {
    counter.applied(m.applied);
    scoring.applied(m.applied);
    return;
  }
  if ('written' in m) {
    scoring.written(m.written);
    return;
  }
  const chunk = counter.begin();
  const prep = preparing.then(async () => {
    const p = await prepareRows(pc, m.rows, db, 'sqlite', (k) => counter.known(k));
    counter.looked(p.found);
    return p;
  });
  preparing = prep.then(
    () => undefined,
    () => undefined,
  );
  counting = counting.then(async () => {
    try {
      const p = await prep;
      const candidates = await counter.count(chunk, p.keys, p.found);
      const best = await scoring.best(chunk, db, p.set, candidates);
      const { packed, transfer } = packPrep(countedPrep(p, candidates, best));
      parentPort!.postMessage({ prep: packed }, transfer);
    } catch (e) {
      parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
  });
});
