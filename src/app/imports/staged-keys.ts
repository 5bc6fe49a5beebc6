/**
 * The blocking-key rows of one import, staged in a temporary table and written to the key tables
 * once when the import ends: to `blocking_keys` in key order and to `person_keys` in person order
 * (src/app/key-rows.ts).
 *
 * The key table is ordered by key, and an import's rows carry keys from all over it: written
 * chunk by chunk, every chunk's key rows land on pages all over the table, and once it outgrows
 * the page cache (a registry of a million persons holds some 25 million key rows) each chunk
 * reads and rewrites pages all over it. Staged, the rows go to a temporary table that is never
 * logged and reach the key table in one ordered pass (8 % less CPU for an import into a million
 * persons; docs/benchmarks.md). Until then the import's own lookups are answered from memory, where
 * a row still finds the persons that earlier chunks created.
 */
import { sql } from 'kysely';
import { insertRowsInto, type Database } from '../../db/dialects/dialect.js';
import type { Unit } from '../context.js';
import { KeyPostings } from './key-postings.js';
import { seqsOfPersons } from '../../db/repositories/person-repository.js';
import { PersonIds } from './person-ids.js';
import { grown } from './grown.js';
import { DomainError } from '../../domain/errors.js';
import { writeStagedKeyRows } from '../key-rows.js';
import { isLinkageKey } from '../indexing.js';
import type { FoundKeys } from './row-prep.js';

/**
 * On SQLite, temporary tables live in memory by default (the connection's `temp_store`), where a
 * million-row import's staged keys would take more than a gigabyte. For an import they go to a
 * temporary file with a page cache of their own; returns the function that restores the
 * setting. PostgreSQL: a no-op (temporary tables spill by themselves).
 */
export function stagingStorage(database: Database): () => void {
  const handle = database.sqlite;
  // SQLite refuses to change temp_store inside a transaction, and another request's may be open on
  // the connection: then the staging table stays in memory, or (restoring) the temporary file
  // setting stays, which is only slower for large sorts.
  if (!handle || handle.inTransaction) return () => {};
  const store = handle.pragma('temp_store', { simple: true }) as number;
  handle.pragma('temp_store = FILE');
  handle.pragma(`temp.cache_size = -${STAGING_CACHE_KIB}`);
  return () => {
    if (!handle.inTransaction) handle.pragma(`temp_store = ${store}`);
  };
}

/** Page cache of the staging table on SQLite: rows are only appended to it, then read once in order. */
const STAGING_CACHE_KIB = 32 * 1024;

/**
 * The key rows an import gives persons, and the persons each linkage key names as the import
 * sees them. Rows are staged in a temporary table and reach the key table when the import
 * commits; lookups are answered from memory (KeyPostings): a key is read from the key table the
 * first time a row of the import has it, and the persons the import gives keys are added as it
 * goes. Persons are known by their seqs (migration 0014), which the key table holds, so that
 * candidates are counted in arrays and no id is read until a candidate's records are.
 */
export class StagedKeys {
  private readonly postings: KeyPostings;
  /**
   * Keys shared with the row being ranked, by person seq; zero between rows (see mostShared). Two
   * bytes a person: the counts of two million persons take 4 MB, and a row's hundreds of scattered
   * reads of them hit the processor's cache more often than at four bytes.
   */
  private shared = new Uint16Array(1024);
  /** By seq: 1 once the person is listed under some key (see KeyPostings.add's `fresh`). */
  private listedAny = new Uint8Array(1024);
  /** One key's persons, newest first (see mostShared). */
  private readonly chain: Int32Array;
  private readonly met: number[] = [];
  private readonly personIds = new PersonIds();

  /** @param cap keys naming more persons than this name none (see KeyPostings). */
  private constructor(
    private readonly u: Unit,
    cap: number,
  ) {
    this.postings = new KeyPostings(cap);
    this.chain = new Int32Array(cap);
  }

  /**
   * Creates the staging table inside the import's transaction (a rollback removes it). It has no
   * index: lookups are answered from memory, and the commit sorts the rows once.
   */
  static async open(u: Unit, cap: number): Promise<StagedKeys> {
    if (u.database.dialect === 'sqlite') {
      await sql`DROP TABLE IF EXISTS temp.import_keys`.execute(u.trx);
      await sql`CREATE TEMP TABLE import_keys (person_seq INTEGER NOT NULL, keys TEXT NOT NULL)`.execute(
        u.trx,
      );
    } else {
      await sql`DROP TABLE IF EXISTS pg_temp.import_keys`.execute(u.trx);
      await sql`CREATE TEMP TABLE import_keys (person_seq integer NOT NULL, keys text NOT NULL) ON COMMIT DROP`.execute(
        u.trx,
      );
    }
    return new StagedKeys(u, cap);
  }

  /** The ids of persons by seq (see PersonIds). */
  async ids(seqs: readonly number[]): Promise<Map<number, string>> {
    return this.personIds.of(this.u.trx, seqs);
  }

