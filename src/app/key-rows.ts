/**
 * The key rows of persons, kept twice: `blocking_keys` ordered by (key, person_seq), for finding
 * the persons under a key or a prefix, and `person_keys` ordered by (person_seq, key), for a
 * person's own keys (search's per-person checks, re-indexing, merges). Persons are named by their
 * seq (migration 0014). Every write of key rows goes through here, so that the two hold the same
 * rows. Each table is written in its own order: rows in key order touch each page of the key
 * table once, and new persons' seqs grow, so their rows in person order are appended (see
 * migration 0013).
 */
import { availableParallelism } from 'node:os';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { insertRows, type Database } from '../db/dialects/dialect.js';
import { seqsOfPersons, type Executor } from '../db/repositories/person-repository.js';
import { DomainError } from '../domain/errors.js';

/**
 * Persons and their keys, as one write gives them. The key tables name a person by its seq
 * (migration 0014): give it when known, or it is read from `persons`.
 */
export type KeyedPersons = readonly {
  readonly personId: string;
  readonly seq?: number;
  readonly keys: Iterable<string>;
}[];

/** Persons per statement when reading or deleting by person. */
const SLICE = 500;

/** The items with every seq given, read from `persons` where missing. */
async function withSeqs(
  db: Executor,
  items: KeyedPersons,
): Promise<{ personId: string; seq: number; keys: Iterable<string> }[]> {
  const missing = items.filter((x) => x.seq === undefined).map((x) => x.personId);
  const seqs = missing.length ? await seqsOfPersons(db, missing) : new Map<string, number>();
  return items.map(({ personId, seq, keys }) => {
    const s = seq ?? seqs.get(personId);
    if (s === undefined)
      throw new DomainError('INTERNAL', `key rows for person ${personId}, which is not stored`);
    return { personId, seq: s, keys };
  });
}

/**
 * The key rows of persons, one per distinct key of each, in key order. Grouping by key first
 * sorts the few distinct keys instead of every row.
 */
export function keyRows(
  items: readonly { readonly seq: number; readonly keys: Iterable<string> }[],
): DB['blocking_keys'][] {
  const persons = new Map<string, number[]>();
  for (const { seq, keys } of items)
    for (const key of keys) {
      const list = persons.get(key);
      // A key met twice for one person is met twice in a row: its persons are listed in item order.
      if (!list) persons.set(key, [seq]);
      else if (list[list.length - 1] !== seq) list.push(seq);
    }
  const rows: DB['blocking_keys'][] = [];
  for (const key of [...persons.keys()].sort())
    for (const person_seq of persons.get(key)!) rows.push({ person_seq, key });
  return rows;
}

