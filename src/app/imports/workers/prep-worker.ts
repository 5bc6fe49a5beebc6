/**
 * Worker thread of an import on a SQLite file: prepares each chunk's rows (see row-prep.ts) on a
 * read-only connection of its own and counts their candidates (ChunkCounter), while the import's
 * thread writes the chunk before. Chunks come one message at a time and are answered in order; a
 * chunk's candidates are counted once the import has applied every chunk before it and said which
 * persons they listed. With each chunk go the stored match records of its candidates that the
 * import has neither written nor had before (the import's thread keeps those it had until it
 * forgets them all), read from the registry as it was when the import began: the same records,
 * since the import has not written them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { ClaimInput } from '../../../domain/index.js';
import { createScorer, FeatureCaches, type MatchModel } from '../../../matching/index.js';
import type { DB } from '../../../db/schema.js';
import { prepareRows, type PrepContext } from '../row-prep.js';
import { packPrep } from '../row-preparer.js';
import { ChunkCounter, type ListedPersons } from '../candidate-finder.js';
import { PersonIds } from '../person-ids.js';
import { readStoredRecords } from '../../match-records.js';
import type { StoredRecords } from '../candidate-records.js';
import { grown } from '../grown.js';

export interface PrepWorkerData {
  readonly file: string;
  readonly model: MatchModel;
  readonly now: string;
  readonly cap: number;
  /** Page cache of the worker's connection, in KiB. */
  readonly cacheKib: number;
}

/** A chunk's rows to prepare, or what the import's thread did with the earliest chunk not applied. */
export type ToWorker =
  | { readonly rows: readonly (readonly ClaimInput[])[] }
  | { readonly applied: ListedPersons; readonly cleared: boolean };

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
const personIds = new PersonIds();
/** By seq: 1 once the import has listed the person (its stored records here are stale). */
let written = new Uint8Array(1024);
/** By seq: 1 once the person's records were sent (the import's thread keeps them). */
let sent = new Uint8Array(1024);

/** The stored records of candidates neither written by the import nor sent before. */
async function storedOf(candidates: readonly number[][]): Promise<Map<number, StoredRecords>> {
  const want: number[] = [];
  for (const list of candidates)
    for (const p of list) {
      if (p >= sent.length) sent = grown(sent, p);
      if (sent[p] === 1 || (p < written.length && written[p] === 1)) continue;
      sent[p] = 1;
      want.push(p);
    }
  const out = new Map<number, StoredRecords>();
  if (want.length === 0) return out;
  const idOf = await personIds.of(db, want);
  const texts = await readStoredRecords(db, [...idOf.values()]);
  for (const p of want) {
    const id = idOf.get(p);
    const records = id === undefined ? undefined : texts.get(id);
    if (records !== undefined) out.set(p, { id: id!, records });
  }
  return out;
}

function applied(persons: ListedPersons, cleared: boolean): void {
  for (const seq of persons.seqs) {
    if (seq >= written.length) written = grown(written, seq);
    written[seq] = 1;
  }
  if (cleared) sent.fill(0);
  counter.applied(persons);
}

let preparing = Promise.resolve();
let counting = Promise.resolve();
parentPort!.on('message', (m: ToWorker) => {
  if ('applied' in m) {
    applied(m.applied, m.cleared);
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
      const { found, keys, ...rows } = await prep;
      const candidates = await counter.count(chunk, keys, found);
      const stored = await storedOf(candidates);
      const keyText = keys.map((k) => JSON.stringify(k));
      const { packed, transfer } = packPrep({ ...rows, keyText, candidates, stored });
      parentPort!.postMessage({ prep: packed }, transfer);
    } catch (e) {
      parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
  });
});