  /**
   * The seqs of the persons sharing the most of `keys` (fetched or added ones), at most `max`;
   * of those sharing as many, the first listed (all of them, in the order met, when there are no
   * more). Counted in an array by seq, kept from row to row and zeroed where used, with a running
   * top list: a map per row and sorting every person met cost more than scoring.
   */
  mostShared(keys: readonly string[], max: number): number[] {
    if (keys.length > 0xffff) throw new RangeError('mostShared: more keys than a count holds');
    const { chain, met } = this;
    met.length = 0;
    for (const k of keys) {
      // Newest first: walked backwards, persons are met oldest first.
      for (let i = this.postings.personsInto(k, chain) - 1; i >= 0; i--) {
        const p = chain[i]!;
        if (p >= this.shared.length) this.shared = grown(this.shared, p);
        if (this.shared[p]!++ === 0) met.push(p);
      }
    }
    const shared = this.shared;
    if (met.length <= max) {
      for (const p of met) shared[p] = 0;
      return met.slice();
    }
    // Each count is read once, and zeroed as it is read: a row meets hundreds of persons, and
    // every visit to the counts is a read from a place in memory of its own.
    const top: number[] = [];
    const topCounts: number[] = [];
    for (const p of met) {
      const n = shared[p]!;
      shared[p] = 0;
      if (top.length === max && n <= topCounts[max - 1]!) continue;
      let at = top.length;
      while (at > 0 && topCounts[at - 1]! < n) at--;
      top.splice(at, 0, p);
      topCounts.splice(at, 0, n);
      if (top.length > max) {
        top.pop();
        topCounts.pop();
      }
    }
    return top;
  }

  /**
   * Stages the key rows of persons and lists them under their linkage keys (seqs not given are
   * read from `persons`). A person's keys are staged as one row (a JSON array), which the commit
   * unfolds: a million persons have some 25 million key rows, and a statement per row cost more
   * than the rest of staging.
   */
  async add(items: readonly StagedPerson[]): Promise<void> {
    const known = await this.withSeqs(items);
    const rows: { person_seq: number; keys: string }[] = [];
    for (const { seq, keys } of known)
      if (keys.length) rows.push({ person_seq: seq, keys: JSON.stringify(keys) });
    await insertRowsInto(this.u.database, this.u.trx, 'import_keys', rows);
    this.list(known);
  }

  /** Lists persons under linkage keys the key table holds already (a person reindexed by the import). */
  async remember(items: readonly StagedPerson[]): Promise<void> {
    this.list(await this.withSeqs(items));
  }

  private list(items: readonly { seq: number; keys: readonly string[] }[]): void {
    for (const { seq, keys } of items) {
      if (seq >= this.listedAny.length) this.listedAny = grown(this.listedAny, seq);
      const fresh = this.listedAny[seq] === 0;
      this.listedAny[seq] = 1;
      for (const k of keys) if (isLinkageKey(k)) this.postings.add(k, seq, fresh);
    }
  }

  private async withSeqs(
    items: readonly StagedPerson[],
  ): Promise<{ seq: number; keys: readonly string[] }[]> {
    const missing = items.filter((x) => x.seq === undefined).map((x) => x.personId);
    const seqs = missing.length ? await seqsOfPersons(this.u.trx, missing) : new Map<string, number>();
    const out: { seq: number; keys: readonly string[] }[] = [];
    for (const { personId, seq, keys } of items) {
      const s = seq ?? seqs.get(personId);
      if (s === undefined)
        throw new DomainError('INTERNAL', `keys staged for person ${personId}, which is not stored`);
      this.personIds.note(s, personId);
      out.push({ seq: s, keys });
    }
    return out;
  }

  /** True when the key table's persons of `key` are known (learnt), or the key is common. */
  known(key: string): boolean {
    return this.postings.known(key);
  }

  /** Records what the key table holds for keys (those known already are left as they are). */
  learn(found: FoundKeys): void {
    const { keys, counts, seqs } = found;
    let at = 0;
    for (let k = 0; k < keys.length; k++) {
      const n = counts[k]!;
      const from = at;
      if (n > 0) at += n;
      const key = keys[k]!;
      if (this.postings.known(key)) continue;
      if (n < 0) {
        this.postings.fetched(key, null);
        continue;
      }
      const persons = seqs.subarray(from, at);
      for (const p of persons) {
        if (p >= this.listedAny.length) this.listedAny = grown(this.listedAny, p);
        this.listedAny[p] = 1;
      }
      this.postings.fetched(key, persons);
    }
  }

  /**
   * The persons of a fetched (or added) key into `out`, as seqs; false, with `out` empty, when
   * the key names more than `cap` persons.
   */
  personsOf(key: string, out: number[]): boolean {
    return this.postings.persons(key, out);
  }

  /**
   * The staged (key, person) rows under any of `keys`, each once: one pass over the staging table,
   * each staged key looked up in the given ones.
   */
  async under(keys: readonly string[]): Promise<{ key: string; person_id: string }[]> {
    if (keys.length === 0) return [];
    const r =
      this.u.database.dialect === 'postgres'
        ? await sql<{ key: string; person_id: string }>`SELECT DISTINCT j.key, p.id AS person_id
            FROM import_keys s CROSS JOIN LATERAL json_array_elements_text(s.keys::json) AS j(key)
            JOIN persons p ON p.seq = s.person_seq
            WHERE j.key = ANY(${[...keys]}::text[])`.execute(this.u.trx)
        : await sql<{ key: string; person_id: string }>`SELECT DISTINCT j.value AS key, p.id AS person_id
            FROM temp.import_keys s, json_each(s.keys) j, persons p
            WHERE j.value IN (SELECT value FROM json_each(${JSON.stringify(keys)})) AND p.seq = s.person_seq`.execute(
            this.u.trx,
          );
    return r.rows;
  }

  /** Writes the staged rows to the key tables (see writeStagedKeyRows) and drops the staging table. */
  async commit(): Promise<void> {
    await writeStagedKeyRows(this.u.database, this.u.trx, 'import_keys');
    await this.drop();
  }

  /** Drops the staging table without writing it (a dry run). */
  async drop(): Promise<void> {
    if (this.u.database.dialect === 'sqlite') await sql`DROP TABLE temp.import_keys`.execute(this.u.trx);
    else await sql`DROP TABLE import_keys`.execute(this.u.trx);
  }
}

/** A person whose keys are staged or listed: its seq when known, else read by id. */
export interface StagedPerson {
  readonly personId: string;
  readonly seq?: number;
  readonly keys: readonly string[];
}
