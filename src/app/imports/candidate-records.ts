/**
 * Candidates' match records for the length of one import. The same registry persons come back as
 * candidates chunk after chunk (everyone of a common name born in the same year), and reading and
 * decoding their stored records again cost as much as scoring them. Persons whose records the
 * import rewrites are forgotten; at most `limit` are kept, the ones read first leaving first.
 */
import type { MatchRecord } from '../../matching/index.js';
import type { Executor } from '../../db/repositories/person-repository.js';
import { loadMatchRecords } from '../match-records.js';

export class CandidateRecords {
  private readonly kept = new Map<string, MatchRecord[]>();

  constructor(private readonly limit = 200_000) {}

  /** The match records of persons, by person (see loadMatchRecords); read only for persons not kept. */
  async load(db: Executor, ids: readonly string[]): Promise<Map<string, MatchRecord[]>> {
    const out = new Map<string, MatchRecord[]>();
    const missing: string[] = [];
    for (const id of ids) {
      const kept = this.kept.get(id);
      if (kept) out.set(id, kept);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const read = await loadMatchRecords(db, missing);
    if (this.kept.size + read.size > this.limit) this.evict(this.kept.size + read.size - this.limit);
    for (const [id, records] of read) {
      out.set(id, records);
      this.kept.set(id, records);
    }
    return out;
  }

  /** Forgets persons whose match records changed. */
  forget(ids: Iterable<string>): void {
    for (const id of ids) this.kept.delete(id);
  }

  /** Drops the `n` persons read first (and a tenth of the limit more, so that eviction is rare). */
  private evict(n: number): void {
    let left = n + Math.ceil(this.limit / 10);
    for (const id of this.kept.keys()) {
      if (left-- <= 0) break;
      this.kept.delete(id);
    }
  }
}
