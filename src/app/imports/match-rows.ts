/**
 * Matching a chunk of rows against the registry with set queries: the rows are prepared for the
 * engine once, their blocking keys looked up in one pass, every candidate's stored match records
 * loaded in one go and prepared once, and each row scored against its own candidates. The keys computed here
 * are the ones a new person gets, so they are returned for the insert.
 */
import { asId, type Claim, type ClaimInput, type PersonId } from '../../domain/index.js';
import {
  prepare,
  preparedBlockingKeys,
  probabilityOf,
  type Explanation,
  type MatchRecord,
  type PreparedSet,
  type Scorer,
} from '../../matching/index.js';
import type { AppContext, Unit } from '../context.js';
import { nameTokenKeyer } from '../indexing.js';
import { loadMatchRecords, matchRecordsOf } from '../match-records.js';
import type { ScoredPerson } from '../registry-matching.js';
import type { PreparedRow } from './types.js';

/** Persons scored per row at most (those sharing the most blocking keys with it). */
const MAX_CANDIDATES = 10;
/** Keys naming more persons than this are too common to propose candidates. */
const MAX_BLOCK = 200;
/** Keys looked up per query. */
const KEY_SLICE = 500;

/** An earlier row of the same chunk that a row may describe again. */
export interface SiblingMatch {
  /** The earlier row's index in the chunk. */
  readonly index: number;
  readonly weight: number;
  readonly probability: number;
  readonly explanation: Explanation;
}

/**
 * A row's blocking keys and match record (as a new person would store them), its best registry
 * match, and its best match among the earlier rows of its chunk (which are not in the registry
 * yet, so the registry lookup cannot see them).
 */
export interface MatchedRow {
  readonly keys: string[];
  readonly record: MatchRecord;
  readonly best: ScoredPerson | null;
  readonly sibling: SiblingMatch | null;
}

/** Earlier rows looked at per key when matching rows of one chunk to each other. */
const MAX_SIBLINGS_PER_KEY = 50;

/** Claim records for scoring a row that is not stored yet. */
export function transientClaims(u: Unit, id: string, inputs: readonly ClaimInput[]): Claim[] {
  return inputs.map((c) => ({
    id: asId(''),
    personId: asId<PersonId>(id),
    field: c.field,
    value: c.value,
    confidence: c.confidence,
    sensitivity: c.sensitivity,
    sourceId: asId(''),
    batchId: null,
    assertedAt: c.assertedAt,
    recordedAt: u.now,
    recordedBy: asId(''),
    supersedes: null,
    reason: null,
  }));
}

/** Name-token search keys start with t: or k:; the others are the engine's linkage keys. */
function isLinkageKey(k: string): boolean {
  return !k.startsWith('t:') && !k.startsWith('k:');
}

/**
 * Keys of each row and its best match (null when no registry person shares a linkage key).
 * `common` holds the keys already found to name more than MAX_BLOCK persons; it grows with those
 * found here, so that later chunks of the same import do not count them again.
 */
