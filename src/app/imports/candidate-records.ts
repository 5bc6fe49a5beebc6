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

  /** @param limit records kept at most (forgotten ones included, until the store is cleared). */
  constructor(private readonly limit = 1_000_000) {}

  /**
   * The match records of persons (see loadMatchRecords) prepared as one set, each person's records
   * in order, the persons in the order given; read and prepared only for persons not kept.
   * `idsOf` reads the ids of person seqs.
   */
  async gather(
    db: Executor,
    persons: readonly number[],
    idsOf: (seqs: readonly number[]) => Promise<ReadonlyMap<number, string>>,
    caches?: FeatureCaches,
  ): Promise<GatheredCandidates> {
    let missing = persons.filter((p) => !this.kept.has(p));
    if (missing.length > 0) {
      let idOf = await idsOf(missing);
      const read = await loadMatchRecords(db, [...idOf.values()]);
      let count = 0;
      for (const records of read.values()) count += records.length;
      if (this.store.size + count > this.limit) {
        this.store.clear();
        this.kept.clear();
        this.seqOf.clear();
        missing = [...persons];
        const more = await idsOf(missing.filter((p) => !idOf.has(p)));
        idOf = new Map([...idOf, ...more]);
        for (const [id, records] of await loadMatchRecords(db, [...more.values()])) read.set(id, records);
      }
      const owners: number[] = [];
      const records = [];
      for (const p of missing) {
        const id = idOf.get(p);
        if (id === undefined) continue;
        this.seqOf.set(id, p);
        for (const r of read.get(id) ?? []) {
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
