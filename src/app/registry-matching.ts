/**
 * The registry side of matching: persons as match records, blocking keys kept per person, ranked
 * search, and duplicate candidates queued for review. The engine itself (src/matching) is pure.
 */
import {
  blockingKeysMany,
  createScorer,
  defaultModel,
  prepare,
  preparedRecords,
  rankCandidates,
  type MatchModel,
  type MatchRecord,
  type Scorer,
  type Explanation,
} from '../matching/index.js';
import type { Claim } from '../domain/index.js';
import type { Executor } from '../db/repositories/person-repository.js';
import { nameTokenKeyer, type PersonKeyer } from './indexing.js';
import { matchRecordsOf } from './match-records.js';

export { liveClaimsOf, loadMatchRecords, matchRecordsOf } from './match-records.js';

/** The registry's matcher: one model, compiled once. */
export interface RegistryMatcher {
  readonly model: MatchModel;
  readonly scorer: Scorer;
  readonly keyer: PersonKeyer;
}

export function createRegistryMatcher(model: MatchModel = defaultModel()): RegistryMatcher {
  // Keys of many persons at once, from match records already made: they are prepared together.
  const ofRecords = (
    recordLists: readonly (readonly MatchRecord[])[],
    lists: readonly (readonly Claim[])[],
  ): string[][] => {
    const records: MatchRecord[] = [];
    const owner: number[] = [];
    recordLists.forEach((list, p) => {
      for (const record of list) {
        records.push(record);
        owner.push(p);
      }
    });
    const sets = lists.map((claims) => new Set(nameTokenKeyer(claims)));
    blockingKeysMany(records, model).forEach((keys, r) => {
      for (const k of keys) sets[owner[r]!]!.add(k);
    });
    return sets.map((set) => [...set]);
  };
  const many = (lists: readonly (readonly Claim[])[]): string[][] =>
    ofRecords(
      lists.map((claims, p) => matchRecordsOf(claims[0]?.personId ?? `p${p}`, claims)),
      lists,
    );
  const keyer: PersonKeyer = Object.assign((claims: readonly Claim[]) => many([claims])[0]!, {
    many,
    ofRecords,
  });
  return { model, scorer: createScorer(model), keyer };
}

/** A scored registry person. */
export interface ScoredPerson {
  readonly id: string;
  readonly probability: number;
  readonly weight: number;
  readonly explanation: Explanation;
}

/**
 * Scores a query against registry persons (by their live claims). A person with several spellings
 * scores by its best-matching one.
 */
export function scoreAgainst(
  matcher: RegistryMatcher,
  query: MatchRecord,
  claimsByPerson: ReadonlyMap<string, Claim[]>,
): ScoredPerson[] {
  const byPerson = new Map<string, MatchRecord[]>();
  for (const [id, claims] of claimsByPerson) byPerson.set(id, matchRecordsOf(id, claims));
  return scoreRecords(matcher, query, byPerson);
}

/** Scores a query against registry persons given as match records (see loadMatchRecords). */
export function scoreRecords(
  matcher: RegistryMatcher,
  query: MatchRecord,
  recordsByPerson: ReadonlyMap<string, readonly MatchRecord[]>,
): ScoredPerson[] {
  const records: MatchRecord[] = [];
  for (const list of recordsByPerson.values()) records.push(...list);
  if (records.length === 0) return [];
  const ranked = rankCandidates(query, preparedRecords(prepare(records)), matcher.model, matcher.scorer);
  const best = new Map<string, ScoredPerson>();
  for (const r of ranked)
    if (!best.has(r.id))
      best.set(r.id, { id: r.id, probability: r.probability, weight: r.weight, explanation: r.explanation });
  return [...best.values()];
}

/** Persons sharing at least one blocking key with the given keys (bounded), merged records excluded. */
export async function candidatesByKeys(
  db: Executor,
  keys: readonly string[],
  limit: number,
  exclude?: string,
): Promise<string[]> {
  if (keys.length === 0) return [];
  const ids = new Set<string>();
  for (let i = 0; i < keys.length && ids.size < limit; i += 200) {
    let q = db
      .selectFrom('blocking_keys')
      .select('person_id')
      .distinct()
      .where('key', 'in', keys.slice(i, i + 200))
      .limit(limit);
    if (exclude) q = q.where('person_id', '!=', exclude);
    for (const r of await q.execute()) ids.add(r.person_id);
  }
  return [...ids].slice(0, limit);
}