/** The same rows in (person_seq, key) order. */
function byPerson(rows: readonly DB['blocking_keys'][]): DB['person_keys'][] {
  return [...rows].sort(
    (a, b) => a.person_seq - b.person_seq || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/**
 * Adds key rows of persons to both tables (rows already there are skipped). For persons whose
 * keys are replaced, delete theirs first (`deleteKeyRows`).
 */
export async function writeKeyRows(
  database: Database,
  trx: Transaction<DB>,
  items: KeyedPersons,
): Promise<void> {
  const rows = keyRows(await withSeqs(trx, items));
  if (rows.length === 0) return;
  await insertRows(database, trx, 'blocking_keys', rows, { ignoreDuplicates: true });
  await insertRows(database, trx, 'person_keys', byPerson(rows), { ignoreDuplicates: true });
}

/** Helper threads SQLite may sort staged key rows on, at most (fewer on a machine of fewer cores). */
const SORT_THREADS = 2;

/**
 * Page cache of the key table's sorted insert on SQLite, in KiB. SQLite sorts in runs as large as
 * the page cache (at least 250 pages) and merges them: runs of a few MiB are sorted within the
 * processor's caches and merged on the helper threads, where runs of 64 MiB were sorted from main
 * memory. The insert itself needs no more: its rows come in the table's order, each page is
 * visited once. Measured on 25 million key rows into a registry of a million, on their own: 18.2 s
 * with 4 MiB against 22.6 s with 64; in an import of a million rows, the key tables' pass 41.0 s
 * against 44.3 s on average (docs/benchmarks.md).
 */
const KEY_SORT_CACHE_KIB = 4 * 1024;

/**
 * Writes the key rows staged in a table of the transaction (`person_seq`, `keys`: a JSON array of
 * the person's keys; a temporary table) to both tables, skipping rows staged twice or already
 * there: to the key table sorted into key order once, to the person table as staged. On SQLite
 * the sort runs on helper threads (`PRAGMA threads`) as well as the caller's, in runs of
 * KEY_SORT_CACHE_KIB; the person table's insert, whose rows land in staging order unsorted, keeps
 * a share of the caller's cache (a half with no helper, a quarter with two: its whole cache was no
 * faster), so that the key tables' pass stays within what the caller used. The helpers, measured
 * on 20 million key rows into a registry of a million (with a quarter of the cache for both
 * statements then): two took 19.8 s and 632 MB at the peak, none (and half the cache) 26.7 s and
 * 894 MB (docs/benchmarks.md).
 */
export async function writeStagedKeyRows(
  database: Database,
  trx: Transaction<DB>,
  staging: string,
): Promise<void> {
  const handle = database.sqlite;
  const cache = handle ? (handle.pragma('cache_size', { simple: true }) as number) : 0;
  const threads = handle ? (handle.pragma('threads', { simple: true }) as number) : 0;
  const helpers = Math.min(SORT_THREADS, availableParallelism() - 1);
  if (handle) handle.pragma(`threads = ${helpers}`);
  const rows = handle
    ? sql`SELECT j.value AS key, s.person_seq FROM ${sql.table(staging)} s, json_each(s.keys) j`
    : sql`SELECT j.key COLLATE "C" AS key, s.person_seq
        FROM ${sql.table(staging)} s CROSS JOIN LATERAL json_array_elements_text(s.keys::json) AS j(key)`;
  // SQLite: OR IGNORE rather than ON CONFLICT DO NOTHING. Either skips a row already there, but
  // only a statement that cannot fail midway (rows skipped, not refused) runs without a statement
  // journal: SQLite otherwise copies every page the statement changes, here every page of both
  // tables, to a temporary file first, so that it could undo the statement alone. Neither column
  // can be null (a key is a string, a staged seq is NOT NULL), so nothing else is skipped.
  const insert = handle ? sql`INSERT OR IGNORE INTO` : sql`INSERT INTO`;
  const skip = handle ? sql`` : sql`ON CONFLICT DO NOTHING`;
  try {
    if (handle) handle.pragma(`cache_size = -${KEY_SORT_CACHE_KIB}`);
    await sql`${insert} blocking_keys (key, person_seq)
      SELECT key, person_seq FROM (${rows}) r WHERE true ORDER BY key, person_seq ${skip}`.execute(trx);
    // In staging order, unsorted: new persons' seqs grow, so their rows are appended as staged;
    // only persons that gained facts land elsewhere, where a sort of every row (some 25 million
    // at a million rows) would not spare them a page.
    if (handle) handle.pragma(`cache_size = ${cache < 0 ? Math.ceil(cache / (helpers + 2)) : cache}`);
    await sql`${insert} person_keys (person_seq, key)
      SELECT person_seq, key FROM (${rows}) r WHERE true ${skip}`.execute(trx);
  } finally {
    if (handle) handle.pragma(`cache_size = ${cache}`);
    if (handle) handle.pragma(`threads = ${threads}`);
  }
}

/**
 * Replaces the key rows of persons with `keys` (persons re-indexed: a few hundred at a time at
 * most). Only the difference is written: a person's keys mostly stay as they were, and each key
 * row rewritten is a page of the key table dirtied somewhere in it (re-keying a thousand persons
 * of a million-person registry dirtied some 25,000 pages and spent most of its time committing
 * them).
 */
export async function replaceKeyRows(trx: Transaction<DB>, items: KeyedPersons): Promise<void> {
  const given = await withSeqs(trx, items);
  const old = await keysOfSeqs(
    trx,
    given.map((x) => x.seq),
  );
  const added: { seq: number; keys: string[] }[] = [];
  for (const { seq, keys } of given) {
    const before = new Set(old.get(seq) ?? []);
    const after = new Set(keys);
    const removed = [...before].filter((k) => !after.has(k));
    for (let i = 0; i < removed.length; i += SLICE) {
      const slice = removed.slice(i, i + SLICE);
      await trx.deleteFrom('blocking_keys').where('person_seq', '=', seq).where('key', 'in', slice).execute();
      await trx.deleteFrom('person_keys').where('person_seq', '=', seq).where('key', 'in', slice).execute();
    }
    const fresh = [...after].filter((k) => !before.has(k));
    if (fresh.length) added.push({ seq, keys: fresh });
  }
  const rows = keyRows(added);
  const ordered = byPerson(rows);
  for (let i = 0; i < rows.length; i += SLICE) {
    await trx
      .insertInto('blocking_keys')
      .values(rows.slice(i, i + SLICE))
      .execute();
    await trx
      .insertInto('person_keys')
      .values(ordered.slice(i, i + SLICE))
      .execute();
  }
}

/** Removes every key row of persons from both tables. */
export async function deleteKeyRows(trx: Transaction<DB>, personIds: readonly string[]): Promise<void> {
  const seqs = [...(await seqsOfPersons(trx, personIds)).values()];
  for (const [seq, keys] of await keysOfSeqs(trx, seqs)) {
    for (let i = 0; i < keys.length; i += SLICE)
      await trx
        .deleteFrom('blocking_keys')
        .where('person_seq', '=', seq)
        .where('key', 'in', keys.slice(i, i + SLICE))
        .execute();
  }
  for (let i = 0; i < seqs.length; i += SLICE)
    await trx
      .deleteFrom('person_keys')
      .where('person_seq', 'in', seqs.slice(i, i + SLICE))
      .execute();
}

/** The keys of persons by seq (those with none are left out), in key order. */
async function keysOfSeqs(db: Executor, seqs: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (let i = 0; i < seqs.length; i += SLICE)
    for (const r of await db
      .selectFrom('person_keys')
      .select(['person_seq', 'key'])
      .where('person_seq', 'in', seqs.slice(i, i + SLICE))
      .orderBy('person_seq')
      .orderBy('key')
      .execute()) {
      const seq = Number(r.person_seq);
      const list = out.get(seq);
      if (list) list.push(r.key);
      else out.set(seq, [r.key]);
    }
  return out;
}

/** The keys of persons (those with none are left out), in key order. */
export async function keysOf(db: Executor, personIds: readonly string[]): Promise<Map<string, string[]>> {
  const seqs = await seqsOfPersons(db, personIds);
  const byKey = await keysOfSeqs(db, [...seqs.values()]);
  const out = new Map<string, string[]>();
  for (const [id, seq] of seqs) {
    const keys = byKey.get(seq);
    if (keys) out.set(id, keys);
  }
  return out;
}
