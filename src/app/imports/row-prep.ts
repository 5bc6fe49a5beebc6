/**
 * The part of matching a chunk of rows that needs nothing the import has written: the rows
 * prepared for the engine, their blocking keys, their best matches among the earlier rows of the
 * chunk, and the key table's persons for the linkage keys not looked up before. The key table is
 * not written until the import ends (StagedKeys), so these lookups give the same answer on any
 * connection that sees the registry as it was when the import began. That lets a worker thread do
 * all of this for the next chunk, on a read-only connection of its own, while the import's own
 * thread writes the chunk before (see RowPreparer and workers/prep-worker.ts).
 */
import { sql } from 'kysely';
import { asId, type Claim, type ClaimInput, type PersonId } from '../../domain/index.js';
import {
  prepare,
  preparedBlockingKeys,
  probabilityOf,
  type Explanation,
  type FeatureCaches,
  type MatchModel,
  type MatchRecord,
  type PreparedSet,
  type Scorer,
} from '../../matching/index.js';
import type { DialectName } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/repositories/person-repository.js';
import { isLinkageKey, nameTokenKeyer } from '../indexing.js';
import { encodeMatchRecords, matchRecordsOf } from '../match-records.js';
import { grown } from './grown.js';
import type { BestScore } from './match-rows.js';

/** Earlier rows looked at per key when matching rows of one chunk to each other. */
const MAX_SIBLINGS_PER_KEY = 50;

/** Keys read per query. */
const KEY_SLICE = 500;

/**
 * An earlier row of the same chunk that a row may describe again, explained when the match falls
 * between the review and the match thresholds (only such a match is queued for review).
 */
export interface SiblingScore {
  /** The earlier row's index in the chunk. */
  readonly index: number;
  readonly weight: number;
  readonly probability: number;
  readonly explanation: Explanation | null;
}

/**
 * What the key table holds for some keys: for key k, `counts[k]` persons (0: none; -1: more than
 * the cap, a common key), whose seqs follow one another in `seqs`, key after key, in the table's
 * order.
 */
export interface FoundKeys {
  readonly keys: string[];
  readonly counts: Int32Array;
  readonly seqs: Int32Array;
}

/** A chunk's rows prepared for matching (see the module's comment). */
export interface RowPrep {
  readonly set: PreparedSet;
  /** Each row's match record, as a new person would store it. */
  readonly records: MatchRecord[];
  /** Each row's blocking keys, name-token keys included. */
  readonly keys: string[][];
  readonly siblings: (SiblingScore | null)[];
  /** The key table's persons of the rows' linkage keys that were not looked up before. */
  readonly found: FoundKeys;
}

/**
 * A chunk's rows prepared, each row's candidates counted (see ChunkCounter) and scored (see
 * ChunkScorer): what the import's thread needs of them to decide and write the rows.
 */
export interface CountedPrep {
  /** Each row's match record as a new person would store it (encodeMatchRecords). */
  readonly stored: string[];
  readonly siblings: (SiblingScore | null)[];
  /**
   * Each row's blocking keys as a new person's would be staged (a JSON array). The side that
   * counted the candidates keeps them as strings, until the chunk is applied (ChunkCounter).
   */
  readonly keyText: string[];
  /** Each row's candidates: the seqs of the persons sharing the most linkage keys with it. */
  readonly candidates: number[][];
  /** Each row's best match among its candidates (ChunkScorer), null when none has records. */
  readonly best: (BestScore | null)[];
}

/** A prepared chunk as the import's thread takes it, once its candidates are counted and scored. */
export function countedPrep(prep: RowPrep, candidates: number[][], best: (BestScore | null)[]): CountedPrep {
  return {
    stored: prep.records.map((r) => encodeMatchRecords([r])),
    siblings: prep.siblings,
    keyText: prep.keys.map((k) => JSON.stringify(k)),
    candidates,
    best,
  };
}

/** Everything row preparation needs to know, the same on either thread. */
export interface PrepContext {
  readonly model: MatchModel;
  readonly scorer: Scorer;
  readonly caches: FeatureCaches;
  /** The import's timestamp (the transient claims' recording time). */
  readonly now: string;
  /** Keys naming more persons than this name none. */
  readonly cap: number;
}

/**
 * Prepares rows given as their claims, looking up on `db` the linkage keys for which `known` is
 * false (the caller records the keys `found` answers for).
 */
export async function prepareRows(
  pc: PrepContext,
  rows: readonly (readonly ClaimInput[])[],
  db: Executor,
  dialect: DialectName,
  known: (key: string) => boolean,
): Promise<RowPrep> {
  const temp = rows.map((claims, i) => transientClaims(pc.now, `q${i}`, claims));
  const records = temp.map((c, i) => matchRecordsOf(`q${i}`, c)[0]!);
  const set = prepare(records, undefined, pc.caches);
  const keys = temp.map((c, i) => [
    ...new Set([...nameTokenKeyer(c), ...preparedBlockingKeys(set, i, pc.model)]),
  ]);
  const siblings = siblingMatches(set, keys, pc.scorer, pc.model);
  const wanted = new Set<string>();
  for (const list of keys) for (const k of list) if (isLinkageKey(k) && !known(k)) wanted.add(k);
  const found = await lookupKeys(db, dialect, [...wanted], pc.cap);
  return { set, records, keys, siblings, found };
}

