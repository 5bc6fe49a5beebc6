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
import { idsOfSeqs, seqsOfPersons, type Executor } from '../db/repositories/person-repository.js';
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

/** Keys per statement. */
const KEY_SLICE = 200;

/**
 * Persons sharing at least one blocking key with the given keys, those sharing the most first
 * (bounded; merged records have no keys). A key such as "birth month and day with an initial"
 * names hundreds in a large registry: counting keys shared keeps the persons like the query in
 * the bound, where reading the keys in turn kept whoever came first.
 */
export async function candidatesByKeys(
  db: Executor,
  keys: readonly string[],
  limit: number,
  exclude?: string,
): Promise<string[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const skip = exclude ? (await seqsOfPersons(db, [exclude])).get(exclude) : undefined;
  const shared = new Map<number, number>();
  for (let i = 0; i < unique.length; i += KEY_SLICE) {
    let q = db
      .selectFrom('blocking_keys')
      .select((eb) => ['person_seq', eb.fn.countAll<number | string>().as('n')])
      .where('key', 'in', unique.slice(i, i + KEY_SLICE))
      .groupBy('person_seq');
    if (skip !== undefined) q = q.where('person_seq', '!=', skip);
    // With one statement the database keeps the best; over several, every count is needed.
    if (unique.length <= KEY_SLICE) q = q.orderBy('n', 'desc').orderBy('person_seq').limit(limit);
    for (const r of await q.execute()) {
      const seq = Number(r.person_seq);
      shared.set(seq, (shared.get(seq) ?? 0) + Number(r.n));
    }
  }
  const best = [...shared]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([seq]) => seq);
  const ids = await idsOfSeqs(db, best);
  return best.flatMap((seq) => ids.get(seq) ?? []);
}
