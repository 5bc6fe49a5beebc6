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
  /** The store's places of each person's records, by person seq. */
  private readonly kept = new Map<number, number[]>();
  /** The seqs of the persons kept, by id. */
  private readonly seqOf = new Map<string, number>();
  private cleared = false;

  /** @param limit records kept at most (forgotten ones included, until the store is cleared). */
  constructor(private readonly limit = 1_000_000) {}

  /**
   * The match records of persons (see loadMatchRecords) prepared as one set, each person's records
   * in order, the persons in the order given; read and prepared only for persons not kept.
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
    let missing = persons.filter((p) => !this.kept.has(p));
    if (missing.length > 0) {
      const read = await readRecords(db, missing, idsOf, stored);
      let count = 0;
      for (const { records } of read.values()) count += records.length;
      if (this.store.size + count > this.limit) {
        this.store.clear();
        this.kept.clear();
        this.seqOf.clear();
        this.cleared = true;
        missing = [...persons];
        const more = missing.filter((p) => !read.has(p));
        for (const [p, r] of await readRecords(db, more, idsOf, stored)) read.set(p, r);
      }
      const owners: number[] = [];
      const records = [];
      for (const p of missing) {
        const got = read.get(p);
        if (got === undefined) continue;
        this.seqOf.set(got.id, p);
        for (const r of got.records) {
          owners.push(p);
          records.push(r);
        }
      }
      const places = this.store.add(records, caches);
      places.forEach((p, k) => {
        const list = this.kept.get(owners[k]!);
        if (list) list.push(p);
        else this.kept.set(owners[k]!, [p]);
      });
    }
    const places: number[] = [];
    const rows = new Map<number, number[]>();
    for (const person of persons) {
      const own = this.kept.get(person);
      if (!own || rows.has(person)) continue;
      rows.set(
        person,
        own.map((p) => places.push(p) - 1),
      );
    }
    return { set: this.store.gather(places), rows };
  }

  /** True once if every record was forgotten since the last call (the limit was reached). */
  takeCleared(): boolean {
    const out = this.cleared;
    this.cleared = false;
    return out;
  }

  /** Forgets persons (by id) whose match records changed. */
  forget(ids: Iterable<string>): void {
    for (const id of ids) {
      const p = this.seqOf.get(id);
      if (p === undefined) continue;
      this.kept.delete(p);
      this.seqOf.delete(id);
    }
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