/** Claim records for scoring a row that is not stored yet; `now` is the import's timestamp. */
function transientClaims(now: string, id: string, inputs: readonly ClaimInput[]): Claim[] {
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
    recordedAt: now,
    recordedBy: asId(''),
    supersedes: null,
    reason: null,
  }));
}

/** Each row's best-scoring earlier row of the chunk among those sharing a linkage key with it. */
function siblingMatches(
  Q: PreparedSet,
  keys: readonly string[][],
  scorer: Scorer,
  model: MatchModel,
): (SiblingScore | null)[] {
  const { match, review } = model.thresholds;
  const rowsByKey = new Map<string, number[]>();
  // Row i + 1 where earlier row j was scored for row i already (a pair sharing several keys is
  // scored once): an array by row, cheaper than a set cleared for every row.
  const seen = new Int32Array(keys.length);
  return keys.map((list, i) => {
    let bestJ = -1;
    let bestW = -Infinity;
    for (const k of list) {
      if (!isLinkageKey(k)) continue;
      const earlier = rowsByKey.get(k);
      if (!earlier) {
        rowsByKey.set(k, [i]);
        continue;
      }
      for (const j of earlier) {
        if (seen[j] === i + 1) continue;
        seen[j] = i + 1;
        const w = scorer.weight(Q, i, Q, j);
        if (w > bestW) {
          bestW = w;
          bestJ = j;
        }
      }
      if (earlier.length < MAX_SIBLINGS_PER_KEY) earlier.push(i);
    }
    if (bestJ < 0) return null;
    const probability = probabilityOf(bestW);
    const explained = probability >= review && probability < match;
    return {
      index: bestJ,
      weight: bestW,
      probability,
      explanation: explained ? scorer.explain(Q, i, Q, bestJ) : null,
    };
  });
}

/**
 * Reads from the key table the persons of `keys`, one query per KEY_SLICE keys that returns one
 * row per key with at most `cap` + 1 of its persons' seqs, in the table's order: a common key
 * (more than `cap`) is known as common after `cap` + 1 of its rows, however many it has. (A query
 * that counted every key's persons read all of a common key's rows, some thousands for "given name
 * and birth year" in a registry of a million, to throw them away.) Keys are read in key order, so
 * each query's lookups walk the key table forwards and neighbouring keys share pages.
 */
export async function lookupKeys(
  db: Executor,
  dialect: DialectName,
  keys: readonly string[],
  cap: number,
): Promise<FoundKeys> {
  const sorted = [...keys].sort();
  const counts = new Int32Array(sorted.length);
  let seqs = new Int32Array(Math.max(16, sorted.length * 4));
  let used = 0;
  const one: number[] = [];
  for (let i = 0; i < sorted.length; i += KEY_SLICE) {
    const slice = sorted.slice(i, i + KEY_SLICE);
    const r =
      dialect === 'postgres'
        ? await sql<{ key: string; persons: string | null }>`SELECT k AS key,
            (SELECT string_agg(b.person_seq::text, ',') FROM (SELECT person_seq FROM blocking_keys
              WHERE key = k ORDER BY person_seq LIMIT ${sql.lit(cap + 1)}) b) AS persons
            FROM unnest(${slice}::text[]) WITH ORDINALITY AS u(k, n) ORDER BY n`.execute(db)
        : await sql<{ key: string; persons: string | null }>`SELECT k.value AS key,
            (SELECT group_concat(b.person_seq, ',') FROM (SELECT person_seq FROM blocking_keys
              WHERE key = k.value ORDER BY key, person_seq LIMIT ${sql.lit(cap + 1)}) b) AS persons
            FROM json_each(${JSON.stringify(slice)}) AS k ORDER BY k.key`.execute(db);
    r.rows.forEach(({ persons }, k) => {
      // No row: a key the table does not hold names no one in the registry.
      if (persons === null) return;
      if (!parseSeqs(persons, cap, one)) {
        counts[i + k] = -1;
        return;
      }
      if (used + one.length > seqs.length) seqs = grown(seqs, used + one.length - 1);
      for (const p of one) seqs[used++] = p;
      counts[i + k] = one.length;
    });
  }
  return { keys: sorted, counts, seqs: seqs.slice(0, used) };
}

/**
 * The seqs of a comma-joined list into `out` (cleared first), read digit by digit; false, with
 * `out` empty, when the list holds more than `cap`.
 */
function parseSeqs(list: string, cap: number, out: number[]): boolean {
  out.length = 0;
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) {
      out.push(n);
      n = 0;
    } else n = n * 10 + (c - 48);
  }
  out.push(n);
  if (out.length > cap) {
    out.length = 0;
    return false;
  }
  return true;
}
