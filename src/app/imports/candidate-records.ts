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
  /** The set's rows of each person (persons without stored records are left out). */
  readonly rows: ReadonlyMap<string, readonly number[]>;
}

export class CandidateRecords {
  private readonly store = new PreparedStore();
  /** The store's places of each person's records. */
  private readonly kept = new Map<string, number[]>();

  /** @param limit records kept at most (forgotten ones included, until the store is cleared). */
  constructor(private readonly limit = 1_000_000) {}

  /**
   * The match records of persons (see loadMatchRecords) prepared as one set, each person's records
   * in order, the persons in the order given; read and prepared only for persons not kept.
   */
  async gather(db: Executor, ids: readonly string[], caches?: FeatureCaches): Promise<GatheredCandidates> {
    let missing = ids.filter((id) => !this.kept.has(id));
    if (missing.length > 0) {
      const read = await loadMatchRecords(db, missing);
      let count = 0;
      for (const records of read.values()) count += records.length;
      if (this.store.size + count > this.limit) {
        this.store.clear();
        this.kept.clear();
        missing = [...ids];
        for (const [id, records] of await loadMatchRecords(
          db,
          missing.filter((id) => !read.has(id)),
        ))
          read.set(id, records);
      }
      const owners: string[] = [];
      const records = [];
      for (const id of missing)
        for (const r of read.get(id) ?? []) {
          owners.push(id);
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
    const rows = new Map<string, number[]>();
    for (const id of ids) {
      const own = this.kept.get(id);
      if (!own || rows.has(id)) continue;
      rows.set(
        id,
        own.map((p) => places.push(p) - 1),
      );
    }
    return { set: this.store.gather(places), rows };
  }

  /** Forgets persons whose match records changed. */
  forget(ids: Iterable<string>): void {
    for (const id of ids) this.kept.delete(id);
  }
}
