/**
 * Matching a chunk of rows against the registry with set queries, once its rows are prepared
 * (row-prep.ts: features, keys, matches within the chunk) and their candidates counted
 * (CandidateFinder): every candidate's stored match records loaded in one go and prepared once,
 * and each row scored against its own candidates. The keys computed for a
 * row are the ones a new person gets, so they are returned for the insert.
 */
import {
  probabilityOf,
  type Explanation,
  type FeatureCaches,
  type MatchRecord,
} from '../../matching/index.js';
import type { AppContext, Unit } from '../context.js';
import type { CandidateRecords } from './candidate-records.js';
import type { CountedPrep } from './row-prep.js';
import type { RowKeys } from './candidate-finder.js';
import type { StagedKeys } from './staged-keys.js';

/**
 * A scored match. The explanation is worked out on demand: only a row queued for review keeps one,
 * and explaining every row's best match cost more than a tenth of the scoring.
 */
export interface Scored {
  readonly weight: number;
  readonly probability: number;
  explain(): Explanation;
}

/** The registry person a row matches best, by id and by seq (the key tables' name for it). */
export interface BestMatch extends Scored {
  readonly id: string;
  readonly seq: number;
}

/** An earlier row of the same chunk that a row may describe again. */
export interface SiblingMatch extends Scored {
  /** The earlier row's index in the chunk. */
  readonly index: number;
}

/**
 * A row's blocking keys (by its row of the chunk, with the text they are staged as) and match
 * record, as a new person would store them; its best registry match, and its best match among the
 * earlier rows of its chunk (which are not in the registry yet, so the registry lookup cannot see
 * them).
 */
export interface MatchedRow {
  readonly keys: RowKeys;
  readonly record: MatchRecord;
  readonly best: BestMatch | null;
  readonly sibling: SiblingMatch | null;
}

/** What an import remembers from chunk to chunk for matching. */
export interface ImportMemory {
  /** The key rows the import gives persons, and the persons it has written. */
  readonly keys: StagedKeys;
  /** Name and text features of the rows and candidates of earlier chunks. */
  readonly features: FeatureCaches;
  /** Candidates' match records read by earlier chunks. */
  readonly records: CandidateRecords;
}

/**
 * Keys of each row and its best match (null when no registry person shares a linkage key). The
 * registry is the key table and the persons `keys` has from earlier chunks of the import.
 */
export async function matchChunk(
  ctx: AppContext,
  u: Unit,
  prep: CountedPrep,
  memory: ImportMemory,
): Promise<MatchedRow[]> {
  const { keys: staged, features: caches, records: candidateRecords } = memory;
  const { set: Q, records: own, candidates } = prep;
  const keys = prep.keyText.map((text, row): RowKeys => ({ row, text }));
  if (Q.n === 0) return [];
  const scorer = ctx.matcher.scorer;
  const siblings = prep.siblings.map((s, i): SiblingMatch | null =>
    s ? { ...s, explain: () => scorer.explain(Q, i, Q, s.index) } : null,
  );
  const persons = [...new Set(candidates.flat())];
  if (persons.length === 0)
    return keys.map((k, i) => ({ keys: k, record: own[i]!, best: null, sibling: siblings[i]! }));
  // Records read elsewhere are taken only for persons the import has not written since.
  const stored = new Map([...prep.stored].filter(([seq]) => !staged.wrote(seq)));
  const { set: C, rows: indices } = await candidateRecords.gather(
    u.trx,
    persons,
    (seqs) => staged.ids(seqs),
    caches,
    stored,
  );
  return keys.map((_, i) => {
    let bestJ = -1;
    let bestP = -1;
    let bestW = -Infinity;
    for (const p of candidates[i]!)
      for (const j of indices.get(p) ?? []) {
        const w = scorer.weight(Q, i, C, j);
        if (w > bestW) {
          bestW = w;
          bestJ = j;
          bestP = p;
        }
      }
    if (bestJ < 0) return { keys: keys[i]!, record: own[i]!, best: null, sibling: siblings[i]! };
    const j = bestJ;
    return {
      keys: keys[i]!,
      record: own[i]!,
      best: {
        id: C.ids[j]!,
        seq: bestP,
        weight: bestW,
        probability: probabilityOf(bestW),
        explain: () => scorer.explain(Q, i, C, j),
      },
      sibling: siblings[i]!,
    };
  });
}
