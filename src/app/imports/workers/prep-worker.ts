/**
 * Worker thread of an import on a SQLite file: prepares each chunk's rows (see row-prep.ts) on a
 * read-only connection of its own, while the import's thread writes the chunk before. Chunks come
 * one message at a time and are answered in order; the keys looked up are remembered, so that
 * each is looked up once in the import, as on the import's own thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { ClaimInput } from '../../../domain/index.js';
import { createScorer, FeatureCaches, type MatchModel } from '../../../matching/index.js';
import type { DB } from '../../../db/schema.js';
import { KeyPostings } from '../key-postings.js';
import { prepareRows, type PrepContext } from '../row-prep.js';
import { packPrep } from '../row-preparer.js';

export interface PrepWorkerData {
  readonly file: string;
  readonly model: MatchModel;
  readonly now: string;
  readonly cap: number;
  /** Page cache of the worker's connection, in KiB. */
  readonly cacheKib: number;
}

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
/** The keys looked up so far (only whether they were: the import's thread keeps their persons). */
const looked = new KeyPostings(0);

let queue = Promise.resolve();
parentPort!.on('message', (rows: ClaimInput[][]) => {
  queue = queue.then(async () => {
    try {
      const prep = await prepareRows(pc, rows, db, 'sqlite', (k) => looked.known(k));
      for (const k of prep.found.keys) looked.fetched(k, []);
      const { packed, transfer } = packPrep(prep);
      parentPort!.postMessage({ prep: packed }, transfer);
    } catch (e) {
      parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
  });
});
