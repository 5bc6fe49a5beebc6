/**
 * Candidates' match records for the length of one import, prepared for the engine once. The same
 * registry persons come back as candidates chunk after chunk (everyone of a common name born in
 * the same year), and reading, decoding and preparing their stored records again cost more than
 * scoring them. Records are kept prepared, column by column (PreparedStore: some 200 bytes a
 * record), and each chunk's candidate set is gathered from them. Persons whose records the import
 * rewrites are forgotten; past `limit` records kept, all are forgotten and read again as needed.
 */
import {
  PreparedStore,
  type FeatureCaches,
  type MatchRecord,
  type PreparedSet,
} from '../../matching/index.js';
import type { Executor } from '../../db/repositories/person-repository.js';
import { decodeMatchRecords, loadMatchRecords } from '../match-records.js';
import { grown } from './grown.js';

/** A person's match records as stored (see readStoredRecords), with the person's id. */
export interface StoredRecords {
  readonly id: string;
  readonly records: string;
}

/** A chunk's candidates prepared as one set, and which rows of it are whose. */
export interface GatheredCandidates {
  readonly set: PreparedSet;
  /** The set's rows of each person, by the person's seq (persons without stored records are left out). */
  readonly rows: ReadonlyMap<number, readonly number[]>;
}

/**
 * Persons are known by their seqs (StagedKeys): candidates come from the key postings as seqs, and
 * a person's id is read only to read its records.
 */
export class CandidateRecords {
  private readonly store = new PreparedStore();
  /**
   * By person seq: the store's place of the person's first record + 1 (0: not kept), and how many
   * records follow it there (a person's records are added together, so their places follow one
   * another). Typed arrays rather than a map of lists: a million persons kept in a map took a
   * million small arrays for the collector to walk.
   */
  private first = new Int32Array(1024);
  private count = new Uint16Array(1024);
  private cleared = false;

  /** @param limit records kept at most (forgotten ones included, until the store is cleared). */
  constructor(private readonly limit = 1_000_000) {}

  /**
   * The match records of persons (distinct seqs; see loadMatchRecords) prepared as one set, each
   * person's records in order, the persons in the order given; read and prepared only for persons
   * not kept.
   * `idsOf` reads the ids of person seqs. `stored` holds records already read elsewhere (the
   * worker that counts candidates), as stored: only of persons whose stored records are current.
   */
  async gather(
    db: Executor,
    persons: readonly number[],
    idsOf: (seqs: readonly number[]) => Promise<ReadonlyMap<number, string>>,
    caches?: FeatureCaches,
    stored?: ReadonlyMap<number, StoredRecords>,
  ): Promise<GatheredCandidates> {
    let missing = persons.filter((p) => !this.holds(p));
    if (missing.length > 0) {
      const read = await readRecords(db, missing, idsOf, stored);
      let count = 0;
      for (const { records } of read.values()) count += records.length;
      if (this.store.size + count > this.limit) {
        this.store.clear();
        this.first.fill(0);
        this.count.fill(0);
        this.cleared = true;
        missing = [...persons];
        const more = missing.filter((p) => !read.has(p));
        for (const [p, r] of await readRecords(db, more, idsOf, stored)) read.set(p, r);
      }
      const owners: number[] = [];
      const records = [];
      for (const p of missing)
        for (const r of read.get(p)?.records ?? []) {
          owners.push(p);
          records.push(r);
        }
      const places = this.store.add(records, caches);
      places.forEach((place, k) => {
        const p = owners[k]!;
        if (k > 0 && owners[k - 1] === p) {
          this.count[p]!++;
          return;
        }
        if (p >= this.first.length) {
          this.first = grown(this.first, p);
          this.count = grown(this.count, p);
        }
        this.first[p] = place + 1;
        this.count[p] = 1;
      });
    }
    const places: number[] = [];
    const rows = new Map<number, number[]>();
    for (const person of persons) {
      if (!this.holds(person) || rows.has(person)) continue;
      const own: number[] = [];
      for (let i = 0, from = this.first[person]! - 1; i < this.count[person]!; i++)
        own.push(places.push(from + i) - 1);
      rows.set(person, own);
    }
    return { set: this.store.gather(places), rows };
  }

  /** True once if every record was forgotten since the last call (the limit was reached). */
  takeCleared(): boolean {
    const out = this.cleared;
    this.cleared = false;
    return out;
  }

  /** Forgets persons (by seq) whose match records change. */
  forget(seqs: Iterable<number>): void {
    for (const p of seqs)
      if (p < this.first.length) {
        this.first[p] = 0;
        this.count[p] = 0;
      }
  }

  private holds(p: number): boolean {
    return p < this.first.length && this.first[p] !== 0;
  }
}

/**
 * The ids and match records of persons by seq (persons without an id are left out): from
 * `stored` where it has them, else read.
 */
async function readRecords(
  db: Executor,
  seqs: readonly number[],
  idsOf: (seqs: readonly number[]) => Promise<ReadonlyMap<number, string>>,
  stored: ReadonlyMap<number, StoredRecords> | undefined,
): Promise<Map<number, { id: string; records: readonly MatchRecord[] }>> {
  const out = new Map<number, { id: string; records: readonly MatchRecord[] }>();
  const rest: number[] = [];
  for (const p of seqs) {
    const s = stored?.get(p);
    if (s) out.set(p, { id: s.id, records: decodeMatchRecords(s.id, s.records) });
    else rest.push(p);
  }
  if (rest.length === 0) return out;
  const idOf = await idsOf(rest);
  const loaded = await loadMatchRecords(db, [...idOf.values()]);
  for (const p of rest) {
    const id = idOf.get(p);
    if (id !== undefined) out.set(p, { id, records: loaded.get(id) ?? [] });
  }
  return out;
}
