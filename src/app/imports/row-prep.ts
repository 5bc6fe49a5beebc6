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
  type FeatureCaches,
  type MatchModel,
  type MatchRecord,
  type PreparedSet,
  type Scorer,
} from '../../matching/index.js';
import type { DialectName } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/repositories/person-repository.js';
import { isLinkageKey, nameTokenKeyer } from '../indexing.js';
import { matchRecordsOf } from '../match-records.js';
import { grown } from './grown.js';
import type { StoredRecords } from './candidate-records.js';

/** Earlier rows looked at per key when matching rows of one chunk to each other. */
const MAX_SIBLINGS_PER_KEY = 50;

/** Keys read per query. */
const KEY_SLICE = 500;

/** An earlier row of the same chunk that a row may describe again (its explanation is made on demand). */
export interface SiblingScore {
  /** The earlier row's index in the chunk. */
  readonly index: number;
  readonly weight: number;
  readonly probability: number;
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

/** A chunk's rows prepared, and each row's candidates counted (see ChunkCounter). */
export interface CountedPrep extends Omit<RowPrep, 'found' | 'keys'> {
  /**
   * Each row's blocking keys as a new person's would be staged (a JSON array). The side that
   * counted the candidates keeps them as strings, until the chunk is applied (ChunkCounter).
   */
  readonly keyText: string[];
  /** Each row's candidates: the seqs of the persons sharing the most linkage keys with it. */
  readonly candidates: number[][];
  /**
   * Candidates' match records read where the candidates were counted, by seq: only of persons the
   * import had not written then (see CandidateRecords.gather).
   */
  readonly stored: ReadonlyMap<number, StoredRecords>;
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
  const siblings = siblingMatches(set, keys, pc.scorer);
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
function siblingMatches(Q: PreparedSet, keys: readonly string[][], scorer: Scorer): (SiblingScore | null)[] {
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
    return bestJ < 0 ? null : { index: bestJ, weight: bestW, probability: probabilityOf(bestW) };
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
