/**
 * Matching a chunk of rows against the registry, once its rows are prepared (row-prep.ts:
 * features, keys, matches within the chunk) and their candidates counted (CandidateFinder):
 * every candidate's match records gathered in one set from those kept (CandidateRecords), and
 * each row scored against its own candidates. This runs where the candidates were counted, on
 * the import's worker thread when it has one (RowPreparer): a chunk is scored once the chunk
 * before it has given the new records of the persons it wrote (`written`), so that every row is
 * scored against the registry exactly as the chunks before it left it.
 */
import {
  probabilityOf,
  type Explanation,
  type FeatureCaches,
  type MatchModel,
  type PreparedSet,
  type Scorer,
} from '../../matching/index.js';
import type { Executor } from '../../db/repositories/person-repository.js';
import { DomainError } from '../../domain/errors.js';
import { CandidateRecords, type WrittenRecords } from './candidate-records.js';
import type { ListedPersons, RowKeys } from './candidate-finder.js';
import type { CountedPrep } from './row-prep.js';

/**
 * A scored match. The explanation is worked out on demand: only a row queued for review keeps one,
 * and explaining every row's best match cost more than a tenth of the scoring.
 */
export interface Scored {
  readonly weight: number;
  readonly probability: number;
  explain(): Explanation;
}

/**
 * A row's best registry match as scored: the person by seq (the key tables' name for it) and id,
 * and the explanation when the match falls between the review and the match thresholds (only
 * such a match is queued for review, and only it is explained).
 */
export interface BestScore {
  readonly seq: number;
  readonly id: string;
  readonly weight: number;
  readonly probability: number;
  readonly explanation: Explanation | null;
}

/** The registry person a row matches best, by id and by seq. */
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
  /** The row's match record as a new person would store it (encodeMatchRecords). */
  readonly stored: string;
  readonly best: BestMatch | null;
  readonly sibling: SiblingMatch | null;
}

/**
 * Scores the rows of an import's chunks against their candidates, in order: chunk i (numbered as
 * ChunkCounter numbers them) once the i chunks before it have given the records they wrote.
 */
export class ChunkScorer {
  private readonly records: CandidateRecords;
  private writtenChunks = 0;
  private readonly waiting: { chunk: number; resolve(): void }[] = [];
  /**
   * The prepared rows of chunks scored and not written yet, by chunk: a person created from a row
   * is given by its row (WrittenPerson), and its record copied from here.
   */
  private readonly rows = new Map<number, PreparedSet>();

  constructor(
    private readonly model: MatchModel,
    private readonly scorer: Scorer,
    private readonly caches: FeatureCaches,
  ) {
    this.records = new CandidateRecords();
  }

  /** The earliest chunk not applied yet listed these persons: their records are about to change. */
  applied(persons: ListedPersons): void {
    this.records.stale(persons.seqs);
  }

  /** The earliest chunk not written yet was written: the new records of the persons it listed. */
  written(w: WrittenRecords): void {
    this.records.written(w, this.caches, this.rows.get(this.writtenChunks));
    this.rows.delete(this.writtenChunks);
    this.writtenChunks++;
    for (let i = this.waiting.length - 1; i >= 0; i--)
      if (this.waiting[i]!.chunk <= this.writtenChunks) this.waiting.splice(i, 1)[0]!.resolve();
  }

  /**
   * Each row's best match among its candidates (null: none has records), the rows being `Q` and
   * their candidates by seq; registry persons not kept are read on `db`, before the chunk waits
   * for the one before it. Of equal weights the first candidate's (in the order given) wins, and
   * of one person's records the first.
   */
  async best(
    chunk: number,
    db: Executor,
    Q: PreparedSet,
    candidates: readonly (readonly number[])[],
  ): Promise<(BestScore | null)[]> {
    this.rows.set(chunk, Q);
    const persons = [...new Set(candidates.flat())];
    await this.records.load(db, persons, this.caches);
    if (this.writtenChunks < chunk)
      await new Promise<void>((resolve) => this.waiting.push({ chunk, resolve }));
    if (persons.length === 0) return candidates.map(() => null);
    const { set: C, rows } = await this.records.gather(db, persons, this.caches);
    const { match, review } = this.model.thresholds;
    const { scorer } = this;
    return candidates.map((list, i) => {
      let bestJ = -1;
      let bestP = -1;
      let bestW = -Infinity;
      for (const p of list)
        for (const j of rows.get(p) ?? []) {
          const w = scorer.weight(Q, i, C, j);
          if (w > bestW) {
            bestW = w;
            bestJ = j;
            bestP = p;
          }
        }
      if (bestJ < 0) return null;
      const probability = probabilityOf(bestW);
      const explained = probability >= review && probability < match;
      return {
        seq: bestP,
        id: C.ids[bestJ]!,
        weight: bestW,
        probability,
        explanation: explained ? scorer.explain(Q, i, C, bestJ) : null,
      };
    });
  }
}

/** A match as the import's thread takes it: explained where it was scored, if at all. */
function scored(what: string, m: { weight: number; probability: number; explanation: Explanation | null }) {
  return {
    weight: m.weight,
    probability: m.probability,
    explain: (): Explanation => {
      if (!m.explanation) throw new DomainError('INTERNAL', `${what} was scored without an explanation`);
      return m.explanation;
    },
  };
}

/**
 * Each row of a prepared chunk with its keys, its best registry match and its best match among
 * the earlier rows of the chunk, as they were scored where the chunk was prepared.
 */
export function matchChunk(prep: CountedPrep): MatchedRow[] {
  const { stored, keyText, siblings, best } = prep;
  return keyText.map((text, i): MatchedRow => {
    const s = siblings[i];
    const b = best[i];
    return {
      keys: { row: i, text },
      stored: stored[i]!,
      best: b ? { id: b.id, seq: b.seq, ...scored(`row ${i}: its best match`, b) } : null,
      sibling: s ? { index: s.index, ...scored(`row ${i}: its match in the chunk`, s) } : null,
    };
  });
}
