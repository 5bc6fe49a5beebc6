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
import type { PrepContext } from '../row-prep.js';
import { ChunkMatching, packPrep } from '../row-preparer.js';
import type { ListedPersons } from '../candidate-finder.js';
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
const matching = new ChunkMatching(pc);

let preparing = Promise.resolve();
let counting = Promise.resolve();
parentPort!.on('message', (m: ToWorker) => {
  if ('applied' in m) {
    matching.applied(m.applied);
    return;
  }
  if ('written' in m) {
    matching.written(m.written);
    return;
  }
  const chunk = matching.begin();
  const prep = preparing.then(() => matching.prepare(m.rows, db, 'sqlite'));
  preparing = prep.then(
    () => undefined,
    () => undefined,
  );
  counting = counting.then(async () => {
    try {
      const { packed, transfer } = packPrep(await matching.finish(chunk, await prep, db));
      parentPort!.postMessage({ prep: packed }, transfer);
    } catch (e) {
      parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
  });
});
