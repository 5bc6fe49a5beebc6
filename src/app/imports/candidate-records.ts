/**
 * Candidates' match records for the length of one import, prepared for the engine once. The same
 * registry persons come back as candidates chunk after chunk (everyone of a common name born in
 * the same year), and reading, decoding and preparing their stored records again cost more than
 * scoring them. Records are kept prepared, column by column (PreparedStore: some 200 bytes a
 * record), and each chunk's candidate set is gathered from them. Persons whose records the import
 * rewrites are forgotten; past `limit` records kept, all are forgotten and read again as needed.
 */
import { PreparedStore, type FeatureCaches, type PreparedSet } from '../../matching/index.js';
import type { Executor } from '../../db/repositories/person-repository.js';
import { loadMatchRecords } from '../match-records.js';

/** A chunk's candidates prepared as one set, and which rows of it are whose. */
export interface GatheredCandidates {
  readonly set: PreparedSet;
  /** The set's rows of each person, by the person's number (persons without stored records are left out). */
  readonly rows: ReadonlyMap<number, readonly number[]>;
}

/**
 * Persons are known by the numbers the import gives them (StagedKeys): candidates come from the
 * key postings as numbers, and a person's id is written out only to read its records.
 */
export class CandidateRecords {
  private readonly store = new PreparedStore();
  /** The store's places of each person's records, by person number. */
  private readonly kept = new Map<number, number[]>();

  /** @param limit records kept at most (forgotten ones included, until the store is cleared). */
  constructor(private readonly limit = 1_000_000) {}

  /**
   * The match records of persons (see loadMatchRecords) prepared as one set, each person's records
   * in order, the persons in the order given; read and prepared only for persons not kept.
   * `idOf` gives the id of a person number.
   */
  async gather(
    db: Executor,
    persons: readonly number[],
    idOf: (person: number) => string,
    caches?: FeatureCaches,
  ): Promise<GatheredCandidates> {
    let missing = persons.filter((p) => !this.kept.has(p));
    if (missing.length > 0) {
      let ids = missing.map(idOf);
      const read = await loadMatchRecords(db, ids);
      let count = 0;
      for (const records of read.values()) count += records.length;
      if (this.store.size + count > this.limit) {
        this.store.clear();
        this.kept.clear();
        missing = [...persons];
        ids = missing.map(idOf);
        for (const [id, records] of await loadMatchRecords(
          db,
          ids.filter((id) => !read.has(id)),
        ))
          read.set(id, records);
      }
      const owners: number[] = [];
      const records = [];
      for (let k = 0; k < missing.length; k++)
        for (const r of read.get(ids[k]!) ?? []) {
          owners.push(missing[k]!);
          records.push(r);
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

  /** Forgets persons (by number) whose match records changed. */
  forget(persons: Iterable<number>): void {
    for (const p of persons) this.kept.delete(p);
  }
}