export async function matchChunk(
  ctx: AppContext,
  u: Unit,
  rows: readonly PreparedRow[],
  common: Set<string> = new Set(),
): Promise<MatchedRow[]> {
  if (rows.length === 0) return [];
  const model = ctx.matcher.model;
  const temp = rows.map((r, i) => transientClaims(u, `q${i}`, r.claims));
  const own = temp.map((c, i) => matchRecordsOf(`q${i}`, c)[0]!);
  const Q = prepare(own);
  const keys = temp.map((c, i) => [...new Set([...nameTokenKeyer(c), ...preparedBlockingKeys(Q, i, model)])]);
  const scorer = ctx.matcher.scorer;
  const siblings = siblingMatches(Q, keys, scorer);
  const wanted = new Set<string>();
  for (const list of keys) for (const k of list) if (isLinkageKey(k) && !common.has(k)) wanted.add(k);
  const byKey = await personsByKey(u, [...wanted], common);
  const candidates = keys.map((k) => topCandidates(k.filter(isLinkageKey), byKey));
  const ids = [...new Set(candidates.flat())];
  if (ids.length === 0)
    return keys.map((k, i) => ({ keys: k, record: own[i]!, best: null, sibling: siblings[i]! }));
  const stored = await loadMatchRecords(u.trx, ids);
  const records: MatchRecord[] = [];
  const indices = new Map<string, number[]>();
  for (const id of ids) {
    const list: number[] = [];
    for (const rec of stored.get(id) ?? []) list.push(records.push(rec) - 1);
    indices.set(id, list);
  }
  const C = prepare(records);
  return rows.map((_, i) => {
    let bestJ = -1;
    let bestW = -Infinity;
    for (const id of candidates[i]!)
      for (const j of indices.get(id) ?? []) {
        const w = scorer.weight(Q, i, C, j);
        if (w > bestW) {
          bestW = w;
          bestJ = j;
        }
      }
    if (bestJ < 0) return { keys: keys[i]!, record: own[i]!, best: null, sibling: siblings[i]! };
    const explanation = scorer.explain(Q, i, C, bestJ);
    return {
      keys: keys[i]!,
      record: own[i]!,
      best: { id: C.ids[bestJ]!, weight: bestW, probability: probabilityOf(bestW), explanation },
      sibling: siblings[i]!,
    };
  });
}

/** Each row's best-scoring earlier row of the chunk among those sharing a linkage key with it. */
function siblingMatches(Q: PreparedSet, keys: readonly string[][], scorer: Scorer): (SiblingMatch | null)[] {
  const rowsByKey = new Map<string, number[]>();
  const seen = new Set<number>();
  return keys.map((list, i) => {
    let bestJ = -1;
    let bestW = -Infinity;
    seen.clear();
    for (const k of list) {
      if (!isLinkageKey(k)) continue;
      const earlier = rowsByKey.get(k);
      if (!earlier) {
        rowsByKey.set(k, [i]);
        continue;
      }
      for (const j of earlier) {
        if (seen.has(j)) continue;
        seen.add(j);
        const w = scorer.weight(Q, i, Q, j);
        if (w > bestW) {
          bestW = w;
          bestJ = j;
        }
      }
      if (earlier.length < MAX_SIBLINGS_PER_KEY) earlier.push(i);
    }
    if (bestJ < 0) return null;
    return {
      index: bestJ,
      weight: bestW,
      probability: probabilityOf(bestW),
      explanation: scorer.explain(Q, i, Q, bestJ),
    };
  });
}

/**
 * Persons per key, leaving out keys shared by more than MAX_BLOCK persons: in a registry of a
 * million, a key such as "birth month and day with an initial" names hundreds, carries little
 * evidence, and would load more candidates than every other key together. Counting first keeps
 * those rows out of the transfer. Such keys are added to `common`.
 */
async function personsByKey(
  u: Unit,
  keys: readonly string[],
  common: Set<string>,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < keys.length; i += KEY_SLICE) {
    const counted = await u.trx
      .selectFrom('blocking_keys')
      .select((eb) => ['key', eb.fn.countAll<number>().as('n')])
      .where('key', 'in', keys.slice(i, i + KEY_SLICE))
      .groupBy('key')
      .execute();
    const useful: string[] = [];
    for (const c of counted)
      if (Number(c.n) <= MAX_BLOCK) useful.push(c.key);
      else common.add(c.key);
    if (useful.length === 0) continue;
    const rows = await u.trx
      .selectFrom('blocking_keys')
      .select(['key', 'person_id'])
      .where('key', 'in', useful)
      .execute();
    for (const r of rows) {
      const list = out.get(r.key);
      if (list) list.push(r.person_id);
      else out.set(r.key, [r.person_id]);
    }
  }
  return out;
}

function topCandidates(keys: readonly string[], byKey: ReadonlyMap<string, string[]>): string[] {
  const shared = new Map<string, number>();
  for (const k of keys) for (const id of byKey.get(k) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
  if (shared.size <= MAX_CANDIDATES) return [...shared.keys()];
  return [...shared.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CANDIDATES)
    .map(([id]) => id);
}
