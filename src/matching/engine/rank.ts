/** Ranked search: one query record against candidates the registry found by blocking keys. */
import { prepare, type MatchRecord, type PreparedRecord } from '../record/index.js';
import { createScorer, type Explanation, type Scorer } from '../explain/index.js';
import { defaultModel, type MatchModel } from '../model/index.js';

/** A scored candidate with the explanation of its score. */
export interface RankedCandidate {
  readonly candidate: PreparedRecord;
  readonly id: string;
  readonly weight: number;
  readonly probability: number;
  readonly explanation: Explanation;
}

/**
 * Scores every candidate against the query and returns them best first. Pass a compiled `scorer`
 * when ranking many queries with one model, to compile it once.
 */
export function rankCandidates(
  query: MatchRecord,
  candidates: readonly PreparedRecord[],
  model: MatchModel = defaultModel(),
  scorer: Scorer = createScorer(model),
): RankedCandidate[] {
  const Q = prepare([query]);
  const out: RankedCandidate[] = candidates.map((c) => {
    const explanation = scorer.explain(Q, 0, c.set, c.index);
    return {
      candidate: c,
      id: c.set.ids[c.index]!,
      weight: explanation.weight,
      probability: explanation.probability,
      explanation,
    };
  });
  return out.sort((a, b) => b.weight - a.weight);
}
